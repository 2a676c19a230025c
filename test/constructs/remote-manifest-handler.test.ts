import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The Python handler of RemoteManifest (constructs/remote-manifest-handler/index.py) is tested with Python's
 * unittest (test_index.py next to this file): checksum verification, download retries, server-side apply and the
 * CRD wait, the stable physical id, and deletion that never blocks a stack. Needs `python3` on PATH.
 */
test('the remote manifest handler passes its Python unit tests', () => {
  const result = spawnSync(
    'python3',
    ['-m', 'unittest', 'discover', '-s', path.join(__dirname, 'remote-manifest-handler'), '-p', 'test_*.py'],
    {
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    },
  );
  if (result.error) throw result.error;
  expect(`${result.stderr}`).toMatch(/Ran \d+ tests/);
  expect({ status: result.status, output: result.status === 0 ? 'OK' : result.stderr }).toEqual({
    status: 0,
    output: 'OK',
  });
});
