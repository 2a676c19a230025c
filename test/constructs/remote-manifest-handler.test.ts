import * as path from 'node:path';
import { runPythonUnitTests } from '../support/python-unit-tests';

/**
 * The Python handler of RemoteManifest (constructs/remote-manifest-handler/index.py) is tested with Python's
 * unittest (test_index.py next to this file): checksum verification, download retries, server-side apply and the
 * CRD wait, the stable physical id, and deletion that never blocks a stack. Needs `python3` on PATH.
 */
test('the remote manifest handler passes its Python unit tests', () => {
  const result = runPythonUnitTests(path.join(__dirname, 'remote-manifest-handler', 'test_index.py'));
  expect(result.report).toMatch(/Ran \d+ tests/);
  expect({ status: result.status, output: result.status === 0 ? 'OK' : result.report }).toEqual({
    status: 0,
    output: 'OK',
  });
});
