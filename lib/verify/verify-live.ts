import type { CheckOutcome, CommandResult, LabExpectation, LiveContext } from './lab-expectation';
import { labExpectations } from './lab-expectations';
import { type CommandRunner, formatCommand } from './live/command-runner';
import {
  clusterEndpointCommand,
  confirmClusterContext,
  CURRENT_CONTEXT_COMMAND,
  CURRENT_SERVER_COMMAND,
} from './live/cluster-context-check';
import { describeStackCommand, readStackOutputs } from './live/stack-outputs';
import type { SynthesizedOutput } from './synthesized-lab';
import { summarize, type VerificationResult, type VerificationSummary } from './verification-report';
import { LAB_STACK_NAME } from '../lab-stack-name';

export type LiveVerification =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'ran'; readonly context: string; readonly summary: VerificationSummary };

async function runExpectation(
  expectation: LabExpectation,
  run: CommandRunner,
  context: LiveContext,
): Promise<CheckOutcome> {
  const live = expectation.live;
  if (!live) return { pass: true, actual: 'offline only (nothing to run on the cluster)' };
  const results: CommandResult[] = [];
  for (const command of live.commands(context)) results.push(await run(command));
  const fallback = live.fallback?.(results, context);
  if (fallback && fallback.length > 0) {
    const fallbackResults: CommandResult[] = [];
    for (const command of fallback) fallbackResults.push(await run(command));
    const outcome = live.interpret(fallbackResults, context);
    const how = `fallback: the first attempt could not run (${results.map((result) => result.stderr.trim().split('\n').pop()).join('; ')}); answered by: ${fallback.map(formatCommand).join(' && ')}`;
    return { ...outcome, notes: [...(outcome.notes ?? []), how] };
  }
  return live.interpret(results, context);
}

/** The cluster name from the deployed stack's output, else from the config. */
async function liveContext(run: CommandRunner, lab: SynthesizedOutput): Promise<LiveContext> {
  const stackOutputs = await readStackOutputs(run, LAB_STACK_NAME);
  return { clusterName: stackOutputs.ClusterName ?? lab.config.clusterName, stackOutputs, lab };
}

/**
 * Runs every declared expectation's live check against the cluster of the current kubeconfig context, after
 * confirming that context is the lab's cluster.
 */
export async function verifyLive(lab: SynthesizedOutput, run: CommandRunner): Promise<LiveVerification> {
  const context = await liveContext(run, lab);
  const check = await confirmClusterContext(run, context.clusterName);
  if (!check.ok) return { kind: 'refused', message: check.message };
  const results: VerificationResult[] = [];
  for (const expectation of labExpectations(lab.plan)) {
    let outcome: CheckOutcome;
    try {
      outcome = await runExpectation(expectation, run, context);
    } catch (error) {
      outcome = { pass: false, actual: `could not run: ${(error as Error).message}` };
    }
    results.push({ expectation, outcome });
  }
  return { kind: 'ran', context: check.message, summary: summarize('live', results) };
}

/** The exact commands `--live` would run, in order, without running any. */
export function liveDryRun(lab: SynthesizedOutput): string[] {
  const context: LiveContext = { clusterName: lab.config.clusterName, stackOutputs: {}, lab };
  const lines = [
    '# read the deployed stack outputs (cluster name)',
    formatCommand(describeStackCommand(LAB_STACK_NAME)),
    '# confirm the current kubeconfig context is the lab cluster',
    formatCommand(CURRENT_CONTEXT_COMMAND),
    formatCommand(CURRENT_SERVER_COMMAND),
    formatCommand(clusterEndpointCommand(context.clusterName)),
  ];
  for (const expectation of labExpectations(lab.plan)) {
    lines.push(`# ${expectation.id}: ${expectation.subject} (expected: ${expectation.expected})`);
    if (!expectation.live) {
      lines.push('#   offline only');
      continue;
    }
    for (const command of expectation.live.commands(context)) lines.push(formatCommand(command));
  }
  return lines;
}
