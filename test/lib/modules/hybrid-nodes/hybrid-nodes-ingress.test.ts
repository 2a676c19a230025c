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

let lab: LabSynthesis;
let workloads: HybridNodesWorkloadsStack;
let order: DeployOrder;
let nested: { Resources: Record<string, { Type: string; DependsOn?: string[] }> };

const idOf = logicalIdOf;

beforeAll(() => {
  lab = synthesizeForTest({ modules: 'hybrid-nodes', exposeUi: 'true', inboundCidrs: INBOUND });
  workloads = lab.stack.node.findChild('HybridNodesWorkloads') as HybridNodesWorkloadsStack;
  nested = lab.templates.find((entry) => entry.stackPath === 'NetworkingLabStack/HybridNodesWorkloads')!
    .template as typeof nested;
  order = new DeployOrder(lab.templates);
});

describe('hybridNodesIngressEnabled', () => {
  const config = (context: Record<string, unknown>) => readLabConfig(context, { today: TEST_DAY });

  test('follows exposeUi when hybridNodes.ingress is not set', () => {
    expect(hybridNodesIngressEnabled(config({ modules: 'hybrid-nodes' }))).toBe(false);
    expect(
      hybridNodesIngressEnabled(config({ modules: 'hybrid-nodes', exposeUi: 'true', inboundCidrs: INBOUND })),
    ).toBe(true);
  });

  test('an explicit false leaves the Ingress out even with exposeUi', () => {
    expect(
      hybridNodesIngressEnabled(
        config({ modules: 'hybrid-nodes', exposeUi: 'true', inboundCidrs: INBOUND, 'hybridNodes.ingress': 'false' }),
      ),
    ).toBe(false);
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
    expect(kubernetesValidationErrors(ingress)).toEqual([]);
  });

  test('the Ingress is created after the controller and its Service, so it (and its ALB) is deleted while the controller runs', () => {
    const ingress = addressOf(workloads.ingress!);
    expect(order.createdAfter(ingress, addressOf(lab.stack.loadBalancerController!))).toBe(true);
    expect(order.createdAfter(ingress, addressOf(workloads.nginxRemote))).toBe(true);
  });

  test("installs Kyverno chart 3.7.2 (Kyverno 1.17, hooks on registry.k8s.io) with the lab's values, field by field, every controller off hybrid nodes", () => {
    const releases = lab.helmReleases.filter((release) => release.chart === 'kyverno');
    expect(releases).toHaveLength(1);
    const [kyverno] = releases;
    expect(kyverno).toMatchObject({
      release: 'kyverno',
      version: '3.7.2',
      repository: 'https://kyverno.github.io/kyverno/',
      namespace: 'kyverno',
    });
    const cloudOnly = {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['hybrid'] }] },
        ],
      },
    };
    expect(Object.keys(kyverno.values).sort()).toEqual([
      'admissionController',
      'backgroundController',
      'cleanupController',
      'config',
      'reportsController',
    ]);
    expect(kyverno.values.config).toEqual({ resourceFiltersExclude: ['[Binding,*,*]', '[Pod/binding,*,*]'] });
    expect(kyverno.values.admissionController).toEqual({
      nodeAffinity: cloudOnly,
      rbac: { clusterRole: { extraResources: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }] } },
    });
    expect(kyverno.values.cleanupController).toEqual({ nodeAffinity: cloudOnly });
    expect(kyverno.values.reportsController).toEqual({ nodeAffinity: cloudOnly });
    expect(kyverno.values.backgroundController).toEqual({
      nodeAffinity: cloudOnly,
      rbac: {
        clusterRole: {
          extraResources: [
            { apiGroups: [''], resources: ['pods', 'pods/binding'], verbs: ['update'] },
            { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
          ],
        },
      },
    });
  });

  test('applies the pod-deletion-cost ClusterPolicy after Kyverno, and the workloads after the policy', () => {
    const policies = findKubernetesObjects(lab, 'ClusterPolicy', 'set-pod-deletion-cost');
    expect(policies).toHaveLength(1);
    expect(kubernetesValidationErrors(policies[0])).toEqual([]);
    expect(nested.Resources[idOf(workloads.podDeletionCostPolicy!)].DependsOn).toContain(idOf(workloads.kyverno!));
    for (const workload of [workloads.cloudBursting, workloads.nginxRemote]) {
      expect(nested.Resources[idOf(workload)].DependsOn).toContain(idOf(workloads.podDeletionCostPolicy!));
    }
  });

  test('Kyverno installs alongside the host, not before or after it: its controllers keep off the hybrid node by affinity', () => {
    const host = addressOf(workloads.host.instance);
    const kyverno = addressOf(workloads.kyverno!);
    expect([order.createdAfter(host, kyverno), order.createdAfter(kyverno, host)]).toEqual([false, false]);
  });

  test('adds no warning about the Ingress', () => {
    expect(workloads.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning')).toEqual([]);
  });
});
