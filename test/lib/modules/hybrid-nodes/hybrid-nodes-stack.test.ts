import type { App, CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { HybridNodesStack } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-stack';
import { UBUNTU_2404_AMD64_AMI_PARAMETER } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-stack';
import type { HybridNodesWorkloadsStack } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-workloads-stack';
import { INGRESS_SKIPPED_WARNING } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-workloads-stack';
import { NODEADM_URL_AMD64, NODE_CONFIG_PATH } from '../../../../lib/modules/hybrid-nodes/hybrid-node-boot-script';
import type { ResourceAddress } from '../../../../lib/verify/cfn-stack-references';
import { renderCfnValue } from '../../../../lib/verify/cfn-template';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import { findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import type { LabSynthesis } from '../../../../lib/lab-app';
import { Match, rootTemplate, synthesizeForTest } from '../../../support/lab-fixtures';
import { kubernetesValidationErrors } from '../../../support/kubernetes-validation';
import { addressOf, logicalIdOf, moduleTemplate } from '../../../support/module-templates';

const NESTED_ID = 'HybridNodes';
/**
 * The lab cluster's ARN as the module's network stack writes it, from the cluster name (EKS ARN format
 * `arn:<partition>:eks:<region>:<account>:cluster/<name>`), so that stack need not wait for the cluster.
 */
const CLUSTER_ARN = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':eks:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':cluster/eks-workshop',
    ],
  ],
};
const WORKLOADS_ID = 'HybridNodesWorkloads';
const RETAIL_NAMESPACES = ['ui', 'catalog', 'carts', 'checkout', 'orders'];
/** Required: never a node labelled eks.amazonaws.com/compute-type=hybrid (EKS user guide, hybrid nodes add-ons). */
const CLOUD_ONLY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['hybrid'] }] },
      ],
    },
  },
};
const HYBRID_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'In', values: ['hybrid'] }] },
      ],
    },
  },
};

let lab: LabSynthesis;
let stack: HybridNodesStack;
let workloads: HybridNodesWorkloadsStack;
let order: DeployOrder;
/**
 * The module's two nested templates as one, with cross-stack parameters and outputs replaced by the logical ids
 * they stand for (CDK logical ids are unique across the module's stacks).
 */
let nested: Template;
let nestedJson: {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }>;
  Parameters?: Record<string, { Type: string; Default?: string }>;
};

const idOf = logicalIdOf;

/** The logical id of the one resource of `type` whose properties match. */
function onlyId(type: string, properties: Record<string, unknown>): string {
  const found = Object.keys(nested.findResources(type, { Properties: Match.objectLike(properties) }));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The address of a resource named literally (overridden logical id) in one of the module's templates. */
function addressOfLogicalId(logicalId: string): ResourceAddress {
  const found = lab.templates.filter(({ template }) => logicalId in template.Resources);
  expect(found).toHaveLength(1);
  return { stackPath: found[0].stackPath, logicalId };
}

function dependsOnOf(logicalId: string): string[] {
  return nestedJson.Resources[logicalId].DependsOn ?? [];
}

beforeAll(() => {
  lab = synthesizeForTest({ modules: 'hybrid-nodes' });
  stack = lab.stack.node.findChild(NESTED_ID) as HybridNodesStack;
  workloads = lab.stack.node.findChild(WORKLOADS_ID) as HybridNodesWorkloadsStack;
  nested = moduleTemplate(lab, [NESTED_ID, WORKLOADS_ID]);
  nestedJson = nested.toJSON() as typeof nestedJson;
  order = new DeployOrder(lab.templates);
});

describe('remote network', () => {
  test('is a VPC on the remote node CIDR 10.52.0.0/16 with DNS, as the workshop', () => {
    nested.hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.52.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
    });
    nested.resourceCountIs('AWS::EC2::VPC', 1);
  });

  test('has one public subnet, the first /24, in the first Availability Zone, with public addresses on launch', () => {
    nested.resourceCountIs('AWS::EC2::Subnet', 1);
    nested.hasResourceProperties('AWS::EC2::Subnet', {
      CidrBlock: '10.52.0.0/24',
      MapPublicIpOnLaunch: true,
      AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      VpcId: { Ref: idOf(stack.remoteNetwork.vpc) },
    });
  });

  test('sends its default route to its own internet gateway', () => {
    nested.resourceCountIs('AWS::EC2::InternetGateway', 1);
    nested.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: stack.resolve(stack.remoteNetwork.routeTableId),
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: { Ref: Match.stringLikeRegexp('IGW') },
    });
  });
});

