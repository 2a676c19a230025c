import { ContextReader } from '../../../../lib/config/context-reader';
import { LabConfigError } from '../../../../lib/config/lab-config-error';
import { readLabConfig } from '../../../../lib/lab-app';
import {
  NETWORK_POLICIES_KEY_SPECS,
  NETWORK_POLICY_STAGES,
  readNetworkPoliciesSettings,
} from '../../../../lib/modules/network-policies/network-policies-settings';
import { TEST_DAY } from '../../../support/lab-fixtures';

function read(context: Record<string, unknown>) {
  return readNetworkPoliciesSettings(new ContextReader(context));
}

function errorOf(action: () => unknown): LabConfigError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(LabConfigError);
    return error as LabConfigError;
  }
  throw new Error('expected a LabConfigError');
}

const WORKSHOP_ORDER = [
  'default-deny',
  'ui-egress',
  'catalog-ingress',
  'catalog-db',
  'orders-debug-broken',
  'orders-debug-fixed',
  'complete',
];

test('knows the six workshop steps in order, then complete', () => {
  expect([...NETWORK_POLICY_STAGES]).toEqual(WORKSHOP_ORDER);
});

test('defaults to the complete stage', () => {
  expect(read({}).stage).toBe('complete');
  expect(NETWORK_POLICIES_KEY_SPECS.find((spec) => spec.key === 'networkPolicies.stage')?.defaultValue).toBe(
    'complete',
  );
});

test.each(WORKSHOP_ORDER)('allows stage %s', (stage) => {
  expect(read({ 'networkPolicies.stage': stage }).stage).toBe(stage);
});

test('fails when the stage is unknown, naming the key, the value and every stage', () => {
  const error = errorOf(() => read({ 'networkPolicies.stage': 'ingress' }));
  expect(error.key).toBe('networkPolicies.stage');
  expect(error.message).toContain(`Invalid context 'networkPolicies.stage': received "ingress"`);
  expect(error.message).toContain(`allowed: ${WORKSHOP_ORDER.join(', ')}.`);
});

test('fails when the stage is misspelled, and suggests the closest stage', () => {
  expect(errorOf(() => read({ 'networkPolicies.stage': 'ui-egres' })).message).toContain('Did you mean "ui-egress"?');
});

test('fails at synth through the lab config, with the module enabled or not', () => {
  for (const modules of ['network-policies', '']) {
    const error = errorOf(() => readLabConfig({ modules, 'networkPolicies.stage': 'S3' }, { today: TEST_DAY }));
    expect(error.key).toBe('networkPolicies.stage');
  }
});

test('allows a stage given through the lab config and exposes it as config.networkPolicies', () => {
  const config = readLabConfig(
    { modules: 'network-policies', 'networkPolicies.stage': 'catalog-db' },
    { today: TEST_DAY },
  );
  expect(config.networkPolicies).toEqual({ stage: 'catalog-db' });
});
