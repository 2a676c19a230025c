import type { CommandResult, LiveCommand } from '../lab-expectation';

/** `kubectl <args>`, run against the current kubeconfig context. */
export function kubectl(...args: string[]): LiveCommand {
  return { program: 'kubectl', args };
}

/** `aws <args>`, run with the user's credentials and Region. */
export function aws(...args: string[]): LiveCommand {
  return { program: 'aws', args };
}

/** Labels in kubectl's `-l` / `--labels` syntax: `key=value,key=value`. */
export function labelSelector(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/**
 * What a command printed as JSON, or a one-line reason it cannot be read: `kubectl failed: <its message>` or
 * `aws printed no JSON`.
 */
export function commandJson<T>(result: CommandResult | undefined, program: LiveCommand['program']): T | string {
  if (!result) return `${program} did not run`;
  if (result.exitCode !== 0)
    return `${program} failed: ${(result.stderr || result.stdout).trim() || `exit code ${result.exitCode}`}`;
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    return `${program} printed no JSON`;
  }
}
