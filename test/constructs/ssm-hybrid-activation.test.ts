import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SsmHybridActivation } from '../../constructs/ssm-hybrid-activation';

let stack: Stack;
let activation: SsmHybridActivation;
let template: Template;
let hybridRole: iam.Role;
let reader: iam.Role;

beforeAll(() => {
  stack = new Stack(new App(), 'Test');
  hybridRole = new iam.Role(stack, 'HybridRole', { assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com') });
  reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
  activation = new SsmHybridActivation(stack, 'Activation', {
    role: hybridRole,
    registrationLimit: 1,
    defaultInstanceName: 'lab-node',
    description: 'lab node',
    scopeTag: { key: 'EKSClusterARN', value: 'arn:aws:eks:eu-west-1:111122223333:cluster/lab' },
    generationInputs: { ImageId: 'ami-1' },
    reader,
  });
  template = Template.fromStack(stack);
});

test('declares the activation with its role name, limit, scope tag and secret, and no id or code', () => {
  template.hasResourceProperties('Custom::SsmHybridActivation', {
    IamRoleName: { Ref: stack.resolve((hybridRole.node.defaultChild as iam.CfnRole).logicalId) },
    RegistrationLimit: '1',
    DefaultInstanceName: 'lab-node',
    Tags: [{ Key: 'EKSClusterARN', Value: 'arn:aws:eks:eu-west-1:111122223333:cluster/lab' }],
    SecretId: { Ref: stack.resolve((activation.secret.node.defaultChild as iam.CfnRole).logicalId) },
    Generation: { ImageId: 'ami-1' },
  });
});

test('lets the handler pass only the hybrid role to SSM and deregister only nodes carrying the scope tag', () => {
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        {
          Action: 'iam:PassRole',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [stack.resolve((hybridRole.node.defaultChild as iam.CfnRole).logicalId), 'Arn'] },
          Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
        },
        Match.objectLike({
          Action: 'ssm:DeregisterManagedInstance',
          Condition: {
            StringEquals: { 'ssm:resourceTag/EKSClusterARN': 'arn:aws:eks:eu-west-1:111122223333:cluster/lab' },
          },
        }),
      ]),
    },
  });
});

test('the handler may write the secret but not read it; only the reader role may read it', () => {
  const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
  expect(policies).toContain('secretsmanager:PutSecretValue');
  template.hasResourceProperties('AWS::SecretsManager::ResourcePolicy', {
    ResourcePolicy: {
      Statement: [
        Match.objectLike({
          Effect: 'Deny',
          Action: 'secretsmanager:GetSecretValue',
          Condition: {
            ArnNotEquals: {
              'aws:PrincipalArn': {
                'Fn::GetAtt': [stack.resolve((reader.node.defaultChild as iam.CfnRole).logicalId), 'Arn'],
              },
            },
          },
        }),
      ],
    },
  });
});

test('deletes its secret and log groups with the stack', () => {
  template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
  for (const logGroup of Object.values(template.findResources('AWS::Logs::LogGroup')))
    expect(logGroup.DeletionPolicy).toBe('Delete');
});

test('the handler outlives the activation (its permissions are needed to delete it)', () => {
  const [resource] = Object.values(template.findResources('Custom::SsmHybridActivation'));
  expect(resource.DependsOn).toEqual(
    expect.arrayContaining([stack.resolve((activation.handler.node.defaultChild as iam.CfnRole).logicalId)]),
  );
});
