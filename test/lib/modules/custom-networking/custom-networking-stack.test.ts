import type { CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NODE_ROLE_MANAGED_POLICIES } from '../../../../lib/base/lab-node-group';
import { renderCfnValue } from '../../../../lib/verify/cfn-template';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import type { CustomNetworkingConfigStack } from '../../../../lib/modules/custom-networking/custom-networking-config-stack';
import type { CustomNetworkingNodesStack } from '../../../../lib/modules/custom-networking/custom-networking-nodes-stack';
import type { CustomNetworkingStack } from '../../../../lib/modules/custom-networking/custom-networking-stack';
import { findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import type { LabSynthesis } from '../../../../lib/lab-app';
import { Match, rootTemplate, synthesizeForTest } from '../../../support/lab-fixtures';
import { addressOf, moduleTemplate } from '../../../support/module-templates';

/** The network policy agent settings every lab's vpc-cni add-on carries (the workshop base cluster's). */
const NETWORK_POLICY_AGENT = { enableNetworkPolicy: 'true', nodeAgent: { enablePolicyEventLogs: 'true' } };

const NESTED_ID = 'CustomNetworking';
const CONFIG_ID = 'CustomNetworkingConfig';
const NODES_ID = 'CustomNetworkingNodes';

let lab: LabSynthesis;
let base: LabSynthesis;
let root: Template;
/** The module's nested templates as one, with cross-stack references replaced by the logical ids they stand for. */
let nested: Template;
let order: DeployOrder;
let network: CustomNetworkingStack;
let eniConfigStack: CustomNetworkingConfigStack;
let nodes: CustomNetworkingNodesStack;

function logicalId(construct: { node: { defaultChild?: unknown } } | CfnResource): string {
  const element = (
    'node' in construct && construct.node.defaultChild ? construct.node.defaultChild : construct
  ) as CfnResource;
  return lab.stack.resolve(element.logicalId) as string;
}

function resourceIdOf(template: Template, type: string, properties: Record<string, unknown>): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(properties) }));
  expect(found).toHaveLength(1);
  return found[0];
}

beforeAll(() => {
  lab = synthesizeForTest({ modules: 'custom-networking' });
  base = synthesizeForTest();
  root = rootTemplate(lab);
  nested = moduleTemplate(lab, [NESTED_ID, CONFIG_ID, NODES_ID]);
  order = new DeployOrder(lab.templates);
  network = lab.stack.node.findChild(NESTED_ID) as CustomNetworkingStack;
  eniConfigStack = lab.stack.node.findChild(CONFIG_ID) as CustomNetworkingConfigStack;
  nodes = lab.stack.node.findChild(NODES_ID) as CustomNetworkingNodesStack;
});

describe('secondary CIDR and pod subnets', () => {
  test('are built while the cluster is created: they need only the lab VPC', () => {
    for (const subnet of network.podSubnets.subnets) {
      expect(order.createdAfter(addressOf(subnet.resource), addressOf(lab.stack.cluster))).toBe(false);
    }
    expect(order.createdAfter(addressOf(network.eniSweeper.resource), addressOf(lab.stack.cluster))).toBe(false);
  });

  test('associates the secondary CIDR 100.64.0.0/16 with the lab VPC', () => {
    nested.hasResourceProperties('AWS::EC2::VPCCidrBlock', {
      CidrBlock: '100.64.0.0/16',
      VpcId: { Ref: logicalId(lab.stack.vpc) },
    });
    nested.resourceCountIs('AWS::EC2::VPCCidrBlock', 1);
  });

  test('creates the workshop /19 pod subnets, each in the zone of the private subnet of the same index and routed through its route table', () => {
    const expected = ['100.64.0.0/19', '100.64.32.0/19', '100.64.64.0/19'];
    lab.stack.vpc.privateSubnets.forEach((privateSubnet, index) => {
      const subnetId = resourceIdOf(nested, 'AWS::EC2::Subnet', {
        CidrBlock: expected[index],
        AvailabilityZone: lab.stack.resolve(privateSubnet.availabilityZone),
        VpcId: { Ref: logicalId(lab.stack.vpc) },
        MapPublicIpOnLaunch: false,
      });
      nested.hasResourceProperties('AWS::EC2::SubnetRouteTableAssociation', {
        SubnetId: { Ref: subnetId },
        RouteTableId: lab.stack.resolve((privateSubnet as ec2.Subnet).routeTable.routeTableId),
      });
    });
    nested.resourceCountIs('AWS::EC2::Subnet', 3);
    nested.resourceCountIs('AWS::EC2::SubnetRouteTableAssociation', 3);
  });

  test('makes the pod subnets depend on the CIDR association', () => {
    const associationId = resourceIdOf(nested, 'AWS::EC2::VPCCidrBlock', { CidrBlock: '100.64.0.0/16' });
    const subnets = nested.findResources('AWS::EC2::Subnet');
    for (const subnet of Object.values(subnets)) expect(subnet.DependsOn).toContain(associationId);
  });
});