describe('Transit Gateway', () => {
  test('accepts attachments automatically and associates and propagates them in its default route table', () => {
    nested.resourceCountIs('AWS::EC2::TransitGateway', 1);
    nested.hasResourceProperties('AWS::EC2::TransitGateway', {
      AutoAcceptSharedAttachments: 'enable',
      DefaultRouteTableAssociation: 'enable',
      DefaultRouteTablePropagation: 'enable',
      Description: 'Transit Gateway for EKS Workshop Hybrid setup',
    });
  });

  test('attaches the lab VPC in its three public subnets and the remote VPC in its subnet', () => {
    const tgw = { Ref: idOf(stack.transitGateway.transitGateway) };
    nested.resourceCountIs('AWS::EC2::TransitGatewayAttachment', 2);
    nested.hasResourceProperties('AWS::EC2::TransitGatewayAttachment', {
      TransitGatewayId: tgw,
      VpcId: { Ref: idOf(lab.stack.vpc) },
      SubnetIds: lab.stack.vpc.publicSubnets.map((subnet) => ({ Ref: idOf(subnet as ec2.Subnet) })),
    });
    nested.hasResourceProperties('AWS::EC2::TransitGatewayAttachment', {
      TransitGatewayId: tgw,
      VpcId: { Ref: idOf(stack.remoteNetwork.vpc) },
      SubnetIds: [{ Ref: idOf(stack.remoteNetwork.subnet as ec2.Subnet) }],
    });
  });

  test('routes the remote pod CIDR statically to the remote attachment in the default association route table', () => {
    const lookupId = onlyId('Custom::AWS', {
      Create: Match.objectLike({
        'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('describeTransitGateways')])]),
      }),
    });
    expect(renderCfnValue(nestedJson.Resources[lookupId].Properties!.Create)).toContain(
      `"TransitGatewayIds":["\${Ref:${idOf(stack.transitGateway.transitGateway)}}"]`,
    );
    nested.resourceCountIs('AWS::EC2::TransitGatewayRoute', 1);
    nested.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
      DestinationCidrBlock: '10.53.0.0/16',
      TransitGatewayAttachmentId: {
        'Fn::GetAtt': [idOf(stack.transitGateway.attachment('RemoteVpcAttachment')), 'Id'],
      },
      TransitGatewayRouteTableId: {
        'Fn::GetAtt': [lookupId, 'TransitGateways.0.Options.AssociationDefaultRouteTableId'],
      },
    });
  });
});

describe('routes', () => {
  const tgwRoute = (routeTableId: unknown, destination: string) =>
    Object.entries(nestedJson.Resources).filter(
      ([, resource]) =>
        resource.Type === 'AWS::EC2::Route' &&
        JSON.stringify(resource.Properties?.RouteTableId) === JSON.stringify(routeTableId) &&
        resource.Properties?.DestinationCidrBlock === destination &&
        resource.Properties?.TransitGatewayId !== undefined,
    );

  test('every lab route table, public and private, sends the remote node and pod CIDRs to the Transit Gateway once the lab attachment exists', () => {
    const tables = [...lab.stack.vpc.publicSubnets, ...lab.stack.vpc.privateSubnets].map((subnet) =>
      lab.stack.resolve(subnet.routeTable.routeTableId),
    );
    expect(tables).toHaveLength(6);
    const labAttachment = idOf(stack.transitGateway.attachment('LabVpcAttachment'));
    for (const table of tables) {
      for (const destination of ['10.52.0.0/16', '10.53.0.0/16']) {
        const routes = tgwRoute(table, destination);
        expect(routes).toHaveLength(1);
        expect(routes[0][1].Properties?.TransitGatewayId).toEqual({ Ref: idOf(stack.transitGateway.transitGateway) });
        expect(routes[0][1].DependsOn).toContain(labAttachment);
      }
    }
  });

  test('the remote route table returns the lab VPC CIDR through the Transit Gateway once the remote attachment exists', () => {
    const routes = tgwRoute(stack.resolve(stack.remoteNetwork.routeTableId), '10.42.0.0/16');
    expect(routes).toHaveLength(1);
    expect(routes[0][1].DependsOn).toContain(idOf(stack.transitGateway.attachment('RemoteVpcAttachment')));
  });

  test('the remote route table sends the pod CIDR to the primary network interface (device index 0) of the hybrid node', () => {
    const lookupId = onlyId('Custom::AWS', {
      Create: Match.objectLike({
        'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('describeNetworkInterfaces')])]),
      }),
    });
    const call = JSON.parse(renderCfnValue(nestedJson.Resources[lookupId].Properties!.Create)) as {
      parameters: { Filters: { Name: string; Values: string[] }[] };
    };
    expect(call.parameters.Filters).toEqual([
      { Name: 'attachment.instance-id', Values: [`\${Ref:${idOf(workloads.host.instance)}}`] },
      { Name: 'attachment.device-index', Values: ['0'] },
    ]);
    nested.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: stack.resolve(stack.remoteNetwork.routeTableId),
      DestinationCidrBlock: '10.53.0.0/16',
      NetworkInterfaceId: { 'Fn::GetAtt': [lookupId, 'NetworkInterfaces.0.NetworkInterfaceId'] },
    });
  });

  test('adds no other route: 12 lab routes, 2 remote routes and the default route', () => {
    nested.resourceCountIs('AWS::EC2::Route', 15);
  });
});

