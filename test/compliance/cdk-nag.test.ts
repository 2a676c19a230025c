import { Validations } from 'aws-cdk-lib';
import { labConfigurations } from '../../lib/lab-configurations';
import { runAwsSolutionsChecks } from '../support/run-nag';
import { synthesizeForTest } from '../support/lab-fixtures';

describe.each(labConfigurations())('configuration $name', ({ context }) => {
  test('passes the cdk-nag AwsSolutions checks with no unacknowledged finding', () => {
    const violations = runAwsSolutionsChecks(context);
    expect(violations.map((violation) => `${violation.rule} at ${violation.constructPaths.join(', ')}`)).toEqual([]);
  });
});

test('every acknowledgement gives a reason a reviewer can check', () => {
  const lab = synthesizeForTest({ exposeUi: 'true', inboundCidrs: '203.0.113.0/24' });
  const acknowledgements = lab.stack.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
    )
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .filter(([id]) => id.includes('AwsSolutions-'));
  expect(acknowledgements.length).toBeGreaterThan(5);
  for (const [, reason] of acknowledgements) expect(reason.length).toBeGreaterThan(60);
});
