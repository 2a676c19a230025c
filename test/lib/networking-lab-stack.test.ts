import { Match, rootTemplate, synthesizeForTest } from '../support/lab-fixtures';
import type { SynthesizedLab } from '../../lib/verify/synthesized-lab';
import type { Template } from 'aws-cdk-lib/assertions';

let lab: SynthesizedLab;
let template: Template;

beforeAll(() => {
  lab = synthesizeForTest();
  template = rootTemplate(lab);
});

describe('base lab network', () => {
  test('cuts the VPC into the workshop public and private /19 subnets', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.42.0.0/16', EnableDnsHostnames: true });
    for (const cidr of ['10.42.0.0/19', '10.42.32.0/19', '10.42.64.0/19']) {
      template.hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        MapPublicIpOnLaunch: false,
        Tags: Match.arrayWith([{ Key: 'kubernetes.io/role/elb', Value: '1' }]),
      });
    }
    for (const cidr of ['10.42.96.0/19', '10.42.128.0/19', '10.42.160.0/19']) {
      template.hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        Tags: Match.arrayWith([{ Key: 'kubernetes.io/role/internal-elb', Value: '1' }]),
      });
    }
    template.resourceCountIs('AWS::EC2::Subnet', 6);
  });

  test('uses one NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });
});
