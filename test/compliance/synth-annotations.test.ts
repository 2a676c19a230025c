import { labConfigurations } from '../../lib/lab-configurations';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/**
 * What `cdk synth --strict` enforces, for every configuration the project covers: no construct carries a warning or
 * an error annotation (the CLI synth in `npm test` runs one configuration; this covers all of them in-process).
 */
describe.each(labConfigurations())('configuration $name', ({ context }) => {
  test('has no warning or error annotation (cdk synth --strict passes)', () => {
    expect(synthesizedOutputForTest(context).annotations).toEqual([]);
  });
});

test('the check sees annotations: a configuration that warns is reported', () => {
  const warned = synthesizedOutputForTest({ inboundCidrs: '203.0.113.0/24' });
  expect(warned.config.warnings.map((warning) => warning.id)).toContain('lab:inbound-cidrs-unused');
  expect(warned.annotations).toEqual([expect.objectContaining({ level: 'warning', path: 'NetworkingLabStack' })]);
});
