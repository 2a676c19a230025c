import type { LabConfig } from '../../../lib/config/lab-config';
import { planChange, type PlannedLab } from '../../../lib/plan/change-plan';
import type { CfnTemplate } from '../../../lib/verify/cfn-template';

const config = (version = '1.35') => ({ kubernetesVersion: { version } }) as unknown as LabConfig;
const at = (resources: CfnTemplate['Resources'], nested?: CfnTemplate['Resources'], version?: string): PlannedLab => ({
  config: config(version),
  templates: [
    { stackPath: 'NetworkingLabStack', template: { Resources: resources } },
    ...(nested ? [{ stackPath: 'NetworkingLabStack/Module', template: { Resources: nested } }] : []),
  ],
});

const role = (policies: string[]) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: policies },
});
const nodeGroup = (name: string, instanceType: string) => ({
  Type: 'AWS::EKS::Nodegroup',
  Properties: {
    NodegroupName: name,
    InstanceTypes: [instanceType],
    Labels: { 'eks-networking-lab/node-group': 'default' },
  },
});

describe('planChange', () => {
  test('refuses a node group replaced under the same name (a fixed name and a new instance type)', () => {
    const plan = planChange(
      at({ Group: nodeGroup('default', 'm5.large') }),
      at({ Group: nodeGroup('default', 'm6i.large') }),
    );
    expect(plan.changes).toMatchObject([{ action: 'replace', replacedBy: ['InstanceTypes'] }]);
    expect(plan.hazards.map((hazard) => hazard.kind)).toEqual(['named-replacement', 'base-replacement']);
  });

  test('refuses a permission removed in the update phase while a cleanup still runs (the old security groups for pods switch)', () => {
    const before = at(
      { ClusterRole: role(['eks', 'vpc-resource-controller']) },
      { SecurityGroupPolicy: { Type: 'Custom::Manifest' } },
    );
    const after = at({ ClusterRole: role(['eks']) });
    expect(planChange(before, after).hazards).toEqual([
      {
        severity: 'refused',
        kind: 'permission-removed-before-cleanup',
        message: expect.stringMatching(
          /^ClusterRole \(AWS::IAM::Role\) loses 1 permission\(s\) .*"vpc-resource-controller"$/,
        ),
      },
    ]);
    // The same change without a cleanup removes a permission nothing needs any more.
    expect(planChange(at({ ClusterRole: role(['eks', 'x']) }), after).hazards).toEqual([]);
  });

  test('refuses lowering the Kubernetes version and skipping a minor version', () => {
    const kinds = (from: string, to: string) =>
      planChange(at({}, undefined, from), at({}, undefined, to)).hazards.map((h) => h.kind);
    expect(kinds('1.35', '1.34')).toEqual(['kubernetes-version']);
    expect(kinds('1.33', '1.35')).toEqual(['kubernetes-version']);
    expect(kinds('1.34', '1.35')).toEqual([]);
  });

  test('estimates the update from the added resources and the cleanup from the removed ones', () => {
    const plan = planChange(
      at({ Old: { Type: 'AWS::EKS::Nodegroup' } }),
      at({ New: { Type: 'AWS::RDS::DBInstance' } }),
    );
    expect(plan.update.seconds).toBe(8 * 60);
    expect(plan.cleanup.seconds).toBe(5 * 60);
  });
});
