import { Match, type Template } from 'aws-cdk-lib/assertions';
import { findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import { nestedStackResourceId, nestedTemplate, rootStackPath, rootTemplate } from '../../../support/lab-fixtures';
import { type CachedOutput, synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

/** The network policy agent settings every lab's vpc-cni add-on carries (the workshop base cluster's). */
const NETWORK_POLICY_AGENT = { enableNetworkPolicy: 'true', nodeAgent: { enablePolicyEventLogs: 'true' } };

const NESTED_ID = 'PrefixDelegation';

function vpcCniConfiguration(lab: CachedOutput): unknown {
  const addons = rootTemplate(lab).findResources('AWS::EKS::Addon', { Properties: { AddonName: 'vpc-cni' } });
  return JSON.parse(Object.values(addons)[0].Properties.ConfigurationValues as string);
}

function statedMaxPods(lab: CachedOutput): Record<string, number> {
  return JSON.parse(Object.values(rootTemplate(lab).findOutputs('NodeGroupMaxPods'))[0].Value as string);
}

/** The warnings on the nested stack whose message matches the pattern (what Annotations.findWarning with Match.stringLikeRegexp finds). */
function warnings(lab: CachedOutput, pattern: string) {
  return lab.annotations.filter(
    (annotation) =>
      annotation.level === 'warning' &&
      annotation.path === `${rootStackPath(lab)}/${NESTED_ID}` &&
      new RegExp(pattern, 'm').test(annotation.message),
  );
}

describe('prefix-delegation with the defaults', () => {
  let lab: CachedOutput;
  let nested: Template;
  beforeAll(() => {
    lab = synthesizedOutputForTest({ modules: 'prefix-delegation' });
    nested = nestedTemplate(lab, NESTED_ID);
  });

  test('puts ENABLE_PREFIX_DELEGATION=true and WARM_PREFIX_TARGET=1 into the vpc-cni add-on configuration', () => {
    expect(vpcCniConfiguration(lab)).toEqual({
      ...NETWORK_POLICY_AGENT,
      env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1' },
    });
  });

  test('states max pods 110 for the default m5.large node group (EKS cap at 30 vCPUs or fewer)', () => {
    expect(lab.plan.nodeGroups.map((group) => [group.name, group.maxPods])).toEqual([['default', 110]]);
    expect(statedMaxPods(lab)).toEqual({ default: 110 });
  });

  test('creates the default node group after the vpc-cni add-on that carries prefix mode', () => {
    const root = rootTemplate(lab);
    const [vpcCniId] = Object.keys(root.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'vpc-cni' } }));
    root.hasResource('AWS::EKS::Nodegroup', {
      Properties: Match.objectLike({ Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }) }),
      DependsOn: Match.arrayWith([vpcCniId]),
    });
  });

  test('deploys Deployment pause-pods-prefix in namespace other with 150 replicas of the pinned pause image', () => {
    const deployments = findKubernetesObjects(lab, 'Deployment', 'pause-pods-prefix');
    expect(deployments).toHaveLength(1);
    const [deployment] = deployments;
    expect(deployment.metadata.namespace).toBe('other');
    expect(deployment.spec).toMatchObject({
      replicas: 150,
      selector: { matchLabels: { run: 'pause-pods-prefix' } },
      template: {
        spec: {
          containers: [expect.objectContaining({ name: 'reserve-resources', image: 'registry.k8s.io/pause:3.10.1' })],
        },
      },
    });
    expect(lab.kubernetesObjects.find((deployed) => deployed.object === deployment)?.stackPath).toBe(
      `NetworkingLabStack/${NESTED_ID}`,
    );
  });

  test('deploys the pause pods after namespace other and the default node group (and deletes them first)', () => {
    const root = rootTemplate(lab);
    const namespaces = lab.kubernetesObjects.find(
      (deployed) => deployed.object.kind === 'Namespace' && deployed.object.metadata.name === 'other',
    );
    const [defaultNodeGroupId] = Object.keys(
      root.findResources('AWS::EKS::Nodegroup', {
        Properties: { Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }) },
      }),
    );
    const stackResource = root.toJSON().Resources[nestedStackResourceId(lab, NESTED_ID)];
    expect(stackResource.DependsOn).toEqual(expect.arrayContaining([namespaces!.logicalId, defaultNodeGroupId]));
    nested.resourceCountIs('Custom::AWSCDK-EKS-KubernetesResource', 1);
  });

  test('does not warn: the 150 pause pods fit', () => {
    expect(warnings(lab, '.*')).toEqual([]);
  });
});

describe('prefix-delegation with both modules', () => {
  test('states max pods 110 for t3.medium with prefix delegation and custom networking ((3 - 1) x (5 x 16) + 2 = 162, capped)', () => {
    const lab = synthesizedOutputForTest({ modules: 'custom-networking,prefix-delegation' });
    expect(statedMaxPods(lab)).toEqual({ default: 110, 'custom-networking': 110 });
    expect(vpcCniConfiguration(lab)).toEqual({
      ...NETWORK_POLICY_AGENT,
      env: {
        AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
        ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
        ENABLE_PREFIX_DELEGATION: 'true',
        WARM_PREFIX_TARGET: '1',
      },
    });
    nestedTemplate(lab, 'CustomNetworkingNodes').hasResourceProperties('AWS::EKS::Nodegroup', {
      Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'custom-networking' }),
      InstanceTypes: ['t3.medium'],
    });
  });
});

describe('prefix-delegation settings at synth', () => {
  test('skips the pause Deployment for pausePods=0 and keeps the nested stack valid with one no-op resource', () => {
    const lab = synthesizedOutputForTest({ modules: 'prefix-delegation', 'prefixDelegation.pausePods': 0 });
    expect(findKubernetesObjects(lab, 'Deployment', 'pause-pods-prefix')).toEqual([]);
    const nested = nestedTemplate(lab, NESTED_ID);
    nested.resourceCountIs('AWS::CloudFormation::WaitConditionHandle', 1);
    expect(Object.keys(nested.toJSON().Resources)).toHaveLength(1);
  });

  test('warns when the pause pods exceed the max pods left on the nodes', () => {
    const lab = synthesizedOutputForTest({ modules: 'prefix-delegation', 'prefixDelegation.pausePods': 308 });
    expect(warnings(lab, 'prefixDelegation.pausePods=308 cannot all run')).toHaveLength(1);
    expect(findKubernetesObjects(lab, 'Deployment', 'pause-pods-prefix')[0].spec).toMatchObject({ replicas: 308 });
  });

  test('warns that WARM_PREFIX_TARGET is ignored when an IP target is set too, and passes all three on', () => {
    const lab = synthesizedOutputForTest({
      modules: 'prefix-delegation',
      'prefixDelegation.warmPrefixTarget': 2,
      'prefixDelegation.warmIpTarget': 5,
      'prefixDelegation.minimumIpTarget': 10,
    });
    expect(warnings(lab, 'prefixDelegation.warmPrefixTarget=2 has no effect')).toHaveLength(1);
    expect(vpcCniConfiguration(lab)).toEqual({
      ...NETWORK_POLICY_AGENT,
      env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '2', WARM_IP_TARGET: '5', MINIMUM_IP_TARGET: '10' },
    });
  });
});
