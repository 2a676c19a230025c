import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { python3 } from './child-processes';

export interface PythonTestRun {
  readonly status: number | null;
  /** unittest's report (it writes to stderr). */
  readonly report: string;
}

/**
 * Runs a Python unittest file with `python3` from PATH, without writing bytecode next to the sources. An inline
 * Lambda handler is written to a temporary directory passed as HANDLER_DIR, from which the test imports `index`.
 */
export function runPythonUnitTests(script: string, inlineHandler?: string): PythonTestRun {
  const handlerDir = inlineHandler === undefined ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'handler-'));
  try {
    if (handlerDir && inlineHandler !== undefined) fs.writeFileSync(path.join(handlerDir, 'index.py'), inlineHandler);
    const result = spawnSync(python3(), [script], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...(handlerDir ? { HANDLER_DIR: handlerDir } : {}) },
    });
    if (result.error) throw result.error;
    return { status: result.status, report: result.stderr };
  } finally {
    if (handlerDir) fs.rmSync(handlerDir, { recursive: true, force: true });
  }
}
