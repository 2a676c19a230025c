import { readLabConfig } from '../../../lib/lab-app';
import { NODE_GROUP_LABEL } from '../../../lib/node-groups/node-group-plan';
import { enabledModules } from '../../../lib/lab-plan';
import { MODULES } from '../../../lib/modules/module-registry';
import { plannedNodeGroups } from '../../../lib/node-groups/planned-node-groups';
import { TEST_DAY } from '../../support/lab-fixtures';

const groups = (context: Record<string, string>) => {
  const config = readLabConfig(context, { today: TEST_DAY });
  return plannedNodeGroups(config, enabledModules(config, MODULES));
};
const eksName = (context: Record<string, string>, name: string) =>
  groups(context).find((group) => group.name === name)!.nodegroupName;

describe('EKS node group names', () => {
  test('are the lab name and an 8-digit fingerprint', () => {
    expect(eksName({}, 'default')).toMatch(/^default-[0-9a-f]{8}$/);
    expect(eksName({ modules: 'custom-networking' }, 'custom-networking')).toMatch(/^custom-networking-[0-9a-f]{8}$/);
  });

  test.each([
    ['nodeInstanceType', { nodeInstanceType: 'm6i.large' }],
    ['an arm64 nodeInstanceType', { nodeInstanceType: 'm7g.large' }],
    ['clusterName', { clusterName: 'other-lab' }],
    ['vpcCidr', { vpcCidr: '10.40.0.0/16' }],
  ])('change with %s, which makes CloudFormation replace the node group', (_what, context) => {
    expect(eksName(context, 'default')).not.toBe(eksName({}, 'default'));
  });

  test('stay the same when a module is switched on or a Kubernetes version is raised (no replacement then)', () => {
    const name = eksName({}, 'default');
    for (const modules of ['custom-networking', 'prefix-delegation', 'security-groups-for-pods', 'hybrid-nodes']) {
      expect(eksName({ modules }, 'default')).toBe(name);
    }
    expect(eksName({ kubernetesVersion: '1.34' }, 'default')).toBe(name);
  });

  test('every group carries its lab name as the node group label, for selectors that survive a replacement', () => {
    for (const group of groups({ modules: 'custom-networking' })) {
      expect(group.labels[NODE_GROUP_LABEL]).toBe(group.name);
    }
  });
});