describe('teardown', () => {
  test('sweeps leaked pod ENIs after the custom-networking node group and before the pod subnets go', () => {
    const [sweeperId] = Object.keys(nested.findResources('Custom::VpcCniEniSweeper'));
    expect(sweeperId).toBeDefined();
    const sweeper = nested.toJSON().Resources[sweeperId];
    const subnetIds = Object.keys(nested.findResources('AWS::EC2::Subnet'));
    expect(sweeper.DependsOn).toEqual(expect.arrayContaining(subnetIds));
    expect(order.createdAfter(addressOf(nodes.nodeGroup), addressOf(network.eniSweeper))).toBe(true);
    nested.hasResourceProperties('Custom::VpcCniEniSweeper', {
      VpcId: { Ref: logicalId(lab.stack.vpc) },
      ClusterName: 'eks-workshop',
    });
  });
});

describe('VPC CNI configuration', () => {
  test('puts both custom networking settings into the vpc-cni add-on configuration', () => {
    const addons = root.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'vpc-cni' } });
    const [addon] = Object.values(addons);
    expect(JSON.parse(addon.Properties.ConfigurationValues as string)).toEqual({
      ...NETWORK_POLICY_AGENT,
      env: { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone' },
    });
  });
});

describe('ENIConfigs', () => {
  test('deploys one ENIConfig per zone, named after the zone, with its pod subnet and the cluster security group', () => {
    const manifests = nested.findResources('Custom::AWSCDK-EKS-KubernetesResource');
    const objects = Object.values(manifests).flatMap(
      (resource) =>
        JSON.parse(renderCfnValue(resource.Properties.Manifest)) as {
          kind: string;
          metadata: { name: string };
          spec: unknown;
        }[],
    );
    const clusterSecurityGroup = `\${GetAtt:${logicalId(lab.stack.cluster)}.ClusterSecurityGroupId}`;
    const eniConfigs = objects.filter((object) => object.kind === 'ENIConfig');
    expect(eniConfigs).toHaveLength(3);
    lab.stack.vpc.privateSubnets.forEach((privateSubnet, index) => {
      const zone = renderCfnValue(lab.stack.resolve(privateSubnet.availabilityZone));
      const podSubnetId = resourceIdOf(nested, 'AWS::EC2::Subnet', {
        AvailabilityZone: lab.stack.resolve(privateSubnet.availabilityZone),
      });
      expect(eniConfigs[index]).toEqual({
        apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
        kind: 'ENIConfig',
        metadata: expect.objectContaining({ name: zone }),
        spec: { subnet: `\${Ref:${podSubnetId}}`, securityGroups: [clusterSecurityGroup] },
      });
    });
  });
});

