#!/usr/bin/env node
/**
 * `npm run plan -- [-c key=value]... [--to key=value]... [--from key=value]... [--json]`
 *
 * Offline, what `cdk deploy` would do. Without `--to`/`--from`: the estimated create and delete times of the
 * configuration (cdk.json context, then `-c`). With them: the change from the current configuration (`-c` and
 * `--from`) to the changed one (`-c` and `--to`): resources added, updated, replaced and deleted, the hazards, and
 * the time of the update and cleanup phases. Exit codes: 0 done, 1 the change has a hazard that breaks the deploy,
 * 2 bad usage or configuration.
 */
import { type CliIo, EXIT_USAGE, PROCESS_IO } from '../lib/cli/cli-io';
import { HELP_OPTION, parseCommandLine } from '../lib/cli/command-line';
import { ContextArgumentError, contextOfPairs, readProjectContext } from '../lib/cli/project-context';
import { LabConfigError } from '../lib/config/lab-config-error';
import { planChange } from '../lib/plan/change-plan';
import { estimateCreate, estimateDelete } from '../lib/plan/deploy-estimate';
import { formatChangePlan, formatEstimate } from '../lib/plan/plan-report';
import { synthesizeLab } from '../lib/lab-app';
import type { SynthesizeOutput } from '../lib/verify/synthesized-lab';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;

export const PLAN_USAGE = [
  'Usage: npm run plan -- [-c key=value]... [--to key=value]... [--from key=value]... [--json]',
  '',
  '  -c, --context key=value   context of the lab as deployed (after cdk.json), like cdk -c',
  '  --to key=value            the change to plan: context the next deploy adds or overrides',
  '  --from key=value          context only the deployed lab has (e.g. --from modules=a --to modules=a,b)',
  '  --json                    print the plan as JSON',
  '',
  'Without --to or --from: the estimated time to create and to delete the configuration.',
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
      to: { type: 'string', multiple: true, default: [] },
      from: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      ...HELP_OPTION,
    },
    PLAN_USAGE,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  // The stack is only built in memory: its CloudFormation validator adds nothing to the plan.
  process.env.CDK_VALIDATION = 'false';
  try {
    const current = { ...projectContext(), ...contextOfPairs(values.context) };
    const before = { ...current, ...contextOfPairs(values.from) };
    if (values.to.length === 0 && values.from.length === 0) {
      const lab = synthesize({ context: current });
      const create = estimateCreate(lab.templates);
      const destroy = estimateDelete(lab.templates);
      io.stdout(
        values.json
          ? `${JSON.stringify({ createSeconds: create.seconds, deleteSeconds: destroy.seconds, create, delete: destroy }, null, 2)}\n`
          : `${[...formatEstimate('Create', create), ...formatEstimate('Delete', destroy)].join('\n')}\n`,
      );
      return EXIT_OK;
    }
    const after = { ...current, ...contextOfPairs(values.to) };
    const plan = planChange(synthesize({ context: before }), synthesize({ context: after }));
    if (values.json) {
      const changes = plan.changes.map(({ address, type, action, properties, replacedBy }) => ({
        address,
        type,
        action,
        properties,
        replacedBy,
      }));
      io.stdout(`${JSON.stringify({ ...plan, changes }, null, 2)}\n`);
    } else {
      io.stdout(`${formatChangePlan(plan).join('\n')}\n`);
    }
    return plan.hazards.some((hazard) => hazard.severity === 'refused') ? EXIT_REFUSED : EXIT_OK;
  } catch (error) {
    if (error instanceof ContextArgumentError || error instanceof LabConfigError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2), PROCESS_IO);
