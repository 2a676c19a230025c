import { spawn, type SpawnOptions } from 'node:child_process';

/** How a child process ended, with what it wrote to stdout and stderr, in the order written. */
export interface ChildOutput {
  readonly status: number;
  readonly output: string;
}

/**
 * Runs a command and resolves when it ends. With `keepOutput` its stdout and stderr are collected (so output of
 * processes running side by side never interleaves); without, the child writes to this process's streams.
 */
export function runChild(
  command: string,
  args: readonly string[],
  keepOutput: boolean,
  options: Omit<SpawnOptions, 'stdio'> = {},
): Promise<ChildOutput> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: keepOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}
