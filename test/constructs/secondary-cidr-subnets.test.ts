import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SecondaryCidrSubnets } from '../../constructs/secondary-cidr-subnets';

function vpcStack(): { stack: Stack; vpc: ec2.Vpc } {
  const stack = new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.42.0.0/16'),
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 19 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 19 },
    ],
  });
  return { stack, vpc };
}

describe('SecondaryCidrSubnets', () => {
  let template: Template;
  let stack: Stack;
  let vpc: ec2.Vpc;
  let construct: SecondaryCidrSubnets;

  beforeAll(() => {
    ({ stack, vpc } = vpcStack());
    construct = new SecondaryCidrSubnets(stack, 'Pods', {
      vpc,
      cidrBlock: '100.64.0.0/16',
      subnets: vpc.privateSubnets.map((subnet, index) => ({
        cidrBlock: `100.64.${index * 32}.0/19`,
        alongside: subnet,
      })),
    });
    template = Template.fromStack(stack);
  });

  test('associates the CIDR block with the VPC', () => {
    template.hasResourceProperties('AWS::EC2::VPCCidrBlock', {
      CidrBlock: '100.64.0.0/16',
      VpcId: stack.resolve(vpc.vpcId),
    });
  });

  test('creates each subnet in the zone of its neighbour and associates it with the neighbour route table', () => {
    vpc.privateSubnets.forEach((privateSubnet, index) => {
      const podSubnet = construct.subnets[index];
      template.hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: `100.64.${index * 32}.0/19`,
        AvailabilityZone: privateSubnet.availabilityZone,
        MapPublicIpOnLaunch: false,
      });
      template.hasResourceProperties('AWS::EC2::SubnetRouteTableAssociation', {
        SubnetId: stack.resolve(podSubnet.resource.ref),
        RouteTableId: stack.resolve(privateSubnet.routeTable.routeTableId),
      });
      expect(podSubnet.availabilityZone).toBe(privateSubnet.availabilityZone);
    });
    // The VPC's own four subnets plus the two new ones.
    template.resourceCountIs('AWS::EC2::Subnet', 6);
  });

  test('makes every subnet depend on the CIDR association', () => {
    const associationId = stack.getLogicalId(construct.association);
    for (const podSubnet of construct.subnets) {
      template.hasResource('AWS::EC2::Subnet', {
        Properties: Match.objectLike({ CidrBlock: podSubnet.cidrBlock }),
        DependsOn: Match.arrayWith([associationId]),
      });
    }
  });

  test('exposes the subnets as ISubnet with their CIDR and route table', () => {
    expect(construct.subnets.map((podSubnet) => podSubnet.subnet.ipv4CidrBlock)).toEqual([
      '100.64.0.0/19',
      '100.64.32.0/19',
    ]);
    expect(stack.resolve(construct.subnets[0].subnet.routeTable.routeTableId)).toEqual(
      stack.resolve(vpc.privateSubnets[0].routeTable.routeTableId),
    );
  });
});

describe('SecondaryCidrSubnets input checks', () => {
  test('fails when a subnet lies outside the secondary CIDR', () => {
    const { stack, vpc } = vpcStack();
    expect(
      () =>
        new SecondaryCidrSubnets(stack, 'Pods', {
          vpc,
          cidrBlock: '100.64.0.0/16',
          subnets: [{ cidrBlock: '100.65.0.0/19', alongside: vpc.privateSubnets[0] }],
        }),
    ).toThrow('Subnet CIDR 100.65.0.0/19 is not inside 100.64.0.0/16');
  });

  test('fails when two subnets overlap', () => {
    const { stack, vpc } = vpcStack();
    expect(
      () =>
        new SecondaryCidrSubnets(stack, 'Pods', {
          vpc,
          cidrBlock: '100.64.0.0/16',
          subnets: [
            { cidrBlock: '100.64.0.0/19', alongside: vpc.privateSubnets[0] },
            { cidrBlock: '100.64.16.0/20', alongside: vpc.privateSubnets[1] },
          ],
        }),
    ).toThrow('Subnet CIDRs 100.64.0.0/19 and 100.64.16.0/20 overlap');
  });

  test('fails when the secondary CIDR is not a CIDR', () => {
    const { stack, vpc } = vpcStack();
    expect(
      () =>
        new SecondaryCidrSubnets(stack, 'Pods', {
          vpc,
          cidrBlock: '100.64.0.0',
          subnets: [{ cidrBlock: '100.64.0.0/19', alongside: vpc.privateSubnets[0] }],
        }),
    ).toThrow('Secondary CIDR 100.64.0.0 is not an IPv4 CIDR');
  });

  test('fails without subnets', () => {
    const { stack, vpc } = vpcStack();
    expect(() => new SecondaryCidrSubnets(stack, 'Pods', { vpc, cidrBlock: '100.64.0.0/16', subnets: [] })).toThrow(
      'needs at least one subnet',
    );
  });
});
