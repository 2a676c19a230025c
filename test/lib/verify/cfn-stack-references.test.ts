import { CfnStackGraph, resolvedValueKey } from '../../../lib/verify/cfn-stack-references';
import type { LabTemplate } from '../../../lib/verify/cfn-template';

/** A root stack with a cluster and a nested stack that receives the cluster's security group as a parameter. */
const TEMPLATES: LabTemplate[] = [
  {
    stackPath: 'Root',
    template: {
      Resources: {
        Cluster: { Type: 'AWS::EKS::Cluster', Properties: {} },
        ModNestedStackModNestedStackResourceABCD1234: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            Parameters: { referencetoRootClusterSgId: { 'Fn::GetAtt': ['Cluster', 'ClusterSecurityGroupId'] } },
          },
        },
        Consumer: {
          Type: 'AWS::SSM::Parameter',
          Properties: {
            Value: { 'Fn::GetAtt': ['ModNestedStackModNestedStackResourceABCD1234', 'Outputs.RootModSgGroupId'] },
          },
        },
      },
    },
  },
  {
    stackPath: 'Root/Mod',
    template: {
      Parameters: { referencetoRootClusterSgId: { Type: 'String' } },
      Resources: {
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'pods' } },
        Rule: {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: { GroupId: { Ref: 'referencetoRootClusterSgId' } },
        },
      },
      Outputs: { RootModSgGroupId: { Value: { 'Fn::GetAtt': ['Sg', 'GroupId'] } } },
    },
  },
];

const graph = new CfnStackGraph(TEMPLATES);

describe('CfnStackGraph', () => {
  test('finds the parent resource of a nested stack by its CDK name', () => {
    expect(graph.nestedStackResource('Root/Mod')).toEqual({
      stackPath: 'Root',
      logicalId: 'ModNestedStackModNestedStackResourceABCD1234',
    });
    expect(graph.nestedStackResource('Root')).toBeUndefined();
  });

  test('follows a nested stack parameter to the value the parent passes', () => {
    expect(graph.resolve('Root/Mod', { Ref: 'referencetoRootClusterSgId' })).toEqual({
      kind: 'attribute',
      resource: { stackPath: 'Root', logicalId: 'Cluster' },
      attribute: 'ClusterSecurityGroupId',
    });
  });

  test('follows a parent GetAtt of a nested output into the nested template', () => {
    const consumer = graph.resource({ stackPath: 'Root', logicalId: 'Consumer' });
    expect(graph.resolve('Root', consumer?.Properties?.Value)).toEqual({
      kind: 'attribute',
      resource: { stackPath: 'Root/Mod', logicalId: 'Sg' },
      attribute: 'GroupId',
    });
  });

  test('resolves rendered manifest placeholders the same way', () => {
    const fromPlaceholder = graph.resolvePlaceholder(
      'Root',
      '${GetAtt:ModNestedStackModNestedStackResourceABCD1234.Outputs.RootModSgGroupId}',
    );
    expect(resolvedValueKey(fromPlaceholder)).toBe('attribute:Root/Mod#Sg.GroupId');
    expect(graph.resolvePlaceholder('Root', 'sg-0123')).toEqual({ kind: 'literal', value: 'sg-0123' });
    expect(graph.resolvePlaceholder('Root', 'x-${Ref:Cluster}').kind).toBe('unresolved');
  });

  test('keeps pseudo parameters, intrinsics it does not evaluate and unknown references apart', () => {
    expect(graph.resolve('Root', { Ref: 'AWS::Region' })).toEqual({ kind: 'pseudo', name: 'AWS::Region' });
    expect(graph.resolve('Root', { 'Fn::Join': ['', ['a', 'b']] }).kind).toBe('unresolved');
    expect(graph.resolve('Root', { Ref: 'Missing' }).kind).toBe('unresolved');
  });

  test('matches a nested stack by its parameters when the resource name is not CDK-shaped', () => {
    const renamed = TEMPLATES.map(({ stackPath, template }) =>
      stackPath === 'Root'
        ? {
            stackPath,
            template: {
              Resources: {
                Other: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: { unrelated: 'x' } } },
                Custom: template.Resources.ModNestedStackModNestedStackResourceABCD1234,
              },
            },
          }
        : { stackPath, template },
    );
    expect(new CfnStackGraph(renamed).nestedStackResource('Root/Mod')).toEqual({
      stackPath: 'Root',
      logicalId: 'Custom',
    });
  });
});
