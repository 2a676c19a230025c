import * as fs from 'node:fs';

/** Removes the test run's temporary directory (see global-setup.ts). */
export default function globalTeardown(): void {
  const dir = process.env.LAB_TEST_TMPDIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
