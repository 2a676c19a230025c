import { App } from 'cdk8s';
import { PodDeletionCostPolicyChart } from '../../../manifests/hybrid-nodes/pod-deletion-cost-policy-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

const [policy] = new PodDeletionCostPolicyChart(new App(), 'P').toJson();

test("is the lab's set-pod-deletion-cost ClusterPolicy", () => {
  expect(policy.metadata.name).toBe('set-pod-deletion-cost');
  expect(policy.spec.rules).toEqual([
    {
      name: 'set-deletion-cost-for-nginx-on-hybrid',
      match: { any: [{ resources: { kinds: ['Pod/binding'] } }] },
      context: [
        { name: 'node', variable: { jmesPath: 'request.object.target.name', default: '' } },
        {
          name: 'computeType',
          apiCall: {
            urlPath: '/api/v1/nodes/{{node}}',
            jmesPath: 'metadata.labels."eks.amazonaws.com/compute-type" || \'empty\'',
          },
        },
      ],
      preconditions: { all: [{ key: '{{ computeType }}', operator: 'Equals', value: 'hybrid' }] },
      mutate: {
        targets: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            name: '{{ request.object.metadata.name }}',
            namespace: '{{ request.object.metadata.namespace }}',
          },
        ],
        patchStrategicMerge: { metadata: { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '1' } } },
      },
    },
  ]);
});

test('validates against our ClusterPolicy schema', () => {
  expect(kubernetesValidationErrors(policy)).toEqual([]);
});

test('fails open: a Kyverno outage must not reject every pod binding of the cluster', () => {
  expect(policy.spec.webhookConfiguration).toEqual({ failurePolicy: 'Ignore' });
});
