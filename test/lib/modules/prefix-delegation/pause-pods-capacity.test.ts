import type { PlannedNodeGroup } from '../../../../lib/config/lab-plan-model';
import { planLabConfig, readLabConfig } from '../../../../lib/lab-app';
import { pausePodsCapacityWarning, podCapacity } from '../../../../lib/modules/prefix-delegation/pause-pods-capacity';
import { TEST_DAY } from '../../../support/lab-fixtures';

const plan = (modules: string) => planLabConfig(readLabConfig({ modules }, { today: TEST_DAY }));

describe('pod capacity for the pause pods', () => {
  test('leaves 307 pods on the three default m5.large nodes in prefix mode (330 - 9 DaemonSet pods - 5 - 9)', () => {
    expect(podCapacity(plan('prefix-delegation').nodeGroups)).toEqual({
      nodeGroups: [{ name: 'default', nodes: 3, maxPods: 110 }],
      totalMaxPods: 330,
      alreadyScheduled: 23,
      free: 307,
    });
  });

  test('adds the custom-networking node in prefix mode: 440 - 26 = 414', () => {
    expect(podCapacity(plan('custom-networking,prefix-delegation').nodeGroups)).toMatchObject({
      totalMaxPods: 440,
      alreadyScheduled: 26,
      free: 414,
    });
  });

  test('leaves out node groups that repel pods without tolerations', () => {
    const groups = plan('prefix-delegation').nodeGroups;
    const tainted: PlannedNodeGroup = {
      ...groups[0],
      name: 'tainted',
      taints: [{ key: 'k', value: 'v', effect: 'NO_SCHEDULE' }],
    };
    expect(podCapacity([...groups, tainted]).totalMaxPods).toBe(330);
  });

  test('does not warn for the workshop 150 replicas, nor at exactly the free capacity', () => {
    const capacity = podCapacity(plan('prefix-delegation').nodeGroups);
    expect(pausePodsCapacityWarning(150, capacity)).toBeUndefined();
    expect(pausePodsCapacityWarning(307, capacity)).toBeUndefined();
  });

  test('warns one replica past the free capacity, saying how many stay Pending', () => {
    const warning = pausePodsCapacityWarning(308, podCapacity(plan('prefix-delegation').nodeGroups));
    expect(warning).toEqual({
      id: 'prefix-delegation:pause-pods-exceed-capacity',
      message: expect.stringContaining(
        'prefixDelegation.pausePods=308 cannot all run: the node groups allow 330 pods (default 3 x 110), the lab already schedules 23',
      ),
    });
    expect(warning?.message).toContain('so 307 fit and 1 would stay Pending');
  });
});
