import { readLabConfig } from '../../../../lib/lab-app';
import { hybridNodesIngressEnabled } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-ingress';
import type { HybridNodesWorkloadsStack } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-workloads-stack';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import { findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import type { LabSynthesis } from '../../../../lib/lab-app';
import { synthesizeForTest, TEST_DAY } from '../../../support/lab-fixtures';
import { kubernetesValidationErrors } from '../../../support/kubernetes-validation';
import { addressOf, logicalIdOf } from '../../../support/module-templates';

const INBOUND = '203.0.113.0/24,198.51.100.7/32';
const REMOTE_WORKLOADS = { modules: 'hybrid-nodes', 'hybridNodes.stage': 'remote-workloads' };

/** Stage remote-workloads with the AWS Load Balancer Controller: nginx-remote behind the lab's ALB Ingress. */
let lab: LabSynthesis;
let workloads: HybridNodesWorkloadsStack;
let order: DeployOrder;
let nested: { Resources: Record<string, { Type: string; DependsOn?: string[] }> };

const idOf = logicalIdOf;

beforeAll(() => {
  lab = synthesizeForTest({ ...REMOTE_WORKLOADS, exposeUi: 'true', inboundCidrs: INBOUND });
  workloads = lab.stack.node.findChild('HybridNodesWorkloads') as HybridNodesWorkloadsStack;
  nested = lab.templates.find((entry) => entry.stackPath === 'NetworkingLabStack/HybridNodesWorkloads')!
    .template as typeof nested;
  order = new DeployOrder(lab.templates);
});

describe('hybridNodesIngressEnabled', () => {
  const config = (context: Record<string, unknown>) => readLabConfig(context, { today: TEST_DAY });
  const exposed = { exposeUi: 'true', inboundCidrs: INBOUND };

  test('in stage remote-workloads, follows exposeUi when hybridNodes.ingress is not set', () => {
    expect(hybridNodesIngressEnabled(config(REMOTE_WORKLOADS))).toBe(false);
    expect(hybridNodesIngressEnabled(config({ ...REMOTE_WORKLOADS, ...exposed }))).toBe(true);
  });

  test('an explicit false leaves the Ingress out even with exposeUi', () => {
    expect(hybridNodesIngressEnabled(config({ ...REMOTE_WORKLOADS, ...exposed, 'hybridNodes.ingress': 'false' }))).toBe(
      false,
    );
  });

  test.each(['node-joined', 'cloud-bursting'])(
    'is off in stage %s even with exposeUi (no nginx-remote to route)',
    (stage) => {
      expect(
        hybridNodesIngressEnabled(config({ modules: 'hybrid-nodes', 'hybridNodes.stage': stage, ...exposed })),
      ).toBe(false);
    },
  );
});

describe('nginx-remote (stage remote-workloads)', () => {
  test('namespace nginx-remote carries the workshop label', () => {
    const [namespace] = findKubernetesObjects(lab, 'Namespace', 'nginx-remote');
    expect(namespace.metadata.labels).toMatchObject({ 'app.kubernetes.io/created-by': 'eks-workshop' });
  });

  test('nginx: 3 replicas preferring hybrid nodes, an init container writing "Connected to <pod IP> on <node name>"', () => {
    const [deployment] = findKubernetesObjects(lab, 'Deployment', 'nginx');
    expect(deployment.metadata.namespace).toBe('nginx-remote');
    const spec = deployment.spec as {
      replicas: number;
      template: {
        spec: {
          affinity: unknown;
          initContainers: Record<string, unknown>[];
          containers: Record<string, unknown>[];
          volumes: unknown[];
        };
      };
    };
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.affinity).toEqual({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 1,
            preference: {
              matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'In', values: ['hybrid'] }],
            },
          },
        ],
      },
    });
    expect(spec.template.spec.initContainers).toEqual([
      {
        name: 'install',
        image: 'busybox:1.28',
        command: ['sh', '-c', 'echo "Connected to $(POD_IP) on $(NODE_NAME)" > /work-dir/index.html'],
        env: [
          { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        ],
        volumeMounts: [{ name: 'workdir', mountPath: '/work-dir' }],
      },
    ]);
    expect(spec.template.spec.containers).toEqual([
      {
        name: 'nginx',
        image: 'public.ecr.aws/nginx/nginx:1.26',
        ports: [{ containerPort: 80 }],
        resources: { requests: { cpu: '200m' }, limits: { cpu: '200m' } },
        volumeMounts: [{ name: 'workdir', mountPath: '/usr/share/nginx/html' }],
      },
    ]);
    expect(spec.template.spec.volumes).toEqual([{ name: 'workdir', emptyDir: {} }]);
  });

  test('the nginx Service is a NodePort on 80 selecting app: nginx', () => {
    const [service] = findKubernetesObjects(lab, 'Service', 'nginx');
    expect(service.metadata.namespace).toBe('nginx-remote');
    expect(service.spec).toEqual({
      type: 'NodePort',
      selector: { app: 'nginx' },
      ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }],
    });
  });

  test('every object of nginx-remote validates against its schema', () => {
    const objects = lab.kubernetesObjects
      .map((deployed) => deployed.object)
      .filter((object) => object.metadata.name === 'nginx-remote' || object.metadata.namespace === 'nginx-remote');
    expect(objects.map((object) => object.kind).sort()).toEqual(['Deployment', 'Ingress', 'Namespace', 'Service']);
    for (const object of objects) expect(kubernetesValidationErrors(object)).toEqual([]);
  });

  test('is applied only once the hybrid node is Ready, so its preferred affinity can place the pods on it', () => {
    expect(nested.Resources[idOf(workloads.nginxRemote!)].DependsOn).toContain(
      idOf(workloads.hybridNodeReady.resource),
    );
  });
});

describe('with the AWS Load Balancer Controller (exposeUi on)', () => {
  test("deploys the lab's internet-facing ALB Ingress with IP targets, open to inboundCidrs only", () => {
    const ingresses = findKubernetesObjects(lab, 'Ingress', 'nginx');
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    expect(ingress.metadata.namespace).toBe('nginx-remote');
    expect(ingress.metadata.annotations).toEqual({
      'alb.ingress.kubernetes.io/scheme': 'internet-facing',
      'alb.ingress.kubernetes.io/target-type': 'ip',
      'alb.ingress.kubernetes.io/inbound-cidrs': INBOUND,
    });
    expect(ingress.spec).toEqual({
      ingressClassName: 'alb',
      rules: [
        {
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'nginx', port: { number: 80 } } } }],
          },
        },
      ],
    });
  });

  test('the Ingress is created after the controller and its Service, so it (and its ALB) is deleted while the controller runs', () => {
    const ingress = addressOf(workloads.ingress!);
    expect(order.createdAfter(ingress, addressOf(lab.stack.loadBalancerController!))).toBe(true);
    expect(order.createdAfter(ingress, addressOf(workloads.nginxRemote!))).toBe(true);
  });

  test('adds no warning about the Ingress', () => {
    expect(workloads.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning')).toEqual([]);
  });
});
