/** Parsed `npm run verify -- ...` arguments. */
export interface VerifyArguments {
  /** Modules to enable; undefined means every registered module. */
  readonly modules?: string;
  readonly context: Readonly<Record<string, string>>;
  readonly live: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

export const VERIFY_USAGE = `Usage: npm run verify -- [options]

Synthesizes the lab and checks every expectation the enabled modules declare.

  --modules a,b        modules to enable (default: every module)
  -c, --context k=v    any context key, as for cdk synth (repeatable), e.g. -c networkPolicies.stage=ui-egress
  --live               run the checks against the deployed cluster (current kubeconfig context) instead
  --dry-run            with --live: print the commands without running them
  --json               machine-readable results
  --verbose            also print where each expectation comes from, and every note
  -h, --help           this text`;

export class VerifyUsageError extends Error {}

export function parseVerifyArguments(argv: readonly string[]): VerifyArguments {
  const context: Record<string, string> = {};
  let modules: string | undefined;
  let live = false;
  let dryRun = false;
  let json = false;
  let verbose = false;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inline] =
      argument.includes('=') && argument.startsWith('--')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new VerifyUsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--modules':
        modules = value();
        break;
      case '-c':
      case '--context': {
        const pair = value();
        const separator = pair.indexOf('=');
        if (separator <= 0) throw new VerifyUsageError(`${flag} takes key=value, got "${pair}"`);
        context[pair.slice(0, separator)] = pair.slice(separator + 1);
        break;
      }
      case '--live':
        live = true;
        break;
      case '--dry-run':
        dryRun = true;
        break;
      case '--json':
        json = true;
        break;
      case '--verbose':
        verbose = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new VerifyUsageError(`unknown argument "${argument}"`);
    }
  }
  if (dryRun && !live) throw new VerifyUsageError('--dry-run only applies to --live');
  return { modules, context, live, dryRun, json, verbose, help };
}
