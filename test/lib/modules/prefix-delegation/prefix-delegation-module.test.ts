import { readLabConfig } from '../../../../lib/lab-app';
import { planLabConfig } from '../../../../lib/lab-app';
import {
  nitroAlternative,
  PREFIX_DELEGATION_MODULE,
} from '../../../../lib/modules/prefix-delegation/prefix-delegation-module';
import { TEST_DAY } from '../../../support/lab-fixtures';

const read = (context: Record<string, unknown>) =>
  readLabConfig({ modules: 'prefix-delegation', ...context }, { today: TEST_DAY });

describe('prefix-delegation module definition', () => {
  test('contributes ENABLE_PREFIX_DELEGATION=true and WARM_PREFIX_TARGET=1 by default', () => {
    expect(PREFIX_DELEGATION_MODULE.vpcCniConfiguration?.(read({})) ?? {}).toEqual({
      env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1' },
    });
  });

  test('contributes the IP targets instead of WARM_PREFIX_TARGET when they are chosen', () => {
    expect(
      PREFIX_DELEGATION_MODULE.vpcCniConfiguration?.(
        read({ 'prefixDelegation.warmIpTarget': '5', 'prefixDelegation.minimumIpTarget': '2' }),
      ) ?? {},
    ).toEqual({
      env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_IP_TARGET: '5', MINIMUM_IP_TARGET: '2' },
    });
  });

  test('declares no node group of its own', () => {
    expect(PREFIX_DELEGATION_MODULE.nodeGroups?.(read({})) ?? []).toEqual([]);
  });

  test('plans the prefix-mode max pods: m5.large 110, t3.medium with custom networking too 110', () => {
    expect(planLabConfig(read({})).nodeGroups.map((group) => [group.name, group.maxPods])).toEqual([['default', 110]]);
    const both = planLabConfig(read({ modules: 'custom-networking,prefix-delegation' }));
    expect(both.nodeGroups.map((group) => [group.name, group.maxPods])).toEqual([
      ['default', 110],
      ['custom-networking', 110],
    ]);
  });

  test('plans 250 above 30 vCPUs (m5.8xlarge, 32 vCPUs)', () => {
    expect(planLabConfig(read({ nodeInstanceType: 'm5.8xlarge' })).nodeGroups[0].maxPods).toBe(250);
  });
});

describe('prefix-delegation bad input', () => {
  test('fails when the default node group is not Nitro-based, naming the node group and nodeInstanceType', () => {
    expect(() => read({ nodeInstanceType: 'm4.large' })).toThrow(
      `Invalid context 'nodeInstanceType': received "m4.large"; allowed: a Nitro-based instance type for node group default while prefix-delegation is enabled. m4.large runs on the Xen hypervisor and cannot be assigned IPv4 prefixes. Try m5.large.`,
    );
  });

  test('fails when the custom-networking node group is not Nitro-based, naming it and customNetworking.instanceType', () => {
    expect(() =>
      read({ modules: 'custom-networking,prefix-delegation', 'customNetworking.instanceType': 't2.medium' }),
    ).toThrow(
      /Invalid context 'customNetworking\.instanceType': received "t2\.medium"; allowed: a Nitro-based instance type for node group custom-networking while prefix-delegation is enabled\. .*Try t3\.medium\./,
    );
  });

  test('allows the Nitro t3.medium for the custom-networking node group', () => {
    expect(
      read({ modules: 'custom-networking,prefix-delegation', 'customNetworking.instanceType': 't3.medium' }).modules,
    ).toEqual(['custom-networking', 'prefix-delegation']);
  });

  test('allows non-Nitro instance types when the module is off', () => {
    expect(readLabConfig({ nodeInstanceType: 'm4.large' }, { today: TEST_DAY }).nodeInstanceType.name).toBe('m4.large');
  });

  test('fails for an invalid warm target combination', () => {
    expect(() => read({ 'prefixDelegation.warmPrefixTarget': 0 })).toThrow(
      /Invalid context 'prefixDelegation\.warmPrefixTarget': received 0/,
    );
  });

  test('fails for negative pause pod replicas', () => {
    expect(() => read({ 'prefixDelegation.pausePods': '-1' })).toThrow(
      `Invalid context 'prefixDelegation.pausePods': received "-1"; allowed: an integer from 0 to 2000.`,
    );
  });

  test('allows 0 pause pods (no density proof)', () => {
    expect(read({ 'prefixDelegation.pausePods': 0 }).prefixDelegation.pausePods).toBe(0);
  });

  test('fails for a misspelled module key, suggesting the right one', () => {
    expect(() => read({ 'prefixDelegation.pausepods': 5 })).toThrow(/Did you mean "prefixDelegation\.pausePods"\?/);
  });
});

describe('nitroAlternative', () => {
  test.each([
    ['t2.medium', 't3.medium'],
    ['m4.large', 'm5.large'],
    ['m4.10xlarge', undefined],
  ])('suggests %s -> %s', (from, to) => {
    expect(nitroAlternative(from)).toBe(to);
  });
});
