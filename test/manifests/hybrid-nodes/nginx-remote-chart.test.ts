import { App } from 'cdk8s';
import { NginxRemoteChart } from '../../../manifests/hybrid-nodes/nginx-remote-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

const objects = new NginxRemoteChart(new App(), 'NginxRemote').toJson() as {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
}[];

test('holds the namespace, the Deployment and the Service of the lab kustomization, without the Ingress', () => {
  expect(objects.map((object) => `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`)).toEqual([
    'Namespace//nginx-remote',
    'Deployment/nginx-remote/nginx',
    'Service/nginx-remote/nginx',
  ]);
});

test('every object validates against the Kubernetes schema', () => {
  for (const object of objects) expect(kubernetesValidationErrors(object)).toEqual([]);
});

test('the Service selects exactly the pods of the Deployment', () => {
  const deployment = objects.find((object) => object.kind === 'Deployment')!;
  const service = objects.find((object) => object.kind === 'Service')!;
  const podLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template
    .metadata.labels;
  expect(podLabels).toEqual(service.spec!.selector);
  expect((deployment.spec as { selector: { matchLabels: unknown } }).selector.matchLabels).toEqual(podLabels);
});
