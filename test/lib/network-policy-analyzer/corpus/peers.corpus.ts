import { API_REFERENCE, CONCEPT_PAGE, CorpusCase } from './corpus-case';
import { deployment, manifests, namespace } from './manifest-builders';

const server = deployment('default/server', { app: 'server' }, [{ containerPort: 80 }]);

function ingressFrom(peersYaml: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in, namespace: default}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from:
${peersYaml}`;
}

export const peerCases: readonly CorpusCase[] = [
  {
    name: "allows a podSelector peer only in the policy's own namespace",
    spec: `${CONCEPT_PAGE} podSelector "selects particular Pods in the same namespace as the NetworkPolicy"`,
    manifests: manifests(
      server,
      deployment('default/client', { role: 'client' }),
      deployment('other/client', { role: 'client' }),
      ingressFrom('    - podSelector: {matchLabels: {role: client}}'),
    ),
    expect: [
      { from: 'default/client', to: 'default/server', port: 80, allowed: true },
      { from: 'other/client', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'allows every pod of the namespaces a namespaceSelector peer matches and no other',
    spec: `${CONCEPT_PAGE} namespaceSelector "selects particular namespaces for which all Pods should be allowed"`,
    manifests: manifests(
      server,
      namespace('blue', { team: 'blue' }),
      namespace('red', { team: 'red' }),
      deployment('blue/anything', { app: 'anything' }),
      deployment('red/anything', { app: 'anything' }),
      deployment('default/local', { app: 'local' }),
      ingressFrom('    - namespaceSelector: {matchLabels: {team: blue}}'),
    ),
    expect: [
      { from: 'blue/anything', to: 'default/server', port: 80, allowed: true },
      { from: 'red/anything', to: 'default/server', port: 80, allowed: false },
      { from: 'default/local', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'ANDs a namespaceSelector and a podSelector given in one peer',
    spec: `${CONCEPT_PAGE} "contains a single from element allowing connections from Pods with the label role=client in namespaces with the label user=alice"`,
    manifests: manifests(
      server,
      namespace('alice', { user: 'alice' }),
      namespace('bob', { user: 'bob' }),
      deployment('alice/client', { role: 'client' }),
      deployment('alice/other', { role: 'other' }),
      deployment('bob/client', { role: 'client' }),
      deployment('default/client', { role: 'client' }),
      ingressFrom(`    - namespaceSelector:
        matchLabels: {user: alice}
      podSelector:
        matchLabels: {role: client}`),
    ),
    expect: [
      { from: 'alice/client', to: 'default/server', port: 80, allowed: true },
      { from: 'alice/other', to: 'default/server', port: 80, allowed: false },
      { from: 'bob/client', to: 'default/server', port: 80, allowed: false },
      { from: 'default/client', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'ORs two peers given as separate from entries',
    spec: `${CONCEPT_PAGE} "allows connections from Pods in the local Namespace with the label role=client, or from any Pod in any namespace with the label user=alice"`,
    manifests: manifests(
      server,
      namespace('alice', { user: 'alice' }),
      namespace('bob', { user: 'bob' }),
      deployment('alice/other', { role: 'other' }),
      deployment('bob/client', { role: 'client' }),
      deployment('default/client', { role: 'client' }),
      deployment('default/other', { role: 'other' }),
      ingressFrom(`    - namespaceSelector:
        matchLabels: {user: alice}
    - podSelector:
        matchLabels: {role: client}`),
    ),
    expect: [
      { from: 'alice/other', to: 'default/server', port: 80, allowed: true },
      { from: 'default/client', to: 'default/server', port: 80, allowed: true },
      { from: 'bob/client', to: 'default/server', port: 80, allowed: false },
      { from: 'default/other', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: "allows every pod of the policy's namespace, and only those, for an empty podSelector peer",
    spec: `${API_REFERENCE} podSelector "if present but empty, it selects all pods" (in the policy's namespace without namespaceSelector)`,
    manifests: manifests(
      server,
      deployment('default/neighbour', { app: 'neighbour' }),
      deployment('other/outsider', { app: 'outsider' }),
      ingressFrom('    - podSelector: {}'),
    ),
    expect: [
      { from: 'default/neighbour', to: 'default/server', port: 80, allowed: true },
      { from: 'other/outsider', to: 'default/server', port: 80, allowed: false },
      { from: { external: '203.0.113.1' }, to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'allows pods of every namespace, but no external address, for an empty namespaceSelector peer',
    spec: `${API_REFERENCE} namespaceSelector "if present but empty, it selects all namespaces"`,
    manifests: manifests(
      server,
      deployment('default/neighbour', { app: 'neighbour' }),
      deployment('other/outsider', { app: 'outsider' }),
      ingressFrom('    - namespaceSelector: {}'),
    ),
    expect: [
      { from: 'default/neighbour', to: 'default/server', port: 80, allowed: true },
      { from: 'other/outsider', to: 'default/server', port: 80, allowed: true },
      { from: { external: '203.0.113.1' }, to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'allows matching pods in every namespace for an empty namespaceSelector with a podSelector',
    spec: `${API_REFERENCE} "the NetworkPolicyPeer as a whole selects the Pods matching PodSelector in the Namespaces selected by NamespaceSelector"`,
    manifests: manifests(
      server,
      deployment('one/monitor', { role: 'monitoring' }),
      deployment('two/monitor', { role: 'monitoring' }),
      deployment('two/app', { role: 'app' }),
      ingressFrom(`    - namespaceSelector: {}
      podSelector: {matchLabels: {role: monitoring}}`),
    ),
    expect: [
      { from: 'one/monitor', to: 'default/server', port: 80, allowed: true },
      { from: 'two/monitor', to: 'default/server', port: 80, allowed: true },
      { from: 'two/app', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'allows every source, in the cluster or outside it, when a rule has no from field',
    spec: `${API_REFERENCE} from: "If this field is empty or missing, this rule matches all sources"`,
    manifests: manifests(
      server,
      deployment('other/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - ports: [{port: 80}]`,
    ),
    expect: [
      { from: 'other/client', to: 'default/server', port: 80, allowed: true },
      { from: 'other/client', to: 'default/server', port: 81, allowed: false },
      { from: { external: '203.0.113.5' }, to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'allows every source when from is an empty list',
    spec: `${API_REFERENCE} from: "If this field is empty or missing, this rule matches all sources"`,
    manifests: manifests(
      server,
      deployment('other/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: []
    ports: [{port: 80}]`,
    ),
    expect: [
      { from: 'other/client', to: 'default/server', ports: 'TCP 80' },
      { from: { external: '198.51.100.20' }, to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'allows all traffic on every port from everywhere for ingress: [{}]',
    spec: `${CONCEPT_PAGE} "Default allow all ingress traffic"`,
    manifests: manifests(
      server,
      deployment('other/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all}
spec:
  podSelector: {}
  ingress:
  - {}`,
    ),
    expect: [
      { from: 'other/client', to: 'default/server', ports: 'all ports' },
      { from: { external: '192.0.2.44' }, to: 'default/server', port: 9999, protocol: 'SCTP', allowed: true },
    ],
  },
  {
    name: 'allows egress only to the peers a to list selects',
    spec: `${API_REFERENCE} egress.to: "this rule allows traffic only if the traffic matches at least one item in the to list"`,
    manifests: manifests(
      deployment('default/api', { app: 'api' }),
      deployment('default/db', { app: 'db' }, [{ containerPort: 5432 }]),
      deployment('default/cache', { app: 'cache' }, [{ containerPort: 6379 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-out}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: db}}}]`,
    ),
    expect: [
      { from: 'default/api', to: 'default/db', ports: 'all ports' },
      { from: 'default/api', to: 'default/cache', ports: 'no ports' },
      { from: 'default/api', to: { external: '203.0.113.99' }, port: 443, allowed: false },
    ],
  },
  {
    name: 'selects a namespace that is referenced but not defined by its kubernetes.io/metadata.name label',
    spec: `${CONCEPT_PAGE} "Targeting a Namespace by its name": the control plane sets kubernetes.io/metadata.name on all namespaces`,
    manifests: manifests(
      server,
      deployment('payments/worker', { app: 'worker' }),
      deployment('orders/worker', { app: 'worker' }),
      ingressFrom('    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}'),
    ),
    expect: [
      { from: 'payments/worker', to: 'default/server', port: 80, allowed: true },
      { from: 'orders/worker', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'gives a referenced but undefined namespace no label other than kubernetes.io/metadata.name',
    spec: 'Issue 5: namespaces referenced but not defined behave as namespaces with only the kubernetes.io/metadata.name label',
    manifests: manifests(
      server,
      namespace('labelled', { env: 'prod' }),
      deployment('labelled/worker', { app: 'worker' }),
      deployment('undefined-ns/worker', { app: 'worker' }),
      ingressFrom('    - namespaceSelector: {matchExpressions: [{key: env, operator: Exists}]}'),
    ),
    expect: [
      { from: 'labelled/worker', to: 'default/server', port: 80, allowed: true },
      { from: 'undefined-ns/worker', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'uses the real namespace name for kubernetes.io/metadata.name even when the manifest sets another value',
    spec: `${CONCEPT_PAGE} the kubernetes.io/metadata.name label is immutable and its value is the namespace name`,
    manifests: manifests(
      server,
      namespace('real', { team: 'a', 'kubernetes.io/metadata.name': 'fake' }),
      deployment('real/worker', { app: 'worker' }),
      ingressFrom(`    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: real, team: a}}`),
      deployment('default/decoy', { app: 'decoy' }, [{ containerPort: 80 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: decoy-in}
spec:
  podSelector: {matchLabels: {app: decoy}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: fake}}}]`,
    ),
    expect: [
      { from: 'real/worker', to: 'default/server', port: 80, allowed: true },
      { from: 'real/worker', to: 'default/decoy', port: 80, allowed: false },
    ],
  },
];
