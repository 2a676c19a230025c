import type { LabTemplate } from '../../../lib/verify/cfn-template';
import { DeployOrder, referencedIds } from '../../../lib/verify/deploy-order';

const ROOT = 'Lab';
const NESTED = 'Lab/Module';
const at = (stackPath: string, logicalId: string) => ({ stackPath, logicalId });

/** A root with a VPC, a cluster, a nested stack after the cluster, and an app after the nested stack. */
const templates: LabTemplate[] = [
  {
    stackPath: ROOT,
    template: {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC' },
        Cluster: { Type: 'AWS::EKS::Cluster', Properties: { Subnets: [{ 'Fn::GetAtt': ['Vpc', 'Id'] }] } },
        Unrelated: { Type: 'AWS::IAM::Role' },
        ModuleNestedStackModuleNestedStackResourceABC: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { Parameters: { ClusterName: { Ref: 'Cluster' } } },
        },
        App: { Type: 'Custom::App', DependsOn: ['ModuleNestedStackModuleNestedStackResourceABC'] },
      },
    },
  },
  {
    stackPath: NESTED,
    template: {
      Resources: {
        Chart: { Type: 'Custom::Helm', Properties: { Name: { 'Fn::Sub': '${Role.Arn}-${AWS::Region}' } } },
        Role: { Type: 'AWS::IAM::Role' },
      },
    },
  },
];
const order = new DeployOrder(templates);

describe('DeployOrder', () => {
  test('follows DependsOn and references within a template, transitively', () => {
    expect(order.createdAfter(at(ROOT, 'Cluster'), at(ROOT, 'Vpc'))).toBe(true);
    expect(order.createdAfter(at(ROOT, 'Vpc'), at(ROOT, 'Cluster'))).toBe(false);
    expect(order.createdAfter(at(ROOT, 'App'), at(ROOT, 'Vpc'))).toBe(true);
  });

  test('a nested stack resource waits for what its stack resource waits for in the parent', () => {
    expect(order.createdAfter(at(NESTED, 'Role'), at(ROOT, 'Cluster'))).toBe(true);
    expect(order.createdAfter(at(NESTED, 'Chart'), at(ROOT, 'Vpc'))).toBe(true);
    expect(order.createdAfter(at(NESTED, 'Chart'), at(ROOT, 'Unrelated'))).toBe(false);
  });

  test('a parent resource that waits for the nested stack waits for everything inside it', () => {
    expect(order.createdAfter(at(ROOT, 'App'), at(NESTED, 'Chart'))).toBe(true);
    expect(order.createdAfter(at(NESTED, 'Chart'), at(ROOT, 'App'))).toBe(false);
  });

  test('Fn::Sub variables name resources, pseudo parameters do not', () => {
    expect(order.createdAfter(at(NESTED, 'Chart'), at(NESTED, 'Role'))).toBe(true);
    expect([...referencedIds({ 'Fn::Sub': ['${A}-${B.Arn}-${Local}', { Local: { Ref: 'C' } }] })].sort()).toEqual([
      'A',
      'B',
      'C',
    ]);
  });
});
