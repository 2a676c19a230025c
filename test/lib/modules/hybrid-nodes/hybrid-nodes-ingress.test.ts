import { CfnResource, type NestedStack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { readLabConfig } from '../../../../lib/config/read-lab-config';
import { hybridNodesIngressEnabled } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-ingress';
import type { HybridNodesStack } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-stack';
import { findKubernetesObjects, type SynthesizedLab } from '../../../../lib/verify/synthesized-lab';
import { rootTemplate, synthesizeForTest, TEST_DAY } from '../../../support/lab-fixtures';
import { kubernetesValidationErrors } from '../../../support/kubernetes-validation';

const INBOUND = '203.0.113.0/24,198.51.100.7/32';

let lab: SynthesizedLab;
let stack: HybridNodesStack;
let nested: { Resources: Record<string, { Type: string; DependsOn?: string[] }> };

/** Logical id of the CloudFormation resource a construct (Helm chart, manifest, ...) synthesizes to. */
function idOf(construct: IConstruct): string {
  const resource = construct.node.findAll().find((child): child is CfnResource => CfnResource.isCfnResource(child));
  return lab.stack.resolve(resource!.logicalId) as string;
}

beforeAll(() => {
  lab = synthesizeForTest({ modules: 'hybrid-nodes', exposeUi: 'true', inboundCidrs: INBOUND });
  stack = lab.stack.node.findChild('HybridNodes') as HybridNodesStack;
  nested = lab.templates.find((entry) => entry.stackPath === 'NetworkingLabStack/HybridNodes')!
    .template as typeof nested;
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

  test('the module is created after the controller, so the Ingress (and its ALB) is deleted while the controller runs', () => {
    const nestedStack = lab.stack.node.findChild('HybridNodes') as NestedStack;
    const resourceId = lab.stack.resolve(nestedStack.nestedStackResource!.logicalId) as string;
    const root = rootTemplate(lab).toJSON() as { Resources: Record<string, { DependsOn?: string[] }> };
    expect(root.Resources[resourceId].DependsOn).toContain(idOf(lab.stack.loadBalancerController!));
    expect(nested.Resources[idOf(stack.ingress!)].DependsOn).toContain(idOf(stack.nginxRemote));
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
    expect(nested.Resources[idOf(stack.podDeletionCostPolicy!)].DependsOn).toContain(idOf(stack.kyverno!));
    for (const workload of [stack.cloudBursting, stack.nginxRemote]) {
      expect(nested.Resources[idOf(workload)].DependsOn).toContain(idOf(stack.podDeletionCostPolicy!));
    }
  });

  test('Kyverno is installed before the hybrid node joins (its pods stay on the EC2 nodes)', () => {
    const instanceId = lab.stack.resolve((stack.host.instance.node.defaultChild as CfnResource).logicalId) as string;
    expect(nested.Resources[instanceId].DependsOn).toContain(idOf(stack.kyverno!));
  });

  test('adds no warning about the Ingress', () => {
    expect(stack.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning')).toEqual([]);
  });
});
