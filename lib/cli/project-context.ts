import { readFileSync } from 'node:fs';
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

/** The `context` of the project's cdk.json (what `cdk deploy` reads before `-c` arguments). */
export function readProjectContext(projectDirectory: string): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(projectDirectory, 'cdk.json'), 'utf8')) as { context?: unknown };
  const context = cdkJson.context;
  return context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
}