describe('security groups', () => {
  test('the cluster security group accepts all traffic from the remote node subnet and the remote pod CIDR', () => {
    const clusterSg = lab.stack.resolve(lab.stack.cluster.clusterSecurityGroupId);
    for (const cidr of ['10.52.0.0/24', '10.53.0.0/16']) {
      nested.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: clusterSg,
        IpProtocol: '-1',
        CidrIp: cidr,
      });
    }
    nested.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
  });

  test("the node's group accepts all from the lab VPC and 443 from the pods, and nothing else", () => {
    nested.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Security group for hybrid EKS nodes',
      VpcId: { Ref: idOf(stack.remoteNetwork.vpc) },
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '10.42.0.0/16', IpProtocol: '-1' }),
        Match.objectLike({ CidrIp: '10.53.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
      ],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', IpProtocol: '-1' })],
    });
  });

  test('no rule in any template opens SSH, and no key pair exists', () => {
    const resources = lab.templates.flatMap(({ template }) => Object.values(template.Resources));
    const rules = resources.flatMap((resource) => [
      resource.Properties ?? {},
      ...((resource.Properties?.SecurityGroupIngress ?? []) as Record<string, unknown>[]),
    ]);
    const sshRules = rules.filter(
      (rule) =>
        (rule.IpProtocol === 'tcp' || rule.IpProtocol === '6') &&
        Number(rule.FromPort) <= 22 &&
        22 <= Number(rule.ToPort),
    );
    expect(sshRules).toEqual([]);
    expect(resources.filter((resource) => resource.Type === 'AWS::EC2::KeyPair')).toEqual([]);
    const instances = resources.filter((resource) => resource.Type === 'AWS::EC2::Instance');
    expect(instances).toHaveLength(1);
    expect(instances.map((instance) => instance.Properties?.KeyName)).toEqual([undefined]);
  });
});

