import { labConfigurations } from '../../../lib/lab-configurations';
import type { CfnResourceJson, CfnTemplate } from '../../../lib/verify/cfn-template';
import type { SynthesizedOutput } from '../../../lib/verify/synthesized-lab';
import { workshopEnvScript } from '../../../lib/workshop/workshop-env-script';
import { workshopOutputId, workshopVariableName } from '../../../lib/workshop/workshop-variable';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

const allModules = labConfigurations().find((configuration) => configuration.name === 'all-modules')!;
let lab: SynthesizedOutput;
let root: CfnTemplate;

beforeAll(() => {
  lab = synthesizedOutputForTest(allModules.context);
  root = lab.templates[0].template;
});

/** The root output of a workshop variable, with nested-stack outputs replaced by the value they carry. */
function workshopValue(name: string): unknown {
  const output = root.Outputs?.[workshopOutputId(name)] as { Value: unknown } | undefined;
  if (!output) throw new Error(`No root output for ${name}`);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
    if (getAtt && getAtt[1].startsWith('Outputs.')) {
      const outputName = getAtt[1].slice('Outputs.'.length);
      const source = lab.templates.find((entry) => entry.template.Outputs?.[outputName]);
      if (!source) throw new Error(`No nested stack has output ${outputName}`);
      return resolve((source.template.Outputs![outputName] as { Value: unknown }).Value);
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolve(child)]));
  };
  return resolve(output.Value);
}

/** The resource a Ref or GetAtt names, in whichever of the lab's templates declares it. */
function resourceOf(value: unknown): [string, CfnResourceJson] {
  const reference = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const logicalId = reference.Ref ?? reference['Fn::GetAtt']?.[0];
  if (!logicalId) throw new Error(`Not a reference: ${JSON.stringify(value)}`);
  const declaring = lab.templates.filter((entry) => entry.template.Resources[logicalId]);
  if (declaring.length !== 1) throw new Error(`${logicalId} is declared in ${declaring.length} templates`);
  return [logicalId, declaring[0].template.Resources[logicalId]];
}

