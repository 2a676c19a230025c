import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Every in-memory CDK synth writes a cloud assembly under the temporary directory. Give the test run its own
 * temporary directory (the workers inherit TMPDIR) so global-teardown.ts can remove all of it afterwards.
 */
export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eks-networking-lab-tests-'));
  process.env.LAB_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