describe('hybrid node host', () => {
  let instanceId: string;
  let instance: Record<string, unknown>;
  beforeAll(() => {
    instanceId = idOf(workloads.host.instance);
    instance = nestedJson.Resources[instanceId].Properties!;
  });

  test('runs Ubuntu 24.04 amd64 from the public SSM parameter, resolved by CloudFormation at deploy time', () => {
    const ref = (instance.ImageId as { Ref: string }).Ref;
    expect(nestedJson.Parameters?.[ref]).toEqual({
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Default: UBUNTU_2404_AMD64_AMI_PARAMETER,
    });
    expect((lab.stack.node.root as App).synth().manifest.missing ?? []).toEqual([]);
  });

  test('is an m5.large in the remote subnet with the source/destination check off, IMDSv2 required and an encrypted root volume', () => {
    expect(instance).toMatchObject({
      InstanceType: 'm5.large',
      SubnetId: { Ref: idOf(stack.remoteNetwork.subnet as ec2.Subnet) },
      SourceDestCheck: false,
      MetadataOptions: { HttpTokens: 'required' },
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/sda1',
          Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 100, DeleteOnTermination: true },
        },
      ],
      Tags: expect.arrayContaining([{ Key: 'Name', Value: 'eks-workshop-hybrid-node-01' }]),
    });
    expect(instance.KeyName).toBeUndefined();
  });

  test('its instance role may only read its activation secret (no SSM core policy: Session Manager goes through the hybrid registration)', () => {
    const roleId = idOf(workloads.host.instance.role.node.defaultChild as CfnResource);
    expect(nestedJson.Resources[roleId].Properties?.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(nestedJson.Resources).filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(resource.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]),
    );
    expect(policies).toHaveLength(1);
    expect((policies[0].Properties!.PolicyDocument as { Statement: unknown[] }).Statement).toEqual([
      {
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Effect: 'Allow',
        Resource: { Ref: idOf(stack.activation.secret) },
      },
    ]);
  });

  test('the activation secret denies reading to every principal but the host role', () => {
    nested.hasResourceProperties('AWS::SecretsManager::ResourcePolicy', {
      SecretId: { Ref: idOf(stack.activation.secret) },
      ResourcePolicy: {
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'secretsmanager:GetSecretValue',
            Resource: '*',
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': {
                  'Fn::GetAtt': [idOf(workloads.host.instance.role.node.defaultChild as CfnResource), 'Arn'],
                },
              },
            },
          },
        ],
      },
    });
  });

  test('boots after its activation, the HYBRID_LINUX access entry, every route and the cluster rules', () => {
    const host = addressOf(workloads.host.instance);
    const tgwRoutes = Object.entries(nestedJson.Resources).filter(
      ([, resource]) =>
        (resource.Type === 'AWS::EC2::Route' && resource.Properties?.TransitGatewayId) ||
        resource.Type === 'AWS::EC2::TransitGatewayRoute',
    );
    expect(tgwRoutes).toHaveLength(14);
    const prerequisites = [
      addressOf(stack.activation.resource),
      addressOf(workloads.accessEntry),
      ...['ClusterFromRemoteNodes', ...tgwRoutes.map(([id]) => id)].map(addressOfLogicalId),
      addressOfLogicalId('ClusterFromRemotePods'),
    ];
    for (const prerequisite of prerequisites)
      expect([prerequisite, order.createdAfter(host, prerequisite)]).toEqual([prerequisite, true]);
  });

  test('the host does not wait for the retail app or the base controllers: their pods keep off hybrid nodes by affinity', () => {
    const host = addressOf(workloads.host.instance);
    expect(order.createdAfter(host, addressOf(lab.stack.secrets.chart))).toBe(false);
    expect(order.createdAfter(host, addressOf(lab.stack.retailApp.components.ui))).toBe(false);
    for (const kind of ['Deployment', 'StatefulSet']) {
      const retail = lab.kubernetesObjects.filter(
        ({ object }) => object.kind === kind && RETAIL_NAMESPACES.includes(object.metadata.namespace ?? ''),
      );
      expect(retail.length).toBeGreaterThan(0);
      for (const { object } of retail) {
        const affinity = (object.spec as { template: { spec: { affinity?: unknown } } }).template.spec.affinity;
        expect([object.metadata.name, affinity]).toEqual([object.metadata.name, CLOUD_ONLY]);
      }
    }
  });
});

