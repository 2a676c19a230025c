import type { Template } from 'aws-cdk-lib/assertions';
import type { ResourceAddress } from '../../../../lib/verify/cfn-stack-references';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import type { CfnResourceJson } from '../../../../lib/verify/cfn-template';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { Match, rootStackPath, rootTemplate } from '../../../support/lab-fixtures';
import { moduleTemplate } from '../../../support/module-templates';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

/** The network policy agent settings every lab's vpc-cni add-on carries (the workshop base cluster's). */
const NETWORK_POLICY_AGENT = { enableNetworkPolicy: 'true', nodeAgent: { enablePolicyEventLogs: 'true' } };

const NESTED = 'SecurityGroupsForPods';
const MODULE_STACKS = [NESTED, `${NESTED}Workloads`];

let base: SynthesizedOutput;
let lab: SynthesizedOutput;
let withCustomNetworking: SynthesizedOutput;
let root: Template;
/** The module's nested templates as one, with cross-stack references replaced by the logical ids they stand for. */
let nested: Template;
let order: DeployOrder;

beforeAll(() => {
  base = synthesizedOutputForTest();
  lab = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
  withCustomNetworking = synthesizedOutputForTest({ modules: 'custom-networking,security-groups-for-pods' });
  root = rootTemplate(lab);
  nested = moduleTemplate(lab, MODULE_STACKS);
  order = new DeployOrder(lab.templates);
});

function single(template: Template, type: string, properties: Record<string, unknown> = {}): [string, CfnResourceJson] {
  const found = Object.entries(template.findResources(type, { Properties: Match.objectLike(properties) }));
  expect(found).toHaveLength(1);
  return found[0] as [string, CfnResourceJson];
}

const POD_GROUP = { GroupDescription: 'Applied to catalog application pods' };
const RDS_GROUP = { GroupDescription: 'Catalog RDS security group' };

describe('VPC CNI add-on and cluster role', () => {
  test('the vpc-cni add-on carries ENABLE_POD_ENI=true and POD_SECURITY_GROUP_ENFORCING_MODE=standard', () => {
    const [, addon] = single(root, 'AWS::EKS::Addon', { AddonName: 'vpc-cni' });
    expect(JSON.parse(addon.Properties?.ConfigurationValues as string)).toEqual({
      ...NETWORK_POLICY_AGENT,
      env: { ENABLE_POD_ENI: 'true', POD_SECURITY_GROUP_ENFORCING_MODE: 'standard' },
    });
  });

  test('the cluster role gets AmazonEKSVPCResourceController next to AmazonEKSClusterPolicy', () => {
    root.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'eks.amazonaws.com' } })],
      }),
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonEKSClusterPolicy']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonEKSVPCResourceController']] },
      ],
    });
  });

  test('switching the module on or off replaces neither the cluster, its role, the VPC nor the default node group', () => {
    const resources = (which: SynthesizedOutput) => which.templates[0].template.Resources;
    const before = resources(base);
    const after = resources(lab);
    for (const type of ['AWS::EKS::Cluster', 'AWS::EC2::VPC', 'AWS::EKS::Nodegroup']) {
      const ids = Object.keys(before).filter((id) => before[id].Type === type);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(after[id]).toEqual(before[id]);
    }
    const [roleId] = Object.entries(before).find(([, resource]) =>
      JSON.stringify(resource.Properties?.AssumeRolePolicyDocument ?? '').includes('eks.amazonaws.com'),
    ) as [string, CfnResourceJson];
    // The cluster role does not change at all: it carries AmazonEKSVPCResourceController in every lab, so the
    // controller can still release branch interfaces while the module's stack is deleted.
    expect(after[roleId]).toEqual(before[roleId]);
    expect(JSON.stringify(before[roleId].Properties?.ManagedPolicyArns)).toContain('AmazonEKSVPCResourceController');
  });
});

