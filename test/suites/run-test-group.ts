import { join } from 'node:path';
import { TEST_GROUPS, TEST_ROOT, testFilesIn } from './test-groups';

/**
 * Runs every test file of a group in the calling jest test file, each in a `describe` named after its path, so its
 * hooks apply to its own tests only and a failure names the file.
 */
// eslint-disable-next-line jest/no-export -- a helper the suite files call, not a test file of its own
export function runTestGroup(group: string): void {
  const folders = TEST_GROUPS[group];
  if (folders === undefined) throw new Error(`No test group ${group} in test/suites/test-groups.ts`);
  for (const file of folders.flatMap(testFilesIn)) {
    describe(`${file}`, () => {
      // Loaded here, not imported: the file registers its tests inside this describe.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(join(TEST_ROOT, file));
    });
  }
}
