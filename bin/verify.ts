#!/usr/bin/env node
/** `npm run verify`: the lab's expectations, checked offline (default) or against the deployed cluster (--live). */
import { LabConfigError } from '../lib/config/lab-config-error';
import { type CliIo, EXIT_USAGE } from '../lib/cli/cli-io';
import { MODULE_NAMES, MODULES } from '../lib/modules/module-registry';
import { formatWalkReport, verifyWalk, walkHolds } from '../lib/verify/verify-walk';
import { readProjectContext } from '../lib/cli/project-context';
import { parseVerifyArguments, VERIFY_USAGE, VerifyUsageError } from '../lib/verify/verify-arguments';
import {
  formatVerificationTable,
  PLAIN_REPORT_STYLE,
  reportStyleOf,
  type ReportStyle,
  verificationJson,
  type VerificationSummary,
} from '../lib/verify/verification-report';
import { type CommandRunner, processCommandRunner } from '../lib/verify/live/command-runner';
import { verifyOffline } from '../lib/verify/verify-offline';
import { liveDryRun, verifyLive } from '../lib/verify/verify-live';
import { synthesizeLab } from '../lib/lab-app';
import type { SynthesizeOutput } from '../lib/verify/synthesized-lab';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
/** The current kubeconfig context is not the lab's cluster. */
export const EXIT_REFUSED = 3;

export async function main(
  argv: readonly string[],
  io: CliIo,
  run: CommandRunner = processCommandRunner(),
  synthesize: SynthesizeOutput = synthesizeLab,
  /** Colours and line width of the report; the script derives them from its stdout. */
  style: ReportStyle = PLAIN_REPORT_STYLE,
  /** cdk.json (and ~/.cdk.json) context, read like `cdk deploy` reads it, so both see the same configuration. */
  projectContext: () => Record<string, unknown> = () => readProjectContext(process.cwd()),
): Promise<number> {
  let summary: VerificationSummary;
  try {
    const args = parseVerifyArguments(argv);
    if (args.help) {
      io.stdout(VERIFY_USAGE);
      return EXIT_PASSED;
    }
    if (args.walk !== undefined)
      return walkMain(args.walk, { ...projectContext(), ...args.context }, args.json, io, synthesize);
    const context = { modules: args.modules ?? MODULE_NAMES.join(','), ...projectContext(), ...args.context };
    // The stack is only built in memory: its CloudFormation validator adds nothing to these checks.
    process.env.CDK_VALIDATION = 'false';
    const lab = synthesize({ context });
    if (args.live && args.dryRun) {
      io.stdout(liveDryRun(lab).join('\n'));
      return EXIT_PASSED;
    }
    if (args.live) {
      const verification = await verifyLive(lab, run);
      if (verification.kind === 'refused') {
        io.stderr(verification.message);
        return EXIT_REFUSED;
      }
      io.stderr(`Checking against ${verification.context}`);
      summary = verification.summary;
    } else {
      summary = verifyOffline(lab);
    }
    io.stdout(
      args.json
        ? JSON.stringify(verificationJson(summary), null, 2)
        : formatVerificationTable(summary, { ...style, verbose: args.verbose }),
    );
  } catch (error) {
    if (error instanceof VerifyUsageError) {
      io.stderr(`${error.message}\n\n${VERIFY_USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof LabConfigError) {
      io.stderr(error.message);
      return EXIT_USAGE;
    }
    throw error;
  }
  return summary.failed === 0 ? EXIT_PASSED : EXIT_FAILED;
}

/** `--walk <module>`: every step of the module's walk, synthesized and verified offline. */
function walkMain(
  moduleName: string,
  context: Record<string, unknown>,
  json: boolean,
  io: CliIo,
  synthesize: SynthesizeOutput,
): number {
  const walked = MODULES.filter((module) => module.walk);
  const walk = walked.find((module) => module.name === moduleName)?.walk;
  if (!walk) {
    throw new VerifyUsageError(
      `--walk: received "${moduleName}"; allowed: ${walked.map((module) => module.name).join(', ')}`,
    );
  }
  process.env.CDK_VALIDATION = 'false';
  const verdicts = verifyWalk(walk, synthesize, context);
  io.stdout(
    json
      ? JSON.stringify(
          verdicts.map(({ step, checks, otherFailures }) => ({
            title: step.title,
            moment: step.moment,
            context: step.context,
            checks: checks.map(({ check, result, asWalked }) => ({
              id: check.id,
              walkExpects: check.expected,
              expected: result?.expectation.expected,
              pass: asWalked,
            })),
            otherFailures: otherFailures.map(({ expectation }) => expectation.id),
          })),
          null,
          2,
        )
      : formatWalkReport(walk, verdicts),
  );
  return walkHolds(verdicts) ? EXIT_PASSED : EXIT_FAILED;
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    { stdout: (text) => console.log(text), stderr: (text) => console.error(text) },
    undefined,
    undefined,
    reportStyleOf(process.stdout),
  ).then((code) => process.exit(code));
}