describe('node group custom-networking', () => {
  let nodeGroupId: string;
  beforeAll(() => {
    nodeGroupId = resourceIdOf(nested, 'AWS::EKS::Nodegroup', {
      Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'custom-networking' }),
    });
  });

  test('runs one t3.medium node in the primary private subnets with label type=customnetworking', () => {
    nested.hasResourceProperties('AWS::EKS::Nodegroup', {
      NodegroupName: Match.stringLikeRegexp('^custom-networking-[0-9a-f]{8}$'),
      InstanceTypes: ['t3.medium'],
      ScalingConfig: { MinSize: 1, DesiredSize: 1, MaxSize: 1 },
      Labels: { type: 'customnetworking', 'eks-networking-lab/node-group': 'custom-networking' },
      Subnets: lab.stack.vpc.privateSubnets.map((subnet) => ({ Ref: logicalId(subnet as ec2.Subnet) })),
    });
  });

  test('has its own node role with the four managed policies of the lab', () => {
    const roleArn = nested.findResources('AWS::EKS::Nodegroup')[nodeGroupId].Properties.NodeRole as {
      'Fn::GetAtt': [string, string];
    };
    const role = nested.findResources('AWS::IAM::Role')[roleArn['Fn::GetAtt'][0]];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }),
    ]);
    const policies = (role.Properties.ManagedPolicyArns as unknown[]).map((arn) =>
      renderCfnValue(arn).split('/').pop(),
    );
    expect(policies.sort()).toEqual(
      [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
        'AmazonSSMManagedInstanceCore',
      ].sort(),
    );
    expect([...NODE_ROLE_MANAGED_POLICIES].sort()).toEqual(policies);
  });

  test('is created after the ENIConfigs', () => {
    expect(order.createdAfter(addressOf(nodes.nodeGroup), addressOf(eniConfigStack.eniConfigs))).toBe(true);
  });

  test('is created after the vpc-cni add-on (which also installs the ENIConfig CRD)', () => {
    expect(order.createdAfter(addressOf(nodes.nodeGroup), addressOf(lab.stack.vpcCniAddon))).toBe(true);
  });

  test('states max pods 12 for t3.medium with custom networking ((3 - 1) x (6 - 1) + 2)', () => {
    expect(lab.plan.nodeGroups.find((group) => group.name === 'custom-networking')?.maxPods).toBe(12);
    const output = root.findOutputs('NodeGroupMaxPods');
    expect(JSON.parse(Object.values(output)[0].Value as string)).toMatchObject({ 'custom-networking': 12 });
  });
});

describe('retail app', () => {
  test('pins checkout to node group custom-networking and leaves checkout-redis unpinned', () => {
    const [checkout] = findKubernetesObjects(lab, 'Deployment', 'checkout');
    const [redis] = findKubernetesObjects(lab, 'Deployment', 'checkout-redis');
    const podSpec = (object: typeof checkout) =>
      (object.spec as { template: { spec: { nodeSelector?: unknown } } }).template.spec;
    expect(podSpec(checkout).nodeSelector).toEqual({ 'eks-networking-lab/node-group': 'custom-networking' });
    expect(podSpec(redis).nodeSelector).toBeUndefined();
  });

  test('creates checkout after the custom-networking node group (and deletes it first)', () => {
    const checkout = lab.kubernetesObjects.find(
      (deployed) => deployed.object.kind === 'Deployment' && deployed.object.metadata.name === 'checkout',
    );
    expect(checkout?.stackPath).toBe('NetworkingLabStack');
    expect(order.createdAfter(checkout!, addressOf(nodes.nodeGroup))).toBe(true);
  });
});

describe('default node group and the base', () => {
  test('creates the default node group after the ENIConfigs, so on deletion it goes before the pod subnets', () => {
    const defaultNodeGroup = addressOf(lab.stack.defaultNodeGroup);
    expect(order.createdAfter(defaultNodeGroup, addressOf(eniConfigStack.eniConfigs))).toBe(true);
    for (const subnet of network.podSubnets.subnets) {
      expect(order.createdAfter(defaultNodeGroup, addressOf(subnet.resource))).toBe(true);
    }
  });

  test('keeps the logical ids and properties of the VPC, the cluster and the default node group', () => {
    const baseRoot = rootTemplate(base).toJSON().Resources as Record<string, { Properties?: unknown }>;
    const labRoot = root.toJSON().Resources as Record<string, { Properties?: unknown }>;
    for (const construct of [lab.stack.vpc, lab.stack.cluster, lab.stack.defaultNodeGroup]) {
      const id = logicalId(construct as never);
      expect(baseRoot[id]).toBeDefined();
      expect(labRoot[id]?.Properties).toEqual(baseRoot[id].Properties);
    }
  });
});
