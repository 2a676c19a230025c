import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_FLAG_EXCEPTIONS } from '../../lib/cdk-feature-flag-decisions';
import { projectFeatureFlags } from '../../lib/lab-app';

const PROJECT = join(__dirname, '..', '..');
const recommended = JSON.parse(
  readFileSync(join(PROJECT, 'node_modules', 'aws-cdk-lib', 'recommended-feature-flags.json'), 'utf8'),
) as Record<string, unknown>;
const cdkJson = JSON.parse(readFileSync(join(PROJECT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

describe('CDK feature flags', () => {
  test('cdk.json sets every flag the pinned aws-cdk-lib recommends (so cdk prints no feature-flag notice)', () => {
    expect(Object.keys(recommended).length).toBeGreaterThan(80);
    const missing = Object.keys(recommended).filter((flag) => !(flag in cdkJson.context));
    expect(missing).toEqual([]);
  });

  test('each flag has the recommended value unless an exception with a reason says otherwise', () => {
    for (const [flag, value] of Object.entries(recommended)) {
      const exception = FEATURE_FLAG_EXCEPTIONS[flag];
      const expected = exception ? exception.value : value;
      expect([flag, cdkJson.context[flag]]).toEqual([flag, expected]);
    }
    for (const [flag, exception] of Object.entries(FEATURE_FLAG_EXCEPTIONS)) {
      expect(flag in recommended).toBe(true);
      expect(exception.value).not.toEqual(recommended[flag]);
      expect(exception.reason.length).toBeGreaterThan(40);
    }
  });

  test('in-memory syntheses (tests, verify, plan) apply the same flags as the CDK CLI', () => {
    const flags = projectFeatureFlags();
    for (const flag of Object.keys(recommended)) expect([flag, flags[flag]]).toEqual([flag, cdkJson.context[flag]]);
  });
});
