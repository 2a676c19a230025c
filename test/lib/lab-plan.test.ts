import { readLabConfig } from '../../lib/lab-app';
import { planLabConfig } from '../../lib/lab-app';
import { TEST_DAY } from '../support/lab-fixtures';

function maxPodsOf(context: Record<string, unknown>): Record<string, number> {
  const plan = planLabConfig(readLabConfig(context, { today: TEST_DAY }));
  return Object.fromEntries(plan.nodeGroups.map((group) => [group.name, group.maxPods]));
}

describe('planned max pods (what EKS computes for each managed node group)', () => {
  test('m5.large runs 29 pods in secondary-IP mode (ENIs x (IPs - 1) + 2 = 3 x 9 + 2)', () => {
    expect(maxPodsOf({})).toEqual({ default: 29 });
  });

  test('custom networking applies to every node group: the primary ENI carries no pods', () => {
    expect(maxPodsOf({ modules: 'custom-networking' })).toEqual({ default: 20, 'custom-networking': 12 });
  });

  test('prefix delegation caps every node group at 110 (30 vCPUs or fewer)', () => {
    expect(maxPodsOf({ modules: 'prefix-delegation' })).toEqual({ default: 110 });
    expect(maxPodsOf({ modules: 'custom-networking,prefix-delegation' })).toEqual({
      default: 110,
      'custom-networking': 110,
    });
  });

  test('prefix delegation on a 96-vCPU m5.24xlarge is capped at 250', () => {
    expect(maxPodsOf({ modules: 'prefix-delegation', nodeInstanceType: 'm5.24xlarge' })).toEqual({ default: 250 });
  });

  test('every node group draws pod addresses from the ENIConfig subnets once custom networking is on', () => {
    const plan = planLabConfig(readLabConfig({ modules: 'custom-networking' }, { today: TEST_DAY }));
    expect(plan.nodeGroups.map((group) => group.podAddressSource)).toEqual(['eniconfig-subnets', 'eniconfig-subnets']);
  });
});