const attributeOf = (value: unknown) => (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[1];

describe('root outputs named after the workshop variables', () => {
  test('the output id maps to and from the variable name, numbers included', () => {
    expect(workshopOutputId('VPC_ID')).toBe('WorkshopVpcId');
    expect(workshopOutputId('PRIMARY_SUBNET_1')).toBe('WorkshopPrimarySubnet1');
    for (const id of Object.keys(root.Outputs ?? {}).filter((key) => key.startsWith('Workshop'))) {
      expect(workshopOutputId(workshopVariableName(id)!)).toBe(id);
    }
    expect(workshopVariableName('ClusterName')).toBeUndefined();
    expect(() => workshopOutputId('vpc-id')).toThrow(/SCREAMING_SNAKE_CASE/);
  });

  test('the base lab: cluster, Region, VPC, cluster security group, default node group and private subnets', () => {
    expect(workshopValue('AWS_REGION')).toEqual({ Ref: 'AWS::Region' });
    expect(resourceOf(workshopValue('EKS_CLUSTER_NAME'))[1].Type).toBe('AWS::EKS::Cluster');
    expect(workshopValue('EKS_CLUSTER_VERSION')).toBe(lab.config.kubernetesVersion.version);
    expect(resourceOf(workshopValue('VPC_ID'))[1].Type).toBe('AWS::EC2::VPC');
    for (const name of ['EKS_CLUSTER_SECURITY_GROUP_ID', 'CLUSTER_SG']) {
      expect(resourceOf(workshopValue(name))[1].Type).toBe('AWS::EKS::Cluster');
      expect(attributeOf(workshopValue(name))).toBe('ClusterSecurityGroupId');
    }
    const [, nodeGroup] = resourceOf(workshopValue('EKS_DEFAULT_MNG_NAME'));
    expect(nodeGroup.Type).toBe('AWS::EKS::Nodegroup');
    expect(nodeGroup.Properties?.NodegroupName).toMatch(/^default-/);
    for (const index of [1, 2, 3]) {
      const [, subnet] = resourceOf(workshopValue(`PRIMARY_SUBNET_${index}`));
      expect(subnet.Type).toBe('AWS::EC2::Subnet');
      expect(subnet.Properties?.MapPublicIpOnLaunch).toBe(false);
    }
    expect(workshopValue('INBOUND_CIDRS')).toBe(allModules.context.inboundCidrs);
  });

  test('custom networking: each pod subnet of the secondary CIDR with its zone, and the node role', () => {
    const secondary = lab.config.secondaryCidr.text;
    for (const index of [1, 2, 3]) {
      const [subnetId, subnet] = resourceOf(workshopValue(`SECONDARY_SUBNET_${index}`));
      expect(subnet.Type).toBe('AWS::EC2::Subnet');
      expect(String(subnet.Properties?.CidrBlock)).toMatch(
        new RegExp(`^${secondary.split('.').slice(0, 2).join('\\.')}\\.`),
      );
      const zone = workshopValue(`SUBNET_AZ_${index}`);
      expect([subnet.Properties?.AvailabilityZone, { 'Fn::GetAtt': [subnetId, 'AvailabilityZone'] }]).toContainEqual(
        zone,
      );
    }
    const [, role] = resourceOf(workshopValue('CUSTOM_NETWORKING_NODE_ROLE'));
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(attributeOf(workshopValue('CUSTOM_NETWORKING_NODE_ROLE'))).toBe('Arn');
  });

  test('security groups for pods: the RDS address and the catalog pod security group', () => {
    expect(resourceOf(workshopValue('CATALOG_RDS_ENDPOINT'))[1].Type).toBe('AWS::RDS::DBInstance');
    expect(attributeOf(workshopValue('CATALOG_RDS_ENDPOINT'))).toBe('Endpoint.Address');
    const [, group] = resourceOf(workshopValue('CATALOG_SG_ID'));
    expect(group.Properties?.GroupDescription).toBe('Applied to catalog application pods');
  });

  test("VPC Lattice: the route's URL as the workshop exports it (http://) and the controller's role", () => {
    const url = workshopValue('CHECKOUT_ROUTE_DNS') as { 'Fn::Join': [string, unknown[]] };
    expect(url['Fn::Join'][1][0]).toBe('http://');
    const [, role] = resourceOf(workshopValue('LATTICE_IAM_ROLE'));
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('pods.eks.amazonaws.com');
  });

  test("hybrid nodes: the hybrid node role by name and ARN, and the host's address", () => {
    for (const [name, attribute] of [
      ['HYBRID_ROLE_NAME', undefined],
      ['HYBRID_ROLE_ARN', 'Arn'],
    ] as const) {
      const [, role] = resourceOf(workshopValue(name));
      expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('ssm.amazonaws.com');
      expect(attributeOf(workshopValue(name))).toBe(attribute);
    }
    const [, host] = resourceOf(workshopValue('HYBRID_NODE_IP'));
    expect(host.Type).toBe('AWS::EC2::Instance');
    expect(attributeOf(workshopValue('HYBRID_NODE_IP'))).toBe('PrivateIp');
  });

  test('no secret is a workshop variable: no password or activation code, no Secrets Manager value', () => {
    const names = Object.keys(root.Outputs ?? {}).flatMap((id) => workshopVariableName(id) ?? []);
    expect(names.filter((name) => /PASSWORD|SECRET|CODE|TOKEN/.test(name))).toEqual([]);
    for (const name of names) expect(JSON.stringify(workshopValue(name))).not.toMatch(/secretsmanager|SecretString/i);
  });
});

describe('npm run workshop-env lines', () => {
  test('exports the workshop variables among the outputs, sorted, single-quoted so the shell takes them verbatim', () => {
    expect(
      workshopEnvScript({
        WorkshopVpcId: 'vpc-0abc',
        ClusterName: 'eks-workshop',
        WorkshopCheckoutRouteDns: "http://a.on.aws/$HOME'`x`",
      }),
    ).toEqual(["export CHECKOUT_ROUTE_DNS='http://a.on.aws/$HOME'\\''`x`'", "export VPC_ID='vpc-0abc'"]);
  });
});
