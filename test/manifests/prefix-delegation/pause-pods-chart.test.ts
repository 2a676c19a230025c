import { Testing } from 'cdk8s';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PAUSE_IMAGE, PAUSE_PODS, PausePodsChart } from '../../../manifests/prefix-delegation/pause-pods-chart';

interface DeploymentJson {
  kind: string;
  metadata: { name: string; namespace: string };
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: {
          name: string;
          image: string;
          resources: { requests: Record<string, string>; limits: Record<string, string> };
        }[];
        securityContext: { runAsNonRoot: boolean };
      };
    };
  };
}

function render(replicas: number): DeploymentJson {
  const objects = Testing.synth(new PausePodsChart(Testing.app(), 'Test', { replicas })) as DeploymentJson[];
  expect(objects).toHaveLength(1);
  return objects[0];
}

describe('PausePodsChart', () => {
  let deployment: DeploymentJson;
  beforeAll(() => {
    deployment = render(150);
  });

  test('renders the workshop Deployment pause-pods-prefix in namespace other, selected by run=pause-pods-prefix', () => {
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.metadata).toMatchObject({ name: 'pause-pods-prefix', namespace: 'other' });
    expect(deployment.spec.replicas).toBe(150);
    expect(deployment.spec.selector.matchLabels).toEqual({ run: 'pause-pods-prefix' });
    expect(deployment.spec.template.metadata.labels).toEqual({ run: 'pause-pods-prefix' });
    expect(deployment.spec.template.spec.containers.map((container) => container.name)).toEqual(['reserve-resources']);
  });

  test('pins registry.k8s.io/pause to a tag', () => {
    const image = deployment.spec.template.spec.containers[0].image;
    expect(image).toBe(PAUSE_IMAGE);
    expect(image).toMatch(/^registry\.k8s\.io\/pause:\d+\.\d+(\.\d+)?$/);
  });

  test('requests so little that 110 pods fit a 2-vCPU, 4 GiB node (t3.medium)', () => {
    const { requests, limits } = deployment.spec.template.spec.containers[0].resources;
    expect(requests).toEqual({ cpu: '1m', memory: '8Mi' });
    expect(limits).toEqual({ memory: '16Mi' });
    const millicores = Number(requests.cpu.replace(/m$/, ''));
    const memoryLimitMi = Number(limits.memory.replace(/Mi$/, ''));
    // 110 pods (the EKS cap at 30 vCPUs or fewer) stay under a tenth of 2 vCPUs and, even at their memory limit,
    // under half of 4 GiB.
    expect(110 * millicores).toBeLessThanOrEqual(200);
    expect(110 * memoryLimitMi).toBeLessThanOrEqual(2048);
  });

  test('runs as non-root, valid for the Kubernetes Deployment schema', () => {
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(() => new Deployment(deployment as never).validate()).not.toThrow();
  });

  test('uses the names defined once in PAUSE_PODS', () => {
    expect(PAUSE_PODS).toEqual({
      name: 'pause-pods-prefix',
      namespace: 'other',
      labels: { run: 'pause-pods-prefix' },
      containerName: 'reserve-resources',
    });
  });

  test('fails for 0 replicas (the module skips the chart instead)', () => {
    expect(() => new PausePodsChart(Testing.app(), 'Zero', { replicas: 0 })).toThrow('1 or more, got 0');
  });
});
