import * as path from 'node:path';
import { runPythonUnitTests } from '../support/python-unit-tests';

/**
 * The Python kubectl handlers (constructs/kubectl-handlers) are tested with Python's unittest, one file per handler
 * next to this file. Needs `python3` on PATH.
 * - remote_manifest: checksum verification, bounded download retries, server-side apply and the CRD wait, the stable
 *   physical id, and deletion that never blocks a stack;
 * - ready_nodes: which nodes count as Ready, what each poll logs, completion only with enough Ready nodes.
 */
describe.each(['test_remote_manifest.py', 'test_ready_nodes.py', 'test_crd_cleanup.py'])(
  'kubectl handler tests %s',
  (script) => {
    test('pass', () => {
      const result = runPythonUnitTests(path.join(__dirname, 'kubectl-handlers', script));
      expect(result.report).toMatch(/Ran \d+ tests/);
      expect({ status: result.status, output: result.status === 0 ? 'OK' : result.report }).toEqual({
        status: 0,
        output: 'OK',
      });
    });
  },
);