describe('security groups as the lab', () => {
  test('the pod group is named <cluster>-catalog, admits 8080/tcp from the VPC CIDR and allows all egress', () => {
    const [, group] = single(nested, 'AWS::EC2::SecurityGroup', POD_GROUP);
    expect(group.Properties).toMatchObject({
      GroupName: 'eks-workshop-catalog',
      SecurityGroupIngress: [
        {
          IpProtocol: 'tcp',
          FromPort: 8080,
          ToPort: 8080,
          CidrIp: '10.42.0.0/16',
          Description: 'Allow inbound HTTP API traffic',
        },
      ],
      SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0', Description: expect.any(String) }],
    });
  });

  test('the RDS group admits 3306/tcp from the pod group only and has no egress rule that matches traffic', () => {
    const [podId] = single(nested, 'AWS::EC2::SecurityGroup', POD_GROUP);
    const [rdsId, rds] = single(nested, 'AWS::EC2::SecurityGroup', RDS_GROUP);
    expect(rds.Properties?.SecurityGroupIngress).toBeUndefined();
    // CDK's placeholder for "no egress" (CloudFormation would otherwise add EC2's allow-all rule).
    expect(rds.Properties?.SecurityGroupEgress).toEqual([
      {
        CidrIp: '255.255.255.255/32',
        Description: 'Disallow all traffic',
        FromPort: 252,
        IpProtocol: 'icmp',
        ToPort: 86,
      },
    ]);
    expect(rds.Properties?.Tags).toEqual(expect.arrayContaining([{ Key: 'Name', Value: 'eks-workshop-catalog-rds' }]));
    const ingress = Object.values(nested.findResources('AWS::EC2::SecurityGroupIngress')).filter(
      (rule) =>
        JSON.stringify((rule as CfnResourceJson).Properties?.GroupId) ===
        JSON.stringify({ 'Fn::GetAtt': [rdsId, 'GroupId'] }),
    );
    expect(ingress).toEqual([
      {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: {
          GroupId: { 'Fn::GetAtt': [rdsId, 'GroupId'] },
          SourceSecurityGroupId: { 'Fn::GetAtt': [podId, 'GroupId'] },
          IpProtocol: 'tcp',
          FromPort: 3306,
          ToPort: 3306,
          Description: 'MySQL access from specific security group',
        },
      },
    ]);
    nested.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
  });

  test('DNS 53 over udp and tcp from the VPC CIDR is allowed on the EKS cluster security group', () => {
    const rules = Object.values(
      nested.findResources('AWS::EC2::SecurityGroupIngress', { Properties: Match.objectLike({ FromPort: 53 }) }),
    ) as CfnResourceJson[];
    expect(
      rules.map((rule) => [rule.Properties?.IpProtocol, rule.Properties?.ToPort, rule.Properties?.CidrIp]).sort(),
    ).toEqual([
      ['tcp', 53, '10.42.0.0/16'],
      ['udp', 53, '10.42.0.0/16'],
    ]);
    // The group id is the cluster's ClusterSecurityGroupId, passed in from the base stack.
    for (const rule of rules) {
      expect(rule.Properties?.GroupId).toEqual({
        'Fn::GetAtt': [Object.keys(root.findResources('AWS::EKS::Cluster'))[0], 'ClusterSecurityGroupId'],
      });
    }
  });

  test('with custom networking on, pod addresses of the secondary CIDR are admitted too (8080 and DNS)', () => {
    const template = moduleTemplate(withCustomNetworking, MODULE_STACKS);
    const [, group] = single(template, 'AWS::EC2::SecurityGroup', POD_GROUP);
    expect((group.Properties?.SecurityGroupIngress as { CidrIp: string }[]).map((rule) => rule.CidrIp)).toEqual([
      '10.42.0.0/16',
      '100.64.0.0/16',
    ]);
    const dns = Object.values(
      template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: Match.objectLike({ FromPort: 53 }) }),
    ) as CfnResourceJson[];
    expect(dns.map((rule) => `${rule.Properties?.IpProtocol} ${rule.Properties?.CidrIp}`).sort()).toEqual([
      'tcp 10.42.0.0/16',
      'tcp 100.64.0.0/16',
      'udp 10.42.0.0/16',
      'udp 100.64.0.0/16',
    ]);
  });
});

