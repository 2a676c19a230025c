import { EXAMPLE_INBOUND_CIDR } from '../../lib/lab-configurations';
import { MODULE_NAMES } from '../../lib/modules/module-registry';
import { planChange, type PlannedLab } from '../../lib/plan/change-plan';
import type { LabTemplate } from '../../lib/verify/cfn-template';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

const EXPOSED = { exposeUi: 'true', inboundCidrs: EXAMPLE_INBOUND_CIDR };
const labs = new Map<string, PlannedLab>();
function lab(context: Record<string, string>): PlannedLab {
  const key = JSON.stringify(context);
  if (!labs.has(key)) labs.set(key, synthesizedOutputForTest(context));
  return labs.get(key)!;
}
const refused = (from: PlannedLab, to: PlannedLab) =>
  planChange(from, to).hazards.filter((hazard) => hazard.severity === 'refused');
const allBut = (name: string) => MODULE_NAMES.filter((other) => other !== name).join(',');

describe.each(MODULE_NAMES)('switching %s', (name) => {
  test('on and off alone, nothing CloudFormation refuses: no named resource or base resource replaced, no permission removed before its cleanup', () => {
    expect(refused(lab({}), lab({ modules: name }))).toEqual([]);
    expect(refused(lab({ modules: name }), lab({}))).toEqual([]);
  });

  test('on and off beside every other module and the exposed ui, nothing CloudFormation refuses', () => {
    const without = lab({ modules: allBut(name), ...EXPOSED });
    const all = lab({ modules: MODULE_NAMES.join(','), ...EXPOSED });
    expect(refused(without, all)).toEqual([]);
    expect(refused(all, without)).toEqual([]);
  });

  test('keeps the cluster, the VPC and the default node group (updated at most, never replaced or deleted)', () => {
    for (const [from, to] of [
      [lab({}), lab({ modules: name })],
      [lab({ modules: name }), lab({})],
    ]) {
      const base = planChange(from, to).changes.filter(
        (change) =>
          change.address.stackPath === 'NetworkingLabStack' &&
          ['AWS::EKS::Cluster', 'AWS::EC2::VPC', 'AWS::EKS::Nodegroup'].includes(change.type),
      );
      expect(base.filter((change) => change.action !== 'update')).toEqual([]);
    }
  });
});

describe('modules that change the VPC CNI mode', () => {
  test.each(['prefix-delegation', 'custom-networking'])(
    '%s rolls the default nodes (a new launch template version) when switched on and when switched off',
    (name) => {
      for (const [from, to] of [
        [lab({}), lab({ modules: name })],
        [lab({ modules: name }), lab({})],
      ]) {
        expect(planChange(from, to).hazards).toContainEqual({
          severity: 'notice',
          kind: 'rolling-nodes',
          message: 'node group default: EKS replaces its nodes in a rolling update (launch template (VPC CNI mode))',
        });
      }
    },
  );

  test('the other modules leave the nodes alone', () => {
    for (const name of ['network-policies', 'security-groups-for-pods', 'vpc-lattice', 'hybrid-nodes']) {
      expect(planChange(lab({}), lab({ modules: name })).hazards.map((hazard) => hazard.kind)).not.toContain(
        'rolling-nodes',
      );
    }
  });
});

describe('raising kubernetesVersion by one minor version', () => {
  const from = () => lab({ kubernetesVersion: '1.34' });
  const to = () => lab({});

  test('updates the control plane, the add-ons and the node group in place; nothing is refused', () => {
    const plan = planChange(from(), to());
    expect(plan.hazards.filter((hazard) => hazard.severity === 'refused')).toEqual([]);
    const byType = (type: string) => plan.changes.filter((change) => change.type === type);
    expect(byType('AWS::EKS::Cluster').map((change) => [change.action, change.properties])).toEqual([
      ['update', ['Version']],
    ]);
    // The table lists a new kube-proxy, CoreDNS and VPC CNI for 1.35, and the same Pod Identity agent for both.
    const addons = byType('AWS::EKS::Addon').map((change) => [change.after?.Properties?.AddonName, change.action]);
    expect(addons.sort()).toEqual([
      ['coredns', 'update'],
      ['kube-proxy', 'update'],
      ['vpc-cni', 'update'],
    ]);
    expect(byType('AWS::EKS::Nodegroup').map((change) => [change.action, change.properties])).toEqual([
      ['update', ['Version']],
    ]);
  });

  test('the node group and the add-ons wait for the control plane (they depend on the cluster)', () => {
    const resources = (to().templates[0] as LabTemplate).template.Resources;
    const cluster = Object.keys(resources).find((id) => resources[id].Type === 'AWS::EKS::Cluster')!;
    for (const [id, resource] of Object.entries(resources)) {
      if (!['AWS::EKS::Nodegroup', 'AWS::EKS::Addon'].includes(resource.Type)) continue;
      expect(JSON.stringify(resource.Properties)).toContain(cluster);
      expect(id).toBeDefined();
    }
  });

  test('lowering it or skipping a minor version is refused', () => {
    expect(refused(to(), from()).map((hazard) => hazard.kind)).toEqual(['kubernetes-version']);
    expect(refused(lab({ kubernetesVersion: '1.33' }), to()).map((hazard) => hazard.kind)).toEqual([
      'kubernetes-version',
    ]);
  });
});

describe('the checks can fail', () => {
  test('a renamed cluster replaces a custom-named cluster under a new name (allowed) but flags the base', () => {
    const kinds = refused(lab({}), lab({ clusterName: 'other-lab' })).map((hazard) => hazard.kind);
    expect(kinds).toContain('base-replacement');
  });

  test('a new instance type replaces the default node group under a new name, which CloudFormation allows', () => {
    const hazards = refused(lab({}), lab({ nodeInstanceType: 'm6i.large' }));
    expect(hazards.map((hazard) => hazard.kind)).toEqual(['base-replacement']);
    expect(hazards.map((hazard) => hazard.kind)).not.toContain('named-replacement');
  });
});
