import { LabConfigError } from '../../../lib/config/lab-config-error';
import { readLabConfig } from '../../../lib/lab-app';
import { addonVersionAtLeast } from '../../../lib/vpc-cni/addon-version';
import {
  checkNetworkPolicyVpcCniVersion,
  MIN_NETWORK_POLICY_VPC_CNI_VERSION,
  NETWORK_POLICY_VPC_CNI_CONFIGURATION,
} from '../../../lib/vpc-cni/network-policy-agent';
import { TEST_DAY } from '../../support/lab-fixtures';

function errorOf(action: () => unknown): LabConfigError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(LabConfigError);
    return error as LabConfigError;
  }
  throw new Error('expected a LabConfigError');
}

test('sets the two add-on keys of the EKS user guide, as strings', () => {
  expect(NETWORK_POLICY_VPC_CNI_CONFIGURATION).toEqual({
    enableNetworkPolicy: 'true',
    nodeAgent: { enablePolicyEventLogs: 'true' },
  });
});

test('takes the minimum from the user guide: the first add-on build it names for enableNetworkPolicy', () => {
  expect(MIN_NETWORK_POLICY_VPC_CNI_VERSION).toBe('v1.14.0-eksbuild.3');
});

test.each([
  ['v1.14.0-eksbuild.3', true],
  ['v1.14.0-eksbuild.2', false],
  ['v1.14.1-eksbuild.1', true],
  ['v1.13.4-eksbuild.1', false],
  ['v1.20.4-eksbuild.1', true],
  ['v2.0.0-eksbuild.1', true],
  ['v1.9.30-eksbuild.9', false],
])('compares %s with the minimum numerically: at least = %s', (version, atLeast) => {
  expect(addonVersionAtLeast(version, MIN_NETWORK_POLICY_VPC_CNI_VERSION)).toBe(atLeast);
});

test('fails when vpcCniVersion pins an add-on older than the minimum, naming the key, the value and the minimum', () => {
  const error = errorOf(() => checkNetworkPolicyVpcCniVersion('v1.13.4-eksbuild.1'));
  expect(error.key).toBe('vpcCniVersion');
  expect(error.message).toContain(`received "v1.13.4-eksbuild.1"`);
  expect(error.message).toContain(
    'allowed: v1.14.0-eksbuild.3 or later (or no pin): the lab always runs the network policy agent',
  );
});

test('fails for the add-on builds of 1.14.0 before eksbuild.3', () => {
  expect(errorOf(() => checkNetworkPolicyVpcCniVersion('v1.14.0-eksbuild.2')).key).toBe('vpcCniVersion');
});

test('allows the minimum, a later version, and no pin (the EKS default)', () => {
  for (const version of ['v1.14.0-eksbuild.3', 'v1.20.4-eksbuild.1', undefined]) {
    expect(() => checkNetworkPolicyVpcCniVersion(version)).not.toThrow();
  }
});

test('fails at synth when the module is enabled with an old pinned add-on', () => {
  const error = errorOf(() =>
    readLabConfig({ modules: 'network-policies', vpcCniVersion: 'v1.13.4-eksbuild.1' }, { today: TEST_DAY }),
  );
  expect(error.key).toBe('vpcCniVersion');
});

test('fails the same pin while the module is off: every lab runs the agent, so switching the module off never strands policy finalizers', () => {
  expect(() => readLabConfig({ vpcCniVersion: 'v1.13.4-eksbuild.1' }, { today: TEST_DAY })).toThrow(
    /^Invalid context 'vpcCniVersion'/,
  );
  expect(readLabConfig({ vpcCniVersion: 'v1.14.0-eksbuild.3' }, { today: TEST_DAY }).vpcCniVersion).toBe(
    'v1.14.0-eksbuild.3',
  );
});
