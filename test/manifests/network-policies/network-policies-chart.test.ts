import { App } from 'cdk8s';
import { LAB_NETWORK_POLICY_KEYS } from '../../../manifests/network-policies/lab-network-policies';
import { NetworkPoliciesChart } from '../../../manifests/network-policies/network-policies-chart';

interface PolicyJson {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

function synth(policies: ConstructorParameters<typeof NetworkPoliciesChart>[2]['policies']): PolicyJson[] {
  return new NetworkPoliciesChart(new App(), 'NetworkPolicies', { policies }).toJson() as PolicyJson[];
}

const ALL_BUT_DUPLICATES = LAB_NETWORK_POLICY_KEYS.filter(
  (key) => key !== 'allow-order-ingress-fail-debug' && key !== 'allow-order-ingress-success-debug',
);

test('renders one networking.k8s.io/v1 NetworkPolicy per requested policy, in order', () => {
  const objects = synth(['default-deny', 'allow-ui-egress']);
  expect(
    objects.map((object) => [object.apiVersion, object.kind, object.metadata.namespace, object.metadata.name]),
  ).toEqual([
    ['networking.k8s.io/v1', 'NetworkPolicy', 'ui', 'default-deny'],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'ui', 'allow-ui-egress'],
  ]);
});

test('adds no label at all: no cdk8s label in metadata or in any selector', () => {
  const objects = synth(ALL_BUT_DUPLICATES);
  for (const object of objects) expect(object.metadata.labels).toBeUndefined();
  expect(JSON.stringify(objects)).not.toContain('cdk8s');
});

test('serialises the all-namespaces peer as an empty namespaceSelector and default-deny as an empty podSelector', () => {
  const [defaultDeny, uiEgress] = synth(['default-deny', 'allow-ui-egress']);
  expect(defaultDeny.spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  expect(uiEgress.spec.egress).toEqual([
    {
      to: [
        { namespaceSelector: {}, podSelector: { matchLabels: { 'app.kubernetes.io/component': 'service' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
      ],
    },
  ]);
});

test('fails when two variants of the same policy are requested together', () => {
  expect(() => synth(['allow-order-ingress-fail-debug', 'allow-order-ingress-success-debug'])).toThrow(
    /orders\/allow-orders-ingress-webservice is listed twice \(policy allow-order-ingress-success-debug\)/,
  );
});

test('allows one variant of each policy', () => {
  expect(synth(['allow-order-ingress-success-debug', 'allow-catalog-ingress-db'])).toHaveLength(2);
});
