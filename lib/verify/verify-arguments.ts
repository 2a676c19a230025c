import { parseArgs, type ParseArgsConfig } from 'node:util';
import { firstUnknownOption, isParseArgsError } from '../cli/parse-args-errors';
import { ContextArgumentError, contextOfPairs } from '../cli/project-context';

/** Parsed `npm run verify -- ...` arguments. */
export interface VerifyArguments {
  /** Modules to enable; undefined means every registered module. */
  readonly modules?: string;
  readonly context: Readonly<Record<string, string>>;
  readonly live: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
  /** A module whose guided walk to verify offline, step by step. */
  readonly walk?: string;
  readonly help: boolean;
}

export const VERIFY_USAGE = `Usage: npm run verify -- [options]

Synthesizes the lab and checks every expectation the enabled modules declare.

  --modules a,b        modules to enable (default: every module)
  -c, --context k=v    any context key, as for cdk synth (repeatable), e.g. -c networkPolicies.stage=ui-egress
  --live               run the checks against the deployed cluster (current kubeconfig context) instead
  --dry-run            with --live: print the commands without running them
  --json               machine-readable results
  --verbose            under each check: its expected and full actual outcome, its source and every note
  --walk <module>      offline, every step of the module's guided walk (docs/labs/<module>.md): its deploy
                       command and the verdict each step expects
  -h, --help           this text`;

export class VerifyUsageError extends Error {}

const VERIFY_OPTIONS = {
  modules: { type: 'string' },
  context: { type: 'string', short: 'c', multiple: true, default: [] },
  live: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  walk: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parseVerifyArguments(argv: readonly string[]): VerifyArguments {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: VERIFY_OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const unknown =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? firstUnknownOption(argv, VERIFY_OPTIONS) : undefined;
    throw new VerifyUsageError(unknown === undefined ? error.message : `unknown argument "${unknown}"`);
  }
  const { modules, live, json, verbose, walk, help } = values;
  const dryRun = values['dry-run'];
  if (dryRun && !live) throw new VerifyUsageError('--dry-run only applies to --live');
  if (walk !== undefined && (live || modules !== undefined)) {
    throw new VerifyUsageError(
      '--walk checks every step offline and sets the modules of each step; to check a deployed step, run its ' +
        '"npm run verify -- --live ..." command from the lab guide',
    );
  }
  return { modules, context: contextOfArguments(values.context), live, dryRun, json, verbose, walk, help };
}

function contextOfArguments(pairs: readonly string[]): Record<string, string> {
  try {
    return contextOfPairs(pairs);
  } catch (error) {
    if (error instanceof ContextArgumentError) throw new VerifyUsageError(`-c, --context: ${error.message}`);
    throw error;
  }
}