describe('deploy-time objects and ordering', () => {
  function manifestAddress(kind: string, name: string): ResourceAddress {
    const found = lab.kubernetesObjects.filter(({ object }) => object.kind === kind && object.metadata.name === name);
    expect(found).toHaveLength(1);
    return { stackPath: found[0].stackPath, logicalId: found[0].logicalId };
  }
  const rootResource = (logicalId: string): ResourceAddress => ({ stackPath: rootStackPath(lab), logicalId });

  test('the SecurityGroupPolicy and the ExternalSecret are deployed together, after the ESO read policy', () => {
    const policy = manifestAddress('SecurityGroupPolicy', 'catalog-rds-access');
    expect(manifestAddress('ExternalSecret', 'catalog-rds')).toEqual(policy);
    const [esoPolicyId] = single(nested, 'AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] })],
      },
    });
    const esoPolicy = { stackPath: policy.stackPath, logicalId: esoPolicyId };
    expect(order.createdAfter(policy, esoPolicy)).toBe(true);
  });

  test('they are created after the namespaces, the ESO store and the vpc-cni add-on (and deleted before them)', () => {
    const policy = manifestAddress('SecurityGroupPolicy', 'catalog-rds-access');
    const resources = root.toJSON().Resources as Record<string, CfnResourceJson>;
    const manifests = (name: string) =>
      Object.keys(resources).filter((id) => id.startsWith(name) && resources[id].Type.startsWith('Custom::AWSCDK-EKS'));
    const prerequisites = [
      ...manifests('RetailNamespaces'),
      ...manifests('ExternalSecretsClusterSecretStore'),
      single(root, 'AWS::EKS::Addon', { AddonName: 'vpc-cni' })[0],
    ];
    expect(prerequisites.length).toBeGreaterThanOrEqual(3);
    for (const id of prerequisites) expect([id, order.createdAfter(policy, rootResource(id))]).toEqual([id, true]);
  });

  test('the catalog manifest is created after the policy and the synced credentials; the other components are not', () => {
    const catalog = manifestAddress('Deployment', 'catalog');
    const policy = manifestAddress('SecurityGroupPolicy', 'catalog-rds-access');
    const [waitId] = single(nested, 'Custom::AWSCDK-EKS-KubernetesObjectValue', { ObjectName: 'catalog-rds' });
    expect(order.createdAfter(catalog, policy)).toBe(true);
    expect(order.createdAfter(catalog, { stackPath: policy.stackPath, logicalId: waitId })).toBe(true);
    const ui = manifestAddress('Deployment', 'ui');
    expect(ui).not.toEqual(catalog);
    expect(order.createdAfter(ui, policy)).toBe(false);
  });

  test('a wait on the Secret catalog-rds reads only its name, after the ExternalSecret exists', () => {
    const [waitId] = single(nested, 'Custom::AWSCDK-EKS-KubernetesObjectValue', {
      ObjectType: 'secret',
      ObjectName: 'catalog-rds',
      ObjectNamespace: 'catalog',
      JsonPath: '.metadata.name',
    });
    const externalSecret = manifestAddress('ExternalSecret', 'catalog-rds');
    expect(order.createdAfter({ stackPath: externalSecret.stackPath, logicalId: waitId }, externalSecret)).toBe(true);
  });

  test('ESO may read exactly the RDS-managed secret, through a policy on its role', () => {
    const [dbId] = single(nested, 'AWS::RDS::DBInstance');
    nested.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [dbId, 'MasterUserSecret.SecretArn'] },
          },
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('ExternalSecrets') }],
    });
  });
});

describe('teardown', () => {
  test('the pod group waits on deletion until no network interface uses it (branch ENIs are deleted after a cool-down)', () => {
    const [podId] = single(nested, 'AWS::EC2::SecurityGroup', POD_GROUP);
    const [, drain] = single(nested, 'Custom::SecurityGroupInterfaceDrain');
    expect(drain.Properties).toMatchObject({
      SecurityGroupIds: [{ 'Fn::GetAtt': [podId, 'GroupId'] }],
      DeleteDetachedTagKey: 'eks:eni:owner',
      DeleteDetachedTagValue: 'eks-vpc-resource-controller',
    });
    // It waits less than the ServiceTimeout CloudFormation gives it.
    expect(Number(drain.Properties?.TimeoutSeconds)).toBeLessThan(Number(drain.Properties?.ServiceTimeout));
  });

  test('the database is deleted with the stack and retains no backup', () => {
    const [, db] = single(nested, 'AWS::RDS::DBInstance');
    expect(db).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    expect(db.Properties).toMatchObject({ BackupRetentionPeriod: 0, DeleteAutomatedBackups: true });
    expect(db.Properties?.DeletionProtection).not.toBe(true);
  });
});
