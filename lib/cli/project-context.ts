import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A `key=value` context argument could not be read. */
export class ContextArgumentError extends Error {}

/** `key=value` as `-c` takes it (the value may contain `=`). */
export function parseContextPair(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new ContextArgumentError(`"${text}" is not key=value`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** The context of `-c key=value` arguments, later ones winning, as the CDK CLI reads them. */
export function contextOfPairs(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(pairs.map(parseContextPair));
}

function contextOf(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const context = (JSON.parse(readFileSync(file, 'utf8')) as { context?: unknown }).context;
  return context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
}

/**
 * The context `cdk deploy` reads before its `-c` arguments: the `context` of the user's ~/.cdk.json, overridden by
 * the project's cdk.json. Lab-wide keys (adminPrincipalArn) set once there reach cdk, plan, cost and verify alike.
 */
export function readProjectContext(
  projectDirectory: string,
  homeDirectory: string = homedir(),
): Record<string, unknown> {
  return { ...contextOf(join(homeDirectory, '.cdk.json')), ...contextOf(join(projectDirectory, 'cdk.json')) };
}
