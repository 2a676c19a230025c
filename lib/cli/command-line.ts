import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CliIo, EXIT_USAGE } from './cli-io';
import { isParseArgsError, parseArgsErrorMessage } from './parse-args-errors';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/** `-h`/`--help`, which every option-only command of the project takes. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * The options of an option-only command (no positionals), or the exit status when there is nothing more to do: bad
 * arguments (one line naming the problem, then the usage, on stderr: {@link EXIT_USAGE}) or `--help` (the usage on
 * stdout: 0).
 */
export function parseCommandLine<O extends Options & typeof HELP_OPTION>(
  argv: readonly string[],
  options: O,
  usage: string,
  io: CliIo,
): { readonly values: Values<O> } | { readonly exitCode: number } {
  let values: Values<O>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    io.stderr(`${parseArgsErrorMessage(error, argv, options)}\n\n${usage}`);
    return { exitCode: EXIT_USAGE };
  }
  if ((values as { help?: boolean }).help) {
    io.stdout(usage);
    return { exitCode: 0 };
  }
  return { values };
}
