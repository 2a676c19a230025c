import { spawn } from 'node:child_process';
import type { CommandResult, LiveCommand } from '../lab-expectation';

/** Runs one command of a live check. Injected, so tests never need a cluster. */
export type CommandRunner = (command: LiveCommand) => Promise<CommandResult>;

/** Runs commands with the user's own `kubectl` and `aws` from PATH, each bounded by a timeout. */
export function processCommandRunner(timeoutMs = 60_000): CommandRunner {
  return (command) =>
    new Promise((resolve) => {
      const child = spawn(command.program, [...command.args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ exitCode: 127, stdout, stderr: `${stderr}${error.message}` });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({
          exitCode: code ?? (signal ? 124 : 1),
          stdout,
          stderr: signal ? `${stderr}killed after ${timeoutMs} ms` : stderr,
        });
      });
    });
}

/** A command as a user would type it (POSIX shell quoting), for `--dry-run`. */
export function formatCommand(command: LiveCommand): string {
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`);
  return [command.program, ...command.args].map(quote).join(' ');
}
