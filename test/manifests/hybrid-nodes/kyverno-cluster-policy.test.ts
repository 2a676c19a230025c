import { App, Chart } from 'cdk8s';
import { KYVERNO_API_VERSION, KyvernoClusterPolicy } from '../../../manifests/hybrid-nodes/kyverno-cluster-policy';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

function render(rules: ConstructorParameters<typeof KyvernoClusterPolicy>[2]['rules']) {
  const chart = new Chart(new App(), 'C');
  new KyvernoClusterPolicy(chart, 'P', { name: 'p', rules });
  return chart.toJson()[0];
}

const RULE = {
  name: 'r',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  mutate: { patchStrategicMerge: { metadata: { labels: { a: 'b' } } } },
};

test('renders a cluster-scoped kyverno.io/v1 ClusterPolicy that the schema accepts', () => {
  const policy = render([RULE]);
  expect(policy).toMatchObject({ apiVersion: KYVERNO_API_VERSION, kind: 'ClusterPolicy', metadata: { name: 'p' } });
  expect(policy.metadata.namespace).toBeUndefined();
  expect(kubernetesValidationErrors(policy)).toEqual([]);
});

test('the schema rejects a misspelt field and an unknown operator (it can fail)', () => {
  const policy = render([RULE]);
  expect(kubernetesValidationErrors({ ...policy, spec: { rules: [{ ...RULE, mutates: {} }] } })).not.toEqual([]);
  expect(
    kubernetesValidationErrors({
      ...policy,
      spec: { rules: [{ ...RULE, preconditions: { all: [{ key: 'a', operator: 'Is', value: 'b' }] } }] },
    }),
  ).not.toEqual([]);
});
