import { labConfigurations } from '../../lib/lab-configurations';
import type { LabTemplate } from '../../lib/verify/cfn-template';
import { synthesizeForTest } from '../support/lab-fixtures';

/**
 * Change detectors, one per configuration: the synthesized templates with asset hashes (which change with any
 * dependency update) normalised away. Behaviour is asserted elsewhere; a diff here only asks "did you mean this?".
 */
function normalise(templates: readonly LabTemplate[]): unknown {
  const text = JSON.stringify(templates.map(({ stackPath, template }) => ({ stackPath, template })));
  return JSON.parse(text.replace(/[0-9a-f]{64}(\.zip|\.json)?/g, '<asset-hash>'));
}

describe.each(labConfigurations())('configuration $name', ({ context }) => {
  test('matches its snapshot (change detector)', () => {
    expect(normalise(synthesizeForTest(context).templates)).toMatchSnapshot();
  });
});
