import { NetworkPoliciesChart } from '../../../manifests/network-policies/network-policies-chart';
import { App } from 'cdk8s';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import { parse } from 'yaml';
import {
  LAB_NETWORK_POLICIES,
  LAB_NETWORK_POLICY_KEYS,
  type LabNetworkPolicyKey,
} from '../../../manifests/network-policies/lab-network-policies';

/**
 * The workshop's policy files (eks-workshop-v2 manifests/modules/networking/network-policies/apply-network-policies),
 * as written there, YAML quirks included: `matchLabels:` with nothing after it is null, `matchLabels: {}` is empty,
 * and the ingress files have no policyTypes. Transcribed from ../shared/reference/workshop-networking.md 3.3.
 */
const WORKSHOP_FILES: Readonly<Record<string, string>> = {
  'default-deny.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: default-deny
spec:
  podSelector:
    matchLabels: {}
  policyTypes:
    - Egress
`,
  'allow-ui-egress.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: ui
  name: allow-ui-egress
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ui
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
          podSelector:
            matchLabels:
              app.kubernetes.io/component: service
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
`,
  'allow-catalog-ingress-webservice.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: catalog
  name: allow-catalog-ingress-webservice
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: catalog
      app.kubernetes.io/component: service
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ui
          podSelector:
            matchLabels:
              app.kubernetes.io/name: ui
`,
  'allow-catalog-ingress-db.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: catalog
  name: allow-catalog-ingress-db
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: catalog
      app.kubernetes.io/component: mysql
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: catalog
              app.kubernetes.io/component: service
`,
  'allow-order-ingress-fail-debug.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: orders
  name: allow-orders-ingress-webservice
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: orders
      app.kubernetes.io/component: service
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: ui
`,
  'allow-order-ingress-success-debug.yaml': `
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: orders
  name: allow-orders-ingress-webservice
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: orders
      app.kubernetes.io/component: service
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ui
          podSelector:
            matchLabels:
              app.kubernetes.io/name: ui
`,
};

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** What the API server stores: nulls and empty maps are absent; policyTypes defaults to Ingress (+ Egress with egress rules). */
function asStored(spec: Json): Json {
  const strip = (value: Json): Json | undefined => {
    if (value === null) return undefined;
    if (Array.isArray(value)) return value.map((item) => strip(item) ?? null);
    if (typeof value === 'object') {
      const entries = Object.entries(value)
        .map(([key, child]) => [key, strip(child)] as const)
        .filter(
          ([key, child]) =>
            child !== undefined && !(key === 'matchLabels' && Object.keys(child as object).length === 0),
        );
      return Object.fromEntries(entries) as Json;
    }
    return value;
  };
  const stored = strip(spec) as { [key: string]: Json };
  if (stored.policyTypes === undefined)
    stored.policyTypes = stored.egress === undefined ? ['Ingress'] : ['Ingress', 'Egress'];
  return stored;
}

const WORKSHOP_VARIANTS = LAB_NETWORK_POLICY_KEYS.filter((key) => LAB_NETWORK_POLICIES[key].workshopFile !== undefined);

describe('the workshop policies', () => {
  test('every workshop policy file has a lab policy; the lab adds its end-state orders variant and two vpc-lattice companions', () => {
    expect(WORKSHOP_VARIANTS.map((key) => LAB_NETWORK_POLICIES[key].workshopFile).sort()).toEqual(
      Object.keys(WORKSHOP_FILES).sort(),
    );
    expect(LAB_NETWORK_POLICY_KEYS.filter((key) => LAB_NETWORK_POLICIES[key].workshopFile === undefined)).toEqual([
      'allow-orders-ingress-complete',
      'allow-ui-egress-vpc-lattice',
      'allow-orders-ingress-checkoutv2',
    ]);
  });

  test.each(WORKSHOP_VARIANTS)('%s has the workshop file\u2019s name, namespace and (as stored) spec', (key) => {
    const policy = LAB_NETWORK_POLICIES[key];
    const workshop = parse(WORKSHOP_FILES[policy.workshopFile!]) as {
      metadata: { name: string; namespace?: string };
      spec: Json;
    };
    expect(policy.name).toBe(workshop.metadata.name);
    // default-deny.yaml has no namespace: the docs apply it with `kubectl apply -n ui`.
    expect(policy.namespace).toBe(workshop.metadata.namespace ?? 'ui');
    expect(asStored(policy.spec as unknown as Json)).toEqual(asStored(workshop.spec));
  });

  test('allow-ui-egress selects every namespace with an empty namespaceSelector (the workshop\u2019s null matchLabels)', () => {
    const peer = LAB_NETWORK_POLICIES['allow-ui-egress'].spec.egress![0].to![0];
    expect(peer.namespaceSelector).toEqual({});
    expect(peer.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/component': 'service' } });
  });

  test('the broken orders variant has no namespaceSelector, the fixed one pairs it with the ui podSelector', () => {
    expect(LAB_NETWORK_POLICIES['allow-order-ingress-fail-debug'].spec.ingress![0].from).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ui' } } },
    ]);
    expect(LAB_NETWORK_POLICIES['allow-order-ingress-success-debug'].spec.ingress![0].from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ui' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ui' } },
      },
    ]);
  });
});

describe('the complete orders variant', () => {
  const complete = LAB_NETWORK_POLICIES['allow-orders-ingress-complete'];

  test('replaces the workshop orders policy (same name and namespace, same pods selected)', () => {
    const fixed = LAB_NETWORK_POLICIES['allow-order-ingress-success-debug'];
    expect([complete.namespace, complete.name]).toEqual([fixed.namespace, fixed.name]);
    expect(complete.spec.podSelector).toEqual(fixed.spec.podSelector);
  });

  test('admits the ui as the workshop\u2019s fix does, and the checkout service pods of the checkout namespace', () => {
    expect(complete.spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ui' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ui' } },
          },
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'checkout' } },
            podSelector: {
              matchLabels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/component': 'service' },
            },
          },
        ],
      },
    ]);
  });
});

test.each(LAB_NETWORK_POLICY_KEYS)('%s is a valid networking.k8s.io/v1 NetworkPolicy', (key: LabNetworkPolicyKey) => {
  // Rendered as deployed (typed values such as IntOrString become plain JSON).
  const [rendered] = new NetworkPoliciesChart(new App(), 'Render', { policies: [key] }).toJson() as object[];
  const model = new networking.NetworkPolicy(rendered as never);
  expect(() => model.validate()).not.toThrow();
});
