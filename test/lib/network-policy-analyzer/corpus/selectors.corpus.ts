import { CorpusCase, LABELS_PAGE } from './corpus-case';
import { deployment, manifests, namespace } from './manifest-builders';

const server = deployment('default/server', { app: 'server' }, [{ containerPort: 80 }]);

function ingressFromPods(selectorYaml: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from:
    - podSelector:
${selectorYaml}`;
}

const frontend = deployment('default/frontend', { tier: 'frontend' });
const backend = deployment('default/backend', { tier: 'backend' });
const untiered = deployment('default/untiered', { app: 'untiered' });

export const selectorCases: readonly CorpusCase[] = [
  {
    name: 'matches only the listed values with the In operator',
    spec: `${LABELS_PAGE} set-based requirement "In"`,
    manifests: manifests(
      server,
      frontend,
      backend,
      untiered,
      ingressFromPods('        matchExpressions: [{key: tier, operator: In, values: [frontend, cache]}]'),
    ),
    expect: [
      { from: 'default/frontend', to: 'default/server', port: 80, allowed: true },
      { from: 'default/backend', to: 'default/server', port: 80, allowed: false },
      { from: 'default/untiered', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'matches pods lacking the key as well as other values with the NotIn operator',
    spec: `${LABELS_PAGE} "tier notin (frontend, backend) selects all resources with key equal to tier and values other than frontend and backend, and all resources with no labels with the tier key"`,
    manifests: manifests(
      server,
      frontend,
      backend,
      untiered,
      ingressFromPods('        matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]'),
    ),
    expect: [
      { from: 'default/frontend', to: 'default/server', port: 80, allowed: false },
      { from: 'default/backend', to: 'default/server', port: 80, allowed: true },
      { from: 'default/untiered', to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'matches any value but not a missing key with the Exists operator',
    spec: `${LABELS_PAGE} set-based requirement "exists"`,
    manifests: manifests(
      server,
      frontend,
      backend,
      untiered,
      ingressFromPods('        matchExpressions: [{key: tier, operator: Exists}]'),
    ),
    expect: [
      { from: 'default/frontend', to: 'default/server', port: 80, allowed: true },
      { from: 'default/backend', to: 'default/server', port: 80, allowed: true },
      { from: 'default/untiered', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'matches only pods lacking the key with the DoesNotExist operator',
    spec: `${LABELS_PAGE} set-based requirement "!tier"`,
    manifests: manifests(
      server,
      frontend,
      untiered,
      ingressFromPods('        matchExpressions: [{key: tier, operator: DoesNotExist}]'),
    ),
    expect: [
      { from: 'default/frontend', to: 'default/server', port: 80, allowed: false },
      { from: 'default/untiered', to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'ANDs matchLabels with every matchExpressions requirement',
    spec: 'LabelSelector reference: "The result of matchLabels and matchExpressions are ANDed."',
    manifests: manifests(
      server,
      deployment('default/stable-web', { app: 'web', track: 'stable' }),
      deployment('default/canary-web', { app: 'web', track: 'canary' }),
      deployment('default/stable-batch', { app: 'batch', track: 'stable' }),
      ingressFromPods(`        matchLabels: {app: web}
        matchExpressions:
        - {key: track, operator: In, values: [stable]}
        - {key: legacy, operator: DoesNotExist}`),
    ),
    expect: [
      { from: 'default/stable-web', to: 'default/server', port: 80, allowed: true },
      { from: 'default/canary-web', to: 'default/server', port: 80, allowed: false },
      { from: 'default/stable-batch', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'matches namespaces lacking the key with a NotIn namespaceSelector, including undefined namespaces',
    spec: `${LABELS_PAGE} NotIn also selects objects without the key; undefined namespaces carry only kubernetes.io/metadata.name`,
    manifests: manifests(
      server,
      namespace('restricted', { zone: 'restricted' }),
      namespace('open', { zone: 'open' }),
      deployment('restricted/worker', { app: 'worker' }),
      deployment('open/worker', { app: 'worker' }),
      deployment('undefined-ns/worker', { app: 'worker' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from:
    - namespaceSelector:
        matchExpressions: [{key: zone, operator: NotIn, values: [restricted]}]`,
    ),
    expect: [
      { from: 'restricted/worker', to: 'default/server', port: 80, allowed: false },
      { from: 'open/worker', to: 'default/server', port: 80, allowed: true },
      { from: 'undefined-ns/worker', to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'selects the pods a policy applies to with matchExpressions in spec.podSelector',
    spec: `${LABELS_PAGE}; NetworkPolicySpec.podSelector "follows standard label selector semantics"`,
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      deployment('default/protected', { app: 'db', tier: 'data' }, [{ containerPort: 5432 }]),
      deployment('default/unprotected', { app: 'db' }, [{ containerPort: 5432 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: data-tier}
spec:
  podSelector:
    matchExpressions: [{key: tier, operator: In, values: [data]}]
  policyTypes: [Ingress]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/protected', ports: 'no ports' },
      { from: 'default/client', to: 'default/unprotected', ports: 'all ports' },
    ],
  },
];
