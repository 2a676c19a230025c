import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The errors `parseArgs` throws for bad arguments carry a `code` starting with `ERR_PARSE_ARGS_`. Checked by shape:
 * Node's internal errors fail `instanceof Error` in another realm (Jest runs tests in one).
 */
export function isParseArgsError(error: unknown): error is { code: string; message: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') && typeof message === 'string';
}

/** The first unknown option as typed (`--yaml`, `-x`), read from the tokens of a lenient parse, not the message. */
export function firstUnknownOption(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(options, token.name)) return token.rawName;
  }
  return undefined;
}

/** One line for a `parseArgs` error: the unknown option as the user typed it, or Node's own message. */
export function parseArgsErrorMessage(
  error: { code: string; message: string },
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? firstUnknownOption(argv, options) : undefined;
  return unknown === undefined ? error.message : `Unknown option ${JSON.stringify(unknown)}.`;
}