describe('boot script (user data)', () => {
  let userData: string;
  beforeAll(() => {
    userData = renderCfnValue(nestedJson.Resources[idOf(workloads.host.instance)].Properties!.UserData);
  });

  test('installs nodeadm for the cluster version with the SSM credential provider and initialises the node', () => {
    expect(userData).toContain(`NODEADM_URL='${NODEADM_URL_AMD64}'`);
    expect(userData).toContain("KUBERNETES_VERSION='1.35'");
    expect(userData).toContain('nodeadm install "$KUBERNETES_VERSION" --credential-provider ssm');
    expect(userData).toContain('nodeadm init --config-source "file://$NODE_CONFIG"');
    expect(userData).toContain(`NODE_CONFIG='${NODE_CONFIG_PATH}'`);
    expect(userData).toContain("CLUSTER_NAME='eks-workshop'");
  });

  test('reads the activation from the secret at boot: the user data holds the secret reference, never an activation', () => {
    expect(userData).toContain(`ACTIVATION_SECRET='\${Ref:${idOf(stack.activation.secret)}}'`);
    expect(userData).toContain('aws secretsmanager get-secret-value');
    expect(userData).not.toMatch(/activationCode:\s*["']?[A-Za-z0-9+/=]{8,}/);
    expect(userData).not.toMatch(/^\s*set -[a-z]*x/m);
  });

  test('no template or output carries an activation id or code', () => {
    const activation = nestedJson.Resources[idOf(stack.activation.resource)].Properties!;
    expect(Object.keys(activation).filter((key) => /activation(id|code)/i.test(key))).toEqual([]);
    for (const { template } of lab.templates) {
      const text = JSON.stringify(template);
      expect(text).not.toMatch(/"ActivationCode"|"ActivationId"/);
      // The secret's name crosses to the workloads stack as an output; nothing of the activation resource does.
      expect(JSON.stringify(template.Outputs ?? {})).not.toContain(idOf(stack.activation.resource));
    }
  });
});

describe('identity', () => {
  test('the Hybrid Nodes role is assumed by SSM only, from this account and Region (AssumeRole and TagSession)', () => {
    nested.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'ssm.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnEquals: { 'aws:SourceArn': Match.anyValue() },
            },
          },
        ],
      },
    });
  });

  test('the Hybrid Nodes role has the permissions the EKS user guide lists, narrowed to this cluster', () => {
    nested.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] },
        {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonEC2ContainerRegistryPullOnly']],
        },
      ],
      Policies: [
        {
          PolicyName: 'HybridNode',
          PolicyDocument: {
            Statement: [
              { Action: 'eks:DescribeCluster', Effect: 'Allow', Resource: CLUSTER_ARN },
              { Action: 'eks-auth:AssumeRoleForPodIdentity', Effect: 'Allow', Resource: CLUSTER_ARN },
              { Action: 'ssm:DescribeInstanceInformation', Effect: 'Allow', Resource: '*' },
              {
                Action: 'ssm:DeregisterManagedInstance',
                Effect: 'Allow',
                Resource: Match.anyValue(),
                Condition: { StringEquals: { 'ssm:resourceTag/EKSClusterARN': CLUSTER_ARN } },
              },
            ],
          },
        },
      ],
    });
  });

  test('the ARN the identity is narrowed to names the lab cluster, which the network stack does not wait for', () => {
    rootTemplate(lab).hasResourceProperties('AWS::EKS::Cluster', { Name: 'eks-workshop' });
    expect(order.createdAfter(addressOf(stack.hybridNodeRole), addressOf(lab.stack.cluster))).toBe(false);
    expect(order.createdAfter(addressOf(stack.transitGateway.transitGateway), addressOf(lab.stack.cluster))).toBe(
      false,
    );
  });

  test('the Hybrid Nodes role has an access entry of type HYBRID_LINUX with no access policy', () => {
    nested.resourceCountIs('AWS::EKS::AccessEntry', 1);
    nested.hasResourceProperties('AWS::EKS::AccessEntry', {
      Type: 'HYBRID_LINUX',
      ClusterName: lab.stack.resolve(lab.stack.cluster.clusterName),
      PrincipalArn: { 'Fn::GetAtt': [idOf(stack.hybridNodeRole), 'Arn'] },
      AccessPolicies: [],
    });
  });

  test('the SSM activation is for that role, allows one registration and tags the node with the cluster ARN', () => {
    nested.hasResourceProperties('Custom::SsmHybridActivation', {
      IamRoleName: { Ref: idOf(stack.hybridNodeRole) },
      RegistrationLimit: '1',
      Tags: [{ Key: 'EKSClusterARN', Value: CLUSTER_ARN }],
      SecretId: { Ref: idOf(stack.activation.secret) },
      Generation: {
        ImageId: { Ref: Match.stringLikeRegexp('SsmParameterValue') },
        BootScript: Match.stringLikeRegexp('^[0-9a-f]{16}$'),
      },
    });
  });
});

