import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  SECURITY_GROUP_INTERFACE_DRAIN_HANDLER,
  SECURITY_GROUP_INTERFACE_DRAIN_TYPE,
  SecurityGroupInterfaceDrain,
} from '../../constructs/security-group-interface-drain';
import { dependsOn } from '../../lib/verify/cfn-template';
import { runPythonUnitTests } from '../support/python-unit-tests';

function synth(props: { tagged?: boolean; timeout?: Duration } = {}): Template {
  const stack = new Stack(new App(), 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const group = new ec2.SecurityGroup(stack, 'Pods', { vpc });
  new SecurityGroupInterfaceDrain(stack, 'Drain', {
    securityGroups: [group],
    deleteDetachedInterfacesTagged:
      props.tagged === false ? undefined : { key: 'eks:eni:owner', value: 'eks-vpc-resource-controller' },
    timeout: props.timeout,
  });
  return Template.fromStack(stack);
}

const template = synth();
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }
>;
const idOf = (type: string) => Object.keys(resources).find((id) => resources[id].Type === type) as string;

test('the handler deletes only detached tagged interfaces, waits for the others and never fails a deletion (Python unit tests)', () => {
  const result = runPythonUnitTests(
    path.join(__dirname, 'security_group_interface_drain_test.py'),
    SECURITY_GROUP_INTERFACE_DRAIN_HANDLER,
  );
  expect(result.report).toMatch(/Ran 5 tests[\s\S]*OK/);
  expect(result.status).toBe(0);
});

test('the custom resource references the groups, so CloudFormation deletes it (and waits) before them', () => {
  const drain = resources[idOf(SECURITY_GROUP_INTERFACE_DRAIN_TYPE)];
  expect(drain.Properties).toMatchObject({
    SecurityGroupIds: [{ 'Fn::GetAtt': [idOf('AWS::EC2::SecurityGroup'), 'GroupId'] }],
    TimeoutSeconds: '480',
    DeleteDetachedTagKey: 'eks:eni:owner',
    DeleteDetachedTagValue: 'eks-vpc-resource-controller',
  });
  // The function and its policy outlive the deletion call.
  expect(dependsOn(drain as never)).toEqual(
    expect.arrayContaining([idOf('AWS::Lambda::Function'), idOf('AWS::IAM::Policy')]),
  );
});

test('may delete only interfaces tagged by the VPC resource controller, and only describe the rest', () => {
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [
        { Action: 'ec2:DescribeNetworkInterfaces', Effect: 'Allow', Resource: '*' },
        Match.objectLike({
          Action: 'ec2:DeleteNetworkInterface',
          Condition: { StringEquals: { 'aws:ResourceTag/eks:eni:owner': 'eks-vpc-resource-controller' } },
        }),
      ],
    },
  });
  const untagged = synth({ tagged: false });
  expect(JSON.stringify(untagged.toJSON())).not.toContain('ec2:DeleteNetworkInterface');
});

test('its log group is deleted with the stack (nothing left behind)', () => {
  template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete', Properties: { RetentionInDays: 7 } });
});

test('fails when the timeout leaves no room in the 15-minute Lambda limit, allows 14 minutes', () => {
  expect(() => synth({ timeout: Duration.minutes(15) })).toThrow(
    /timeout must leave the 15-minute Lambda limit room \(at most 14 minutes\)/,
  );
  expect(() => synth({ timeout: Duration.minutes(14) })).not.toThrow();
});
