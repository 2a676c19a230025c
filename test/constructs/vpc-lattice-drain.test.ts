import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { VPC_LATTICE_DRAIN_HANDLER, VPC_LATTICE_DRAIN_TYPE, VpcLatticeDrain } from '../../constructs/vpc-lattice-drain';
import { dependsOn } from '../../lib/verify/cfn-template';
import { runPythonUnitTests } from '../support/python-unit-tests';

const stack = new Stack(new App(), 'Test');
new VpcLatticeDrain(stack, 'Drain', { vpcId: 'vpc-1', serviceNetworkId: 'sn-1' });
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }
>;
const idOf = (type: string) => Object.keys(resources).find((id) => resources[id].Type === type) as string;

test('the handler waits on deletion until no target group is in the VPC and no service in the service network, and never fails (Python unit tests)', () => {
  const result = runPythonUnitTests(path.join(__dirname, 'vpc_lattice_drain_test.py'), VPC_LATTICE_DRAIN_HANDLER);
  expect(result.report).toMatch(/Ran 5 tests[\s\S]*OK/);
  expect(result.status).toBe(0);
});

test('the custom resource names the VPC and the service network and waits 8 minutes by default', () => {
  expect(resources[idOf(VPC_LATTICE_DRAIN_TYPE)].Properties).toMatchObject({
    VpcId: 'vpc-1',
    ServiceNetworkId: 'sn-1',
    TimeoutSeconds: '480',
  });
  // The function and its policy outlive the deletion call.
  expect(dependsOn(resources[idOf(VPC_LATTICE_DRAIN_TYPE)] as never)).toEqual(
    expect.arrayContaining([idOf('AWS::Lambda::Function'), idOf('AWS::IAM::Policy')]),
  );
});

test('may only list target groups and service network associations', () => {
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [
        {
          Action: ['vpc-lattice:ListTargetGroups', 'vpc-lattice:ListServiceNetworkServiceAssociations'],
          Effect: 'Allow',
          Resource: '*',
        },
      ],
    },
  });
});

test('its log group is deleted with the stack', () => {
  template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete', Properties: { RetentionInDays: 7 } });
});

test('fails when the timeout leaves the Lambda no room', () => {
  expect(
    () =>
      new VpcLatticeDrain(new Stack(), 'Long', { vpcId: 'v', serviceNetworkId: 's', timeout: Duration.minutes(15) }),
  ).toThrow('Default/Long: timeout must leave the 15-minute Lambda limit room (at most 14 minutes)');
});

test('the inline handler fits CloudFormation inline code', () => {
  expect(VPC_LATTICE_DRAIN_HANDLER.length).toBeLessThan(4096);
});
