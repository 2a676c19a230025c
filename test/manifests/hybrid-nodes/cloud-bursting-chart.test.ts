import { App } from 'cdk8s';
import { CloudBurstingChart } from '../../../manifests/hybrid-nodes/cloud-bursting-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

test('is one valid Deployment nginx-deployment in default with 200m CPU per pod, requested and limited', () => {
  const objects = new CloudBurstingChart(new App(), 'C', { replicas: 3 }).toJson();
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

test('runs the replicas it is given (the workshop scales 3 -> 15 -> 3)', () => {
  expect(new CloudBurstingChart(new App(), 'C', { replicas: 15 }).toJson()[0].spec.replicas).toBe(15);
});

test.each([0, -1, 2.5])('refuses %p replicas', (replicas) => {
  expect(() => new CloudBurstingChart(new App(), 'C', { replicas })).toThrow(/positive whole number of replicas/);
});
