import type { PrefixDelegationSettings } from '../../../../lib/modules/prefix-delegation/prefix-delegation-settings';
import {
  checkWarmTargets,
  ignoredWarmTargetWarnings,
  prefixDelegationVpcCniEnv,
} from '../../../../lib/modules/prefix-delegation/prefix-delegation-vpc-cni';

const settings = (overrides: Partial<PrefixDelegationSettings>): PrefixDelegationSettings => ({
  pausePods: 150,
  ...overrides,
});

describe('prefix delegation VPC CNI settings', () => {
  test('renders ENABLE_PREFIX_DELEGATION=true and WARM_PREFIX_TARGET=1 for the lab defaults, as strings', () => {
    expect(prefixDelegationVpcCniEnv(settings({ warmPrefixTarget: 1 }))).toEqual({
      ENABLE_PREFIX_DELEGATION: 'true',
      WARM_PREFIX_TARGET: '1',
    });
  });

  test('renders WARM_IP_TARGET and MINIMUM_IP_TARGET when set', () => {
    expect(prefixDelegationVpcCniEnv(settings({ warmIpTarget: 5, minimumIpTarget: 2 }))).toEqual({
      ENABLE_PREFIX_DELEGATION: 'true',
      WARM_IP_TARGET: '5',
      MINIMUM_IP_TARGET: '2',
    });
  });
});

describe('warm target combinations', () => {
  test('fails when WARM_PREFIX_TARGET is 0 and no IP target is set (aws-node refuses to start)', () => {
    expect(() => checkWarmTargets(settings({ warmPrefixTarget: 0 }))).toThrow(
      /Invalid context 'prefixDelegation\.warmPrefixTarget': received 0; allowed: a value of 1 or more for at least one of prefixDelegation\.warmPrefixTarget, prefixDelegation\.warmIpTarget or prefixDelegation\.minimumIpTarget\..*Setting WARM_PREFIX_TARGET = 0 is not supported/,
    );
  });

  test('fails when WARM_IP_TARGET and MINIMUM_IP_TARGET are both 0', () => {
    expect(() => checkWarmTargets(settings({ warmIpTarget: 0, minimumIpTarget: 0 }))).toThrow(
      /'prefixDelegation\.warmIpTarget': received 0/,
    );
  });

  test('allows WARM_PREFIX_TARGET=1 alone (the lab default)', () => {
    expect(() => checkWarmTargets(settings({ warmPrefixTarget: 1 }))).not.toThrow();
  });

  test('fails when MINIMUM_IP_TARGET is set without WARM_IP_TARGET (aws-node refuses to start)', () => {
    expect(() => checkWarmTargets(settings({ minimumIpTarget: 10 }))).toThrow(
      /Invalid context 'prefixDelegation\.warmIpTarget': received nothing; allowed: 1 or more whenever prefixDelegation\.minimumIpTarget is set\..*WARM_IP_TARGET MUST be set when MINIMUM_IP_TARGET is set/,
    );
  });

  test('fails when MINIMUM_IP_TARGET is set with WARM_IP_TARGET 0 (no addresses beyond the minimum)', () => {
    expect(() => checkWarmTargets(settings({ minimumIpTarget: 10, warmIpTarget: 0 }))).toThrow(
      /'prefixDelegation\.warmIpTarget': received 0; .*never allocates more/,
    );
  });

  test('allows MINIMUM_IP_TARGET with WARM_IP_TARGET 1', () => {
    expect(() => checkWarmTargets(settings({ minimumIpTarget: 10, warmIpTarget: 1 }))).not.toThrow();
  });

  test('allows WARM_IP_TARGET alone', () => {
    expect(() => checkWarmTargets(settings({ warmIpTarget: 5 }))).not.toThrow();
  });

  test('warns that WARM_PREFIX_TARGET is ignored next to an IP target', () => {
    expect(ignoredWarmTargetWarnings(settings({ warmPrefixTarget: 2, warmIpTarget: 5 }))).toEqual([
      expect.objectContaining({
        id: 'prefix-delegation:warm-prefix-target-ignored',
        message: expect.stringContaining('prefixDelegation.warmPrefixTarget=2 has no effect'),
      }),
    ]);
  });

  test('does not warn about WARM_PREFIX_TARGET alone or next to IP targets of 0', () => {
    expect(ignoredWarmTargetWarnings(settings({ warmPrefixTarget: 1 }))).toEqual([]);
    expect(ignoredWarmTargetWarnings(settings({ warmPrefixTarget: 1, warmIpTarget: 0 }))).toEqual([]);
  });
});
