#!/usr/bin/env node
/**
 * `npm run cost -- [-c key=value]... [--json]`
 *
 * Offline, what the configuration (cdk.json context, then `-c`) costs per hour, day and 30-day month while it stays
 * deployed: each billed line item with its quantity and price, the cost of the base, of each enabled module and of
 * exposeUi, and the total, at the on-demand prices of lib/cost/price-table.ts. Exit codes: 0 done, 2 bad usage or
 * configuration.
 */
import { type CliIo, EXIT_USAGE, PROCESS_IO } from '../lib/cli/cli-io';
import { HELP_OPTION, parseCommandLine } from '../lib/cli/command-line';
import { ContextArgumentError, contextOfPairs, readProjectContext } from '../lib/cli/project-context';
import { LabConfigError } from '../lib/config/lab-config-error';
import { formatCostReport } from '../lib/cost/cost-report';
import { estimateLabCost, EXCLUDED_CHARGES } from '../lib/cost/lab-cost';
import { synthesizeLab } from '../lib/lab-app';
import type { SynthesizeOutput } from '../lib/verify/synthesized-lab';

export const EXIT_OK = 0;

export const COST_USAGE = [
  'Usage: npm run cost -- [-c key=value]... [--json]',
  '',
  '  -c, --context key=value   context of the lab (after cdk.json), like cdk -c',
  '  --json                    print the estimate as JSON',
  '',
  'What the configuration costs per hour, day and 30-day month while deployed, by line item and by part',
  '(base, each enabled module, exposeUi). On-demand prices; usage charges such as data transfer are excluded.',
  '',
].join('\n');

export function main(
  argv: readonly string[],
  io: CliIo,
  synthesize: SynthesizeOutput = synthesizeLab,
  projectContext: () => Record<string, unknown> = () => readProjectContext(process.cwd()),
): number {
  const parsed = parseCommandLine(
    argv,
    {
      context: { type: 'string', short: 'c', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      ...HELP_OPTION,
    },
    COST_USAGE,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  // The stack is only built in memory: its CloudFormation validator adds nothing to the estimate.
  process.env.CDK_VALIDATION = 'false';
  try {
    const context = { ...projectContext(), ...contextOfPairs(values.context) };
    const cost = estimateLabCost(synthesize({ context }));
    io.stdout(
      values.json
        ? `${JSON.stringify({ ...cost, excluded: EXCLUDED_CHARGES }, null, 2)}\n`
        : `${formatCostReport(cost).join('\n')}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ContextArgumentError || error instanceof LabConfigError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2), PROCESS_IO);
