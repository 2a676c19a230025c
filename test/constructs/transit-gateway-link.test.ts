import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DEFAULT_ASSOCIATION_ROUTE_TABLE_PATH, TransitGatewayLink } from '../../constructs/transit-gateway-link';

let stack: Stack;
let link: TransitGatewayLink;
let template: Template;

beforeAll(() => {
  stack = new Stack(new App(), 'Test');
  const a = new ec2.Vpc(stack, 'A', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }],
  });
  const b = new ec2.Vpc(stack, 'B', {
    ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }],
  });
  link = new TransitGatewayLink(stack, 'Link', {
    description: 'test',
    name: 'test-tgw',
    vpcs: [
      { name: 'A', vpcId: a.vpcId, subnetIds: a.publicSubnets.map((subnet) => subnet.subnetId) },
      { name: 'B', vpcId: b.vpcId, subnetIds: b.publicSubnets.map((subnet) => subnet.subnetId) },
    ],
  });
  link.addVpcRoute(stack, 'AToB', {
    routeTableId: a.publicSubnets[0].routeTable.routeTableId,
    destination: '10.1.0.0/16',
    vpc: 'A',
  });
  link.addStaticRoute('Extra', { destination: '10.9.0.0/16', vpc: 'B' });
  template = Template.fromStack(stack);
});

test('creates a Transit Gateway that accepts, associates and propagates attachments automatically', () => {
  template.hasResourceProperties('AWS::EC2::TransitGateway', {
    AutoAcceptSharedAttachments: 'enable',
    DefaultRouteTableAssociation: 'enable',
    DefaultRouteTablePropagation: 'enable',
    DnsSupport: 'enable',
    Tags: Match.arrayWith([{ Key: 'Name', Value: 'test-tgw' }]),
  });
  template.resourceCountIs('AWS::EC2::TransitGatewayAttachment', 2);
});

test('a VPC route to the Transit Gateway waits for the attachment of its VPC', () => {
  const routes = template.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '10.1.0.0/16' } });
  const [route] = Object.values(routes);
  expect(route.Properties.TransitGatewayId).toEqual({ Ref: stack.resolve(link.transitGateway.logicalId) });
  expect(route.DependsOn).toContain(stack.resolve(link.attachment('A').logicalId));
});

test('a static route goes into the default association route table, read with DescribeTransitGateways', () => {
  const lookups = template.findResources('Custom::AWS');
  const [lookupId] = Object.keys(lookups);
  const create = JSON.stringify(lookups[lookupId].Properties.Create);
  expect(create).toContain('describeTransitGateways');
  expect(create).toContain(stack.resolve(link.transitGateway.logicalId));
  template.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
    DestinationCidrBlock: '10.9.0.0/16',
    TransitGatewayAttachmentId: { 'Fn::GetAtt': [stack.resolve(link.attachment('B').logicalId), 'Id'] },
    TransitGatewayRouteTableId: { 'Fn::GetAtt': [lookupId, DEFAULT_ASSOCIATION_ROUTE_TABLE_PATH] },
  });
});

test('fails when a route names a VPC it does not connect', () => {
  expect(() => link.addStaticRoute('Nope', { destination: '10.8.0.0/16', vpc: 'C' })).toThrow('has no VPC named C');
});
