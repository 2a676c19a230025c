import type { LabTemplate } from '../../../lib/verify/cfn-template';
import {
  nestedStackParameterValues,
  resolveNestedParameters,
  resolveTemplates,
  resourcesOfType,
} from '../../../lib/verify/nested-stack-parameters';

const templates: LabTemplate[] = [
  {
    stackPath: 'Root',
    template: {
      Resources: {
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.0/24' } },
        Child: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            Parameters: {
              referencetoRootSubnetRef: { Ref: 'Subnet' },
              referencetoRootClusterSg: { 'Fn::GetAtt': ['Cluster', 'ClusterSecurityGroupId'] },
            },
          },
        },
      },
    },
  },
  {
    stackPath: 'Root/Child',
    template: {
      Parameters: { referencetoRootSubnetRef: { Type: 'String' } },
      Resources: {
        Group: {
          Type: 'AWS::EKS::Nodegroup',
          Properties: {
            Subnets: [{ Ref: 'referencetoRootSubnetRef' }],
            Own: { Ref: 'Group2' },
            Sg: { Ref: 'referencetoRootClusterSg' },
          },
        },
      },
    },
  },
];

describe('nested stack parameters', () => {
  test('collects what parents pass to nested stack parameters', () => {
    expect(nestedStackParameterValues(templates).get('referencetoRootSubnetRef')).toEqual({ Ref: 'Subnet' });
  });

  test('replaces parameter references with the parent value and leaves other references alone', () => {
    const parameters = nestedStackParameterValues(templates);
    expect(
      resolveNestedParameters({ a: [{ Ref: 'referencetoRootSubnetRef' }], b: { Ref: 'Group2' } }, parameters),
    ).toEqual({
      a: [{ Ref: 'Subnet' }],
      b: { Ref: 'Group2' },
    });
  });

  test('resolves whole templates so a nested node group names the root subnet', () => {
    const [group] = resourcesOfType(resolveTemplates(templates), 'AWS::EKS::Nodegroup');
    expect(group.stackPath).toBe('Root/Child');
    expect(group.resource.Properties).toEqual({
      Subnets: [{ Ref: 'Subnet' }],
      Own: { Ref: 'Group2' },
      Sg: { 'Fn::GetAtt': ['Cluster', 'ClusterSecurityGroupId'] },
    });
  });
});
