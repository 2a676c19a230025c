import { App } from 'cdk8s';
import { CloudBurstingChart } from '../../../manifests/hybrid-nodes/cloud-bursting-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

test('is one valid Deployment nginx-deployment in default with 200m CPU per pod, so about 8 fit on the m5.large hybrid node', () => {
  const objects = new CloudBurstingChart(new App(), 'C').toJson();
  expect(objects).toHaveLength(1);
  const [deployment] = objects;
  expect(deployment.metadata).toMatchObject({ name: 'nginx-deployment', namespace: 'default' });
  expect(deployment.spec.template.spec.containers[0].resources).toEqual({
    requests: { cpu: '200m' },
    limits: { cpu: '200m' },
  });
  expect(deployment.spec.template.spec.initContainers).toBeUndefined();
  expect(kubernetesValidationErrors(deployment)).toEqual([]);
});
