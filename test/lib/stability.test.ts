import { EXAMPLE_INBOUND_CIDR } from '../../lib/lab-configurations';
import { MODULE_NAMES } from '../../lib/modules/module-registry';
import type { CfnResourceJson, CfnTemplate } from '../../lib/verify/cfn-template';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/**
 * Properties whose change makes CloudFormation replace the resource (CloudFormation resource reference, "Update
 * requires: Replacement"). For the types the lab must never replace when a module is switched on or off.
 */
const REPLACEMENT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::EKS::Cluster': [
    'Name',
    'RoleArn',
    'KubernetesNetworkConfig',
    'EncryptionConfig',
    'BootstrapSelfManagedAddons',
    'AccessConfig',
  ],
  'AWS::EC2::VPC': ['CidrBlock', 'InstanceTenancy', 'Ipv4IpamPoolId'],
  'AWS::EC2::Subnet': ['VpcId', 'CidrBlock', 'AvailabilityZone', 'Ipv6CidrBlock'],
  'AWS::EKS::Nodegroup': [
    'NodegroupName',
    'ClusterName',
    'NodeRole',
    'Subnets',
    'InstanceTypes',
    'AmiType',
    'CapacityType',
    'DiskSize',
    'RemoteAccess',
  ],
  'AWS::EC2::SecurityGroup': ['GroupName', 'GroupDescription', 'VpcId'],
  'AWS::RDS::DBInstance': [
    'DBInstanceIdentifier',
    'Engine',
    'DBName',
    'MasterUsername',
    'StorageEncrypted',
    'DBSubnetGroupName',
  ],
  'AWS::EC2::Instance': ['ImageId', 'SubnetId', 'UserData', 'AvailabilityZone', 'KeyName'],
  'AWS::EC2::TransitGateway': ['AmazonSideAsn', 'Description'],
  'AWS::VpcLattice::ServiceNetwork': ['Name'],
  'AWS::IAM::Role': ['RoleName', 'Path'],
};

function replacementView(resource: CfnResourceJson): string {
  const names = REPLACEMENT_PROPERTIES[resource.Type] ?? [];
  return JSON.stringify(names.map((name) => [name, resource.Properties?.[name]]));
}

/** Every guarded resource of `before` exists in `after` under the same logical id, with the same replacement properties. */
function replacedResources(before: CfnTemplate, after: CfnTemplate): string[] {
  return Object.entries(before.Resources)
    .filter(([, resource]) => resource.Type in REPLACEMENT_PROPERTIES)
    .flatMap(([id, resource]) => {
      const counterpart = after.Resources[id];
      if (!counterpart) return [`${id} (${resource.Type}) is gone`];
      if (counterpart.Type !== resource.Type) return [`${id} changed type`];
      return replacementView(counterpart) === replacementView(resource)
        ? []
        : [`${id} (${resource.Type}) would be replaced`];
    });
}

const base = synthesizedOutputForTest();
const alone = Object.fromEntries(MODULE_NAMES.map((name) => [name, synthesizedOutputForTest({ modules: name })]));
const everything = synthesizedOutputForTest({
  modules: MODULE_NAMES.join(','),
  exposeUi: 'true',
  inboundCidrs: EXAMPLE_INBOUND_CIDR,
});

test('the stability check itself sees a replacement (it can fail)', () => {
  const before = base.templates[0].template;
  const [clusterId] = Object.entries(before.Resources).find(([, resource]) => resource.Type === 'AWS::EKS::Cluster')!;
  const renamed: CfnTemplate = {
    Resources: {
      ...before.Resources,
      [clusterId]: {
        ...before.Resources[clusterId],
        Properties: { ...before.Resources[clusterId].Properties, Name: 'other' },
      },
    },
  };
  expect(replacedResources(before, renamed)).toEqual([`${clusterId} (AWS::EKS::Cluster) would be replaced`]);
});

describe.each(MODULE_NAMES)('switching %s on or off', (name) => {
  test('replaces nothing of the base (cluster, VPC, subnets, node group default, roles, security groups)', () => {
    expect(replacedResources(base.templates[0].template, alone[name].templates[0].template)).toEqual([]);
  });

  test('replaces nothing of the module when every other module is on too', () => {
    // The module's stacks: every nested stack of the lab with this module alone (the base has none).
    const own = alone[name].templates.slice(1);
    expect(own.length).toBeGreaterThan(0);
    for (const { stackPath, template } of own) {
      const together = everything.templates.find((candidate) => candidate.stackPath === stackPath)?.template;
      expect([stackPath, together !== undefined]).toEqual([stackPath, true]);
      expect(replacedResources(template, together!)).toEqual([]);
      expect(Object.keys(template.Resources).filter((id) => !(id in together!.Resources))).toEqual([]);
    }
  });
});

test('turning every module and exposeUi on replaces nothing of the base', () => {
  expect(replacedResources(base.templates[0].template, everything.templates[0].template)).toEqual([]);
});
