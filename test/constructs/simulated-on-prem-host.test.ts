import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { PRIMARY_NETWORK_INTERFACE_PATH, SimulatedOnPremHost } from '../../constructs/simulated-on-prem-host';

let app: App;
let stack: Stack;
let host: SimulatedOnPremHost;
let template: Template;

beforeAll(() => {
  app = new App();
  stack = new Stack(app, 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }],
  });
  host = new SimulatedOnPremHost(stack, 'Host', {
    vpc,
    subnet: vpc.publicSubnets[0],
    securityGroup: new ec2.SecurityGroup(stack, 'Sg', { vpc }),
    instanceType: 't3.medium',
    machineImage: ec2.MachineImage.fromSsmParameter(
      '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
    ),
    rootDeviceName: '/dev/sda1',
    rootVolumeGiB: 30,
    role: new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }),
    userData: ec2.UserData.custom('#!/bin/bash\necho hi\n'),
  });
  template = Template.fromStack(stack);
});

test('has no key pair, requires IMDSv2, turns the source/destination check off and encrypts its root volume', () => {
  template.hasResourceProperties('AWS::EC2::Instance', {
    InstanceType: 't3.medium',
    SourceDestCheck: false,
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/sda1',
        Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 30, DeleteOnTermination: true },
      },
    ],
  });
  const [instance] = Object.values(template.findResources('AWS::EC2::Instance'));
  expect(instance.Properties.KeyName).toBeUndefined();
});

test('resolves the AMI from the SSM parameter at deploy time, with no synth-time lookup', () => {
  const [parameter] = Object.values(
    template.toJSON().Parameters as Record<string, { Type: string; Default: string }>,
  ).filter((p) => p.Type.startsWith('AWS::SSM'));
  expect(parameter).toEqual({
    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
    Default: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
  });
  expect(app.synth().manifest.missing ?? []).toEqual([]);
});

test('reads its primary network interface (device index 0) at deploy time', () => {
  const [lookup] = Object.values(template.findResources('Custom::AWS'));
  const create = JSON.stringify(lookup.Properties.Create);
  expect(create).toContain('describeNetworkInterfaces');
  expect(create).toContain('attachment.device-index');
  expect(create).toContain(stack.resolve(host.instance.instanceId).Ref);
  expect(stack.resolve(host.primaryNetworkInterfaceId)).toEqual({
    'Fn::GetAtt': [expect.any(String), PRIMARY_NETWORK_INTERFACE_PATH],
  });
});

test('a new boot script replaces the host (the script runs only at first boot)', () => {
  const [logicalId] = Object.keys(template.findResources('AWS::EC2::Instance'));
  expect(logicalId).toMatch(/^HostInstance[0-9A-F]{8}[0-9a-f]{16}$/);
});
