import type { Template } from 'aws-cdk-lib/assertions';
import { loadBalancerControllerPolicyJson } from '../../../constructs/aws-load-balancer-controller';
import { dependsOn } from '../../../lib/verify/cfn-template';
import { findKubernetesObjects, type SynthesizedOutput } from '../../../lib/verify/synthesized-lab';
import { Match, rootTemplate } from '../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

const INBOUND = ['203.0.113.7/32', '198.51.100.0/24'];
let lab: SynthesizedOutput;
let template: Template;

beforeAll(() => {
  lab = synthesizedOutputForTest({ exposeUi: 'true', inboundCidrs: INBOUND.join(',') });
  template = rootTemplate(lab);
});

function logicalIds(type: string, properties: Record<string, unknown>): string[] {
  return Object.keys(template.findResources(type, { Properties: Match.objectLike(properties) }));
}

test('gives the controller its AWS permissions through EKS Pod Identity, in kube-system', () => {
  template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
    Namespace: 'kube-system',
    ServiceAccount: 'aws-load-balancer-controller',
  });
  template.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: {
      Statement: [
        Match.objectLike({
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { Service: 'pods.eks.amazonaws.com' },
        }),
      ],
    },
    Description: Match.stringLikeRegexp('AWS Load Balancer Controller v3\\.5\\.0'),
  });
});

test('attaches the IAM policy the controller publishes for v3.5.0 (identical to v3.2.2, the copy aws-cdk-lib ships), statement for statement', () => {
  const published = loadBalancerControllerPolicyJson('v3.2.2');
  const [policy] = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('^UiExposureLoadBalancerControllerPolicy') },
    }),
  ) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[];
  expect(policy.Properties.PolicyDocument.Statement).toHaveLength(published.Statement.length);
  expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('elasticloadbalancing:CreateLoadBalancer');
  expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('elbv2.k8s.aws/cluster');
});

test('installs the pinned chart with the cluster name, Region and VPC set (pods have no IMDS)', () => {
  const release = lab.helmReleases.find((candidate) => candidate.release === 'aws-load-balancer-controller');
  expect(release).toMatchObject({
    chart: 'aws-load-balancer-controller',
    version: '3.5.0',
    repository: 'https://aws.github.io/eks-charts',
    namespace: 'kube-system',
  });
  expect(release?.values).toMatchObject({
    clusterName: '${Ref:EksClusterB2BDED5B}',
    region: '${Ref:AWS::Region}',
    vpcId: expect.stringMatching(/^\$\{Ref:NetworkVpc/),
    serviceAccount: { create: true, name: 'aws-load-balancer-controller' },
  });
});

test('keeps the controller off hybrid nodes and keeps the chart default spreading of its replicas over nodes', () => {
  const release = lab.helmReleases.find((candidate) => candidate.release === 'aws-load-balancer-controller')!;
  const affinity = release.values.affinity as Record<string, unknown>;
  expect(affinity.nodeAffinity).toEqual({
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['hybrid'] }] },
      ],
    },
  });
  expect(affinity.podAntiAffinity).toEqual({
    preferredDuringSchedulingIgnoredDuringExecution: [
      {
        weight: 100,
        podAffinityTerm: {
          labelSelector: {
            matchExpressions: [
              { key: 'app.kubernetes.io/name', operator: 'In', values: ['aws-load-balancer-controller'] },
            ],
          },
          topologyKey: 'kubernetes.io/hostname',
        },
      },
    ],
  });
});

test('exposes the ui through an internet-facing NLB with instance targets, port 80 to the ui 8080, only from inboundCidrs', () => {
  const [service] = findKubernetesObjects(lab, 'Service', 'ui-nlb') as unknown as {
    metadata: { namespace: string; annotations: Record<string, string> };
    spec: { type: string; loadBalancerSourceRanges: string[]; ports: unknown[]; selector: Record<string, string> };
  }[];
  expect(service.metadata.namespace).toBe('ui');
  expect(service.metadata.annotations).toEqual({
    'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
  });
  expect(service.spec.type).toBe('LoadBalancer');
  expect(service.spec.loadBalancerSourceRanges).toEqual(INBOUND);
  expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080 }]);
  expect(service.spec.selector).toEqual({
    'app.kubernetes.io/name': 'ui',
    'app.kubernetes.io/instance': 'ui',
    'app.kubernetes.io/component': 'service',
  });
});

test('deletes ui-nlb before the controller, so the controller deletes the NLB and its security groups', () => {
  const [chart] = logicalIds('Custom::AWSCDK-EKS-HelmChart', { Release: 'aws-load-balancer-controller' });
  const [service] = Object.entries(
    template.toJSON().Resources as Record<string, { Type: string; Properties: { Manifest?: unknown } }>,
  )
    .filter(
      ([, resource]) =>
        resource.Type === 'Custom::AWSCDK-EKS-KubernetesResource' &&
        JSON.stringify(resource.Properties.Manifest).includes('ui-nlb'),
    )
    .map(([id]) => id);
  expect(dependsOn(template.toJSON().Resources[service])).toContain(chart);
});

test('outputs the NLB address, read from the Service at deploy time', () => {
  template.hasResourceProperties('Custom::AWSCDK-EKS-KubernetesObjectValue', {
    ObjectType: 'service',
    ObjectName: 'ui-nlb',
    ObjectNamespace: 'ui',
    JsonPath: '.status.loadBalancer.ingress[0].hostname',
  });
  template.hasOutput('UiUrl', {
    Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [Match.anyValue(), 'Value'] }]] },
  });
});

test('without exposeUi there is no controller and no load balancer Service', () => {
  const base = synthesizedOutputForTest();
  expect(base.helmReleases.map((release) => release.release)).not.toContain('aws-load-balancer-controller');
  expect(
    findKubernetesObjects(base, 'Service').filter(
      (service) => (service as { spec?: { type?: string } }).spec?.type === 'LoadBalancer',
    ),
  ).toEqual([]);
});
