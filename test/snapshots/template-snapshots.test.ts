import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labConfigurations } from '../../lib/lab-configurations';
import type { LabTemplate } from '../../lib/verify/cfn-template';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/**
 * Change detectors: one file per configuration and stack (test/snapshots/templates/<configuration>/<stack>.json),
 * small enough to read in a diff, with asset hashes (which change with any dependency update) normalised away.
 * Behaviour is asserted elsewhere; a diff here only asks "did you mean this?". `npx jest test/snapshots -u`
 * rewrites them.
 */
const SNAPSHOTS = join(__dirname, 'templates');

function updating(): boolean {
  const state = expect.getState().snapshotState as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === 'all' || process.env.UPDATE_TEMPLATE_SNAPSHOTS === '1';
}

function normalised(template: LabTemplate['template']): string {
  return `${JSON.stringify(template, null, 1).replace(/[0-9a-f]{64}(\.zip|\.json)?/g, '<asset-hash>')}\n`;
}

/** `NetworkingLabStack/HybridNodesWorkloads` -> `HybridNodesWorkloads.json`; the root stack is `root.json`. */
function fileName(stackPath: string): string {
  const nested = stackPath.split('/').slice(1).join('.');
  return `${nested === '' ? 'root' : nested}.json`;
}

describe.each(labConfigurations())('configuration $name', ({ name, context }) => {
  const directory = join(SNAPSHOTS, name);
  let actual: Map<string, string>;

  beforeAll(() => {
    const templates = synthesizedOutputForTest(context).templates;
    actual = new Map(templates.map(({ stackPath, template }) => [fileName(stackPath), normalised(template)]));
    if (updating()) {
      rmSync(directory, { recursive: true, force: true });
      mkdirSync(directory, { recursive: true });
      for (const [file, text] of actual) writeFileSync(join(directory, file), text);
    }
  });

  test('has one snapshot per stack, and no snapshot of a stack it no longer has', () => {
    const recorded = existsSync(directory) ? readdirSync(directory).sort() : [];
    expect(recorded).toEqual([...actual.keys()].sort());
  });

  test('every stack matches its snapshot (change detector)', () => {
    for (const [file, text] of actual) {
      const path = join(directory, file);
      const recorded = existsSync(path) ? readFileSync(path, 'utf8') : '';
      // One assertion per stack file, so a failure names the file to review.
      expect({ file, template: JSON.parse(text) as unknown }).toEqual({
        file,
        template: recorded === '' ? undefined : (JSON.parse(recorded) as unknown),
      });
    }
  });
});
