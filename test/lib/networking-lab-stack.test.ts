import type { Template } from 'aws-cdk-lib/assertions';
import { dependsOn } from '../../lib/verify/cfn-template';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { Match, rootTemplate } from '../support/lab-fixtures';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

let lab: SynthesizedOutput;
let template: Template;

beforeAll(() => {
  lab = synthesizedOutputForTest();
  template = rootTemplate(lab);
});

/** The logical id of the single resource of a type whose properties match. */
function logicalIdOf(type: string, properties: Record<string, unknown> = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: Match.objectLike(properties) }));
  expect(ids).toHaveLength(1);
  return ids[0];
}

function dependenciesOf(logicalId: string): string[] {
  return dependsOn(template.toJSON().Resources[logicalId]);
}

describe('network', () => {
  test('cuts the VPC into the workshop public and private /19 subnets in three AZs', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.42.0.0/16', EnableDnsHostnames: true });
    const publics = ['10.42.0.0/19', '10.42.32.0/19', '10.42.64.0/19'];
    const privates = ['10.42.96.0/19', '10.42.128.0/19', '10.42.160.0/19'];
    publics.forEach((cidr, index) =>
      template.hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        MapPublicIpOnLaunch: false,
        AvailabilityZone: { 'Fn::Select': [index, { 'Fn::GetAZs': '' }] },
        Tags: Match.arrayWith([{ Key: 'kubernetes.io/role/elb', Value: '1' }]),
      }),
    );
    privates.forEach((cidr, index) =>
      template.hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        AvailabilityZone: { 'Fn::Select': [index, { 'Fn::GetAZs': '' }] },
        Tags: Match.arrayWith([{ Key: 'kubernetes.io/role/internal-elb', Value: '1' }]),
      }),
    );
    template.resourceCountIs('AWS::EC2::Subnet', 6);
  });

  test('uses one NAT gateway for the lab', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('tags every taggable resource created-by and env', () => {
    for (const type of ['AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EKS::Cluster', 'AWS::EKS::Nodegroup']) {
      const resources = Object.values(template.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) {
        const tags = (resource as { Properties: { Tags: unknown } }).Properties.Tags;
        const asList = Array.isArray(tags)
          ? tags
          : Object.entries(tags as object).map(([Key, Value]) => ({ Key, Value }));
        expect(asList).toEqual(
          expect.arrayContaining([
            { Key: 'created-by', Value: 'eks-workshop-v2' },
            { Key: 'env', Value: 'eks-workshop' },
          ]),
        );
      }
    }
  });
});

describe('cluster', () => {
  test('creates the cluster in the private subnets with public and private endpoints and API authentication', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Name: 'eks-workshop',
      Version: '1.35',
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false },
      BootstrapSelfManagedAddons: false,
      ResourcesVpcConfig: Match.objectLike({
        EndpointPrivateAccess: true,
        EndpointPublicAccess: true,
        SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }]),
      }),
      KubernetesNetworkConfig: Match.objectLike({ ServiceIpv4Cidr: '172.20.0.0/16' }),
    });
  });

  test('uses managed node groups, not EKS Auto Mode', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', { ComputeConfig: { Enabled: false } });
  });

  test('sets the remote node and pod networks at creation', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      RemoteNetworkConfig: {
        RemoteNodeNetworks: [{ Cidrs: ['10.52.0.0/16'] }],
        RemotePodNetworks: [{ Cidrs: ['10.53.0.0/16'] }],
      },
    });
  });

  test('turns every control plane log type on, into a log group the stack deletes', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Logging: {
        ClusterLogging: {
          EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((type) => ({
            Type: type,
          })),
        },
      },
    });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/aws/eks/eks-workshop/cluster', RetentionInDays: 7 },
      DeletionPolicy: 'Delete',
    });
  });

  test('runs the kubectl provider with the layer matching the cluster version', () => {
    template.hasResourceProperties('AWS::Lambda::LayerVersion', {
      Description: Match.stringLikeRegexp('kubectl 1\\.35\\.'),
    });
  });

  test('outputs the update-kubeconfig command and the max pods of each node group', () => {
    template.hasOutput('UpdateKubeconfigCommand', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('aws eks update-kubeconfig --name ')])] },
    });
    template.hasOutput('NodeGroupMaxPods', { Value: JSON.stringify({ default: 29 }) });
  });

  test('grants cluster access only to the kubectl provider unless adminPrincipalArn is given', () => {
    template.resourceCountIs('AWS::EKS::AccessEntry', 1);
    template.hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('KubectlProviderHandlerServiceRole'), 'Arn'] },
    });
  });
});

