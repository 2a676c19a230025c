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

describe('nested stack outputs', () => {
  /** Two sibling nested stacks: Consumer uses Producer's security group, passed through the root as an output. */
  const siblings: LabTemplate[] = [
    {
      stackPath: 'Root',
      template: {
        Resources: {
          ProducerNestedStackProducerNestedStackResourceA1B2C3D4: {
            Type: 'AWS::CloudFormation::Stack',
            Properties: { Parameters: {} },
          },
          ConsumerNestedStackConsumerNestedStackResourceE5F6A7B8: {
            Type: 'AWS::CloudFormation::Stack',
            Properties: {
              Parameters: {
                referencetoRootProducerGroupId: {
                  'Fn::GetAtt': [
                    'ProducerNestedStackProducerNestedStackResourceA1B2C3D4',
                    'Outputs.RootProducerGroupId',
                  ],
                },
              },
            },
          },
        },
      },
    },
    {
      stackPath: 'Root/Producer',
      template: {
        Resources: { Group: { Type: 'AWS::EC2::SecurityGroup', Properties: {} } },
        Outputs: { RootProducerGroupId: { Value: { 'Fn::GetAtt': ['Group', 'GroupId'] } } },
      },
    },
    {
      stackPath: 'Root/Consumer',
      template: {
        Parameters: { referencetoRootProducerGroupId: { Type: 'String' } },
        Resources: {
          Rule: {
            Type: 'AWS::EC2::SecurityGroupIngress',
            Properties: { GroupId: { Ref: 'referencetoRootProducerGroupId' }, Other: { 'Fn::GetAtt': ['X', 'Y'] } },
          },
        },
      },
    },
  ];

  test("a value one nested stack passes to a sibling resolves to the producer's own reference", () => {
    const [rule] = resourcesOfType(resolveTemplates(siblings), 'AWS::EC2::SecurityGroupIngress');
    expect(rule.resource.Properties).toEqual({
      GroupId: { 'Fn::GetAtt': ['Group', 'GroupId'] },
      Other: { 'Fn::GetAtt': ['X', 'Y'] },
    });
  });
});
