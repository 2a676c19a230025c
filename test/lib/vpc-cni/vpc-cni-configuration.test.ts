import {
  mergeVpcCniContributions,
  VpcCniConflictError,
  vpcCniSetting,
} from '../../../lib/vpc-cni/vpc-cni-configuration';

test('merges contributions into one nested configuration', () => {
  const merged = mergeVpcCniContributions([
    { source: 'module a', configuration: { env: { ENABLE_PREFIX_DELEGATION: 'true' } } },
    { source: 'module b', configuration: { env: { ENABLE_POD_ENI: 'true' }, enableNetworkPolicy: 'true' } },
  ]);
  expect(merged).toEqual({
    env: { ENABLE_PREFIX_DELEGATION: 'true', ENABLE_POD_ENI: 'true' },
    enableNetworkPolicy: 'true',
  });
  expect(vpcCniSetting(merged, 'env.ENABLE_POD_ENI')).toBe('true');
  expect(vpcCniSetting(merged, 'env.MISSING')).toBeUndefined();
});

test('allows two modules to set the same value', () => {
  expect(() =>
    mergeVpcCniContributions([
      { source: 'module a', configuration: { env: { X: 'true' } } },
      { source: 'module b', configuration: { env: { X: 'true' } } },
    ]),
  ).not.toThrow();
});

test('fails when two modules set the same key differently, naming both', () => {
  const merge = () =>
    mergeVpcCniContributions([
      { source: 'module a', configuration: { env: { WARM_IP_TARGET: '5' } } },
      { source: 'module b', configuration: { env: { WARM_IP_TARGET: '2' } } },
    ]);
  expect(merge).toThrow(VpcCniConflictError);
  expect(merge).toThrow(/'env.WARM_IP_TARGET' is set to "5" by module a and to "2" by module b/);
});

test('fails when one module sets a value where another sets an object', () => {
  expect(() =>
    mergeVpcCniContributions([
      { source: 'module a', configuration: { nodeAgent: 'x' } },
      { source: 'module b', configuration: { nodeAgent: { enablePolicyEventLogs: 'true' } } },
    ]),
  ).toThrow(/nodeAgent/);
});