describe('Cilium', () => {
  test('is chart cilium 1.18.12 (the newest 1.18 patch; EKS supports 1.17.x and 1.18.x on hybrid nodes) from helm.cilium.io in namespace cilium', () => {
    const releases = lab.helmReleases.filter((release) => release.chart === 'cilium');
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({
      release: 'cilium',
      version: '1.18.12',
      repository: 'https://helm.cilium.io/',
      namespace: 'cilium',
    });
  });

  test("has the lab's values, field by field", () => {
    const values = lab.helmReleases.find((release) => release.chart === 'cilium')!.values as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(values).sort()).toEqual(['affinity', 'envoy', 'ipam', 'operator']);
    expect(values.affinity).toEqual(HYBRID_AFFINITY);
    expect(values.ipam).toEqual({
      mode: 'cluster-pool',
      operator: { clusterPoolIPv4MaskSize: 25, clusterPoolIPv4PodCIDRList: ['10.53.0.0/16'] },
    });
    expect(values.operator.replicas).toBe(1);
    expect(values.operator.affinity).toEqual(HYBRID_AFFINITY);
    expect(values.operator.unmanagedPodWatcher).toEqual({ restart: false });
    expect(Object.keys(values.operator).sort()).toEqual(['affinity', 'replicas', 'unmanagedPodWatcher']);
    expect(values.envoy).toEqual({ enabled: false });
  });

  test('is installed after the host boots (and removed before it goes)', () => {
    expect(dependsOnOf(idOf(workloads.cilium.node.defaultChild as CfnResource))).toContain(
      idOf(workloads.host.instance),
    );
  });
});

describe('workloads of the default stage, cloud-bursting', () => {
  test("nginx-deployment runs the workshop's 3 nginx pods in default, preferring hybrid nodes", () => {
    const [deployment] = findKubernetesObjects(lab, 'Deployment', 'nginx-deployment');
    expect(deployment.metadata.namespace).toBe('default');
    expect(deployment.spec).toMatchObject({
      replicas: 3,
      template: {
        spec: {
          affinity: {
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
          },
        },
      },
    });
    expect(kubernetesValidationErrors(deployment)).toEqual([]);
  });

  test('nginx-deployment is applied only once the hybrid node is Ready, so its preferred affinity can place it there', () => {
    expect(dependsOnOf(idOf(workloads.cloudBursting!.node.defaultChild as CfnResource))).toContain(
      idOf(workloads.hybridNodeReady.resource),
    );
  });

  test('the deploy-time wait asks for one Ready node labelled hybrid, after the host and Cilium exist', () => {
    const wait = idOf(workloads.hybridNodeReady.resource);
    expect(nestedJson.Resources[wait].Properties).toMatchObject({
      LabelSelector: 'eks.amazonaws.com/compute-type=hybrid',
      Count: '1',
    });
    expect(dependsOnOf(wait)).toEqual(
      expect.arrayContaining([idOf(workloads.host.instance), idOf(workloads.cilium.node.defaultChild as CfnResource)]),
    );
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
    const cloudOnly = CLOUD_ONLY.nodeAffinity;
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

  test('applies the pod-deletion-cost ClusterPolicy after Kyverno, and nginx-deployment after the policy', () => {
    const policies = findKubernetesObjects(lab, 'ClusterPolicy', 'set-pod-deletion-cost');
    expect(policies).toHaveLength(1);
    expect(kubernetesValidationErrors(policies[0])).toEqual([]);
    expect(dependsOnOf(idOf(workloads.podDeletionCostPolicy!))).toContain(idOf(workloads.kyverno!));
    expect(dependsOnOf(idOf(workloads.cloudBursting!))).toContain(idOf(workloads.podDeletionCostPolicy!));
  });

  test('Kyverno installs alongside the host, not before or after it: its controllers keep off the hybrid node by affinity', () => {
    const host = addressOf(workloads.host.instance);
    const kyverno = addressOf(workloads.kyverno!);
    expect([order.createdAfter(host, kyverno), order.createdAfter(kyverno, host)]).toEqual([false, false]);
  });

  test('needs no load balancer: no Ingress, no nginx-remote, and no note about the Ingress', () => {
    expect(findKubernetesObjects(lab, 'Ingress')).toEqual([]);
    expect(findKubernetesObjects(lab, 'Namespace', 'nginx-remote')).toEqual([]);
    const annotations = (type: string) =>
      workloads.node.metadata.filter((entry) => entry.type === type).map((entry) => String(entry.data));
    expect(annotations('aws:cdk:info').filter((text) => text.includes(INGRESS_SKIPPED_WARNING))).toEqual([]);
    expect(annotations('aws:cdk:warning')).toEqual([]);
  });
});