describe('managed add-ons', () => {
  test('installs vpc-cni with the network policy agent on, as the workshop base cluster does, when no module is on', () => {
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ResolveConflicts: 'OVERWRITE',
      ConfigurationValues: JSON.stringify({
        enableNetworkPolicy: 'true',
        nodeAgent: { enablePolicyEventLogs: 'true' },
      }),
    });
  });

  test('installs every add-on at the version the EKS user guide lists for Kubernetes 1.35', () => {
    const expected = {
      'vpc-cni': 'v1.21.1-eksbuild.1',
      'kube-proxy': 'v1.35.3-eksbuild.13',
      coredns: 'v1.14.3-eksbuild.3',
      'eks-pod-identity-agent': 'v1.3.10-eksbuild.2',
    };
    for (const [addonName, addonVersion] of Object.entries(expected)) {
      template.hasResourceProperties('AWS::EKS::Addon', { AddonName: addonName, AddonVersion: addonVersion });
    }
  });

  test('installs coredns only after the default node group (its pods need nodes)', () => {
    const coreDns = logicalIdOf('AWS::EKS::Addon', { AddonName: 'coredns' });
    const nodeGroup = logicalIdOf('AWS::EKS::Nodegroup', {
      Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }),
    });
    expect(dependenciesOf(coreDns)).toContain(nodeGroup);
  });
});

describe('default node group', () => {
  test('runs the cluster Kubernetes version, so a version bump rolls the nodes after the control plane', () => {
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }),
      Version: '1.35',
    });
  });

  test('launches its nodes tagged with the VPC CNI mode, so a mode change makes a new launch template version', () => {
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        TagSpecifications: Match.arrayWith([
          Match.objectLike({
            ResourceType: 'instance',
            Tags: Match.arrayWith([{ Key: 'eks-networking-lab/vpc-cni-mode', Value: 'secondary-ips' }]),
          }),
        ]),
      }),
    });
  });

  test('runs three to six m5.large AL2023 nodes labelled workshop-default=yes and node-group=default in the private subnets', () => {
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      NodegroupName: Match.stringLikeRegexp('^default-[0-9a-f]{8}$'),
      InstanceTypes: ['m5.large'],
      AmiType: 'AL2023_x86_64_STANDARD',
      ScalingConfig: { MinSize: 3, DesiredSize: 3, MaxSize: 6 },
      Labels: { 'workshop-default': 'yes', 'eks-networking-lab/node-group': 'default' },
      UpdateConfig: { MaxUnavailablePercentage: 50 },
      Subnets: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet') }]),
    });
  });

  test('is created after the vpc-cni add-on, so the CNI configuration exists before the first node boots', () => {
    const nodeGroup = logicalIdOf('AWS::EKS::Nodegroup', {
      Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }),
    });
    const vpcCni = logicalIdOf('AWS::EKS::Addon', { AddonName: 'vpc-cni' });
    expect(dependenciesOf(nodeGroup)).toContain(vpcCni);
  });

  test('launches nodes with IMDSv2 required, hop limit 1 and an encrypted root volume, keeping the EKS AMI', () => {
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: Match.objectLike({ Encrypted: true, VolumeType: 'gp3' }) },
        ],
        ImageId: Match.absent(),
        UserData: Match.absent(),
      }),
    });
  });

  test('gives the nodes a role with the worker, CNI, ECR read-only and SSM managed policies', () => {
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })],
        }),
      },
    });
    const policies = JSON.stringify(
      Object.values(roles).map(
        (role) => (role as { Properties: { ManagedPolicyArns: unknown } }).Properties.ManagedPolicyArns,
      ),
    );
    for (const name of [
      'AmazonEKSWorkerNodePolicy',
      'AmazonEKS_CNI_Policy',
      'AmazonEC2ContainerRegistryReadOnly',
      'AmazonSSMManagedInstanceCore',
    ]) {
      expect(policies).toContain(`:iam::aws:policy/${name}`);
    }
  });
});

describe('custom resource timeouts', () => {
  test('bounds every custom resource so a failed handler fails the deployment in minutes', () => {
    const resources = template.toJSON().Resources as Record<
      string,
      { Type: string; Properties?: { ServiceTimeout?: number } }
    >;
    const custom = Object.values(resources).filter((resource) => resource.Type.startsWith('Custom::'));
    expect(custom.length).toBeGreaterThan(5);
    for (const resource of custom) {
      expect(resource.Properties?.ServiceTimeout).toBeGreaterThanOrEqual(60);
      expect(resource.Properties?.ServiceTimeout).toBeLessThanOrEqual(1200);
    }
  });
});
