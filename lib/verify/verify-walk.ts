import type { LabWalk, WalkCheck, WalkStep } from '../walks/lab-walk';
import { walkDeployCommand } from '../walks/lab-walk';
import type { SynthesizeOutput } from './synthesized-lab';
import type { VerificationResult } from './verification-report';
import { verifyOffline } from './verify-offline';

/** One check a walk step names, as the step's configuration verifies offline. */
export interface WalkCheckVerdict {
  readonly check: WalkCheck;
  /** Undefined when the configuration has no check with that id. */
  readonly result?: VerificationResult;
  /** The check exists, passes offline, and expects what the walk says. */
  readonly asWalked: boolean;
}

export interface WalkStepVerdict {
  readonly step: WalkStep;
  readonly checks: readonly WalkCheckVerdict[];
  /** Checks of the configuration the step does not name that fail offline (a step must deploy a sound lab). */
  readonly otherFailures: readonly VerificationResult[];
  readonly otherPassed: number;
}

/** The context a step deploys with: the lab-wide context, then the step's `-c`; no module unless it names one. */
export function walkStepContext(
  step: WalkStep,
  projectContext: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return { modules: '', ...projectContext, ...step.context };
}

/** Synthesizes and verifies offline every step of a walk: what `npm run verify -- --walk <module>` prints. */
export function verifyWalk(
  walk: LabWalk,
  synthesize: SynthesizeOutput,
  projectContext: Readonly<Record<string, unknown>> = {},
): WalkStepVerdict[] {
  return walk.steps.map((step) => {
    const summary = verifyOffline(synthesize({ context: walkStepContext(step, projectContext) }));
    const named = new Set(step.checks.map((check) => check.id));
    const checks = step.checks.map((check) => {
      const result = summary.results.find(({ expectation }) => expectation.id === check.id);
      const asWalked = !!result && result.outcome.pass && result.expectation.expected.includes(check.expected);
      return { check, result, asWalked };
    });
    const others = summary.results.filter(({ expectation }) => !named.has(expectation.id));
    return {
      step,
      checks,
      otherFailures: others.filter(({ outcome }) => !outcome.pass),
      otherPassed: others.filter(({ outcome }) => outcome.pass).length,
    };
  });
}

/** Whether every step of a walk verified as walked. */
export function walkHolds(verdicts: readonly WalkStepVerdict[]): boolean {
  return verdicts.every(
    (verdict) => verdict.otherFailures.length === 0 && verdict.checks.every((check) => check.asWalked),
  );
}

/** The report of a walk: per step its deploy command and the verdict of each check it names, then a summary line. */
export function formatWalkReport(walk: LabWalk, verdicts: readonly WalkStepVerdict[]): string {
  const lines: string[] = [];
  verdicts.forEach(({ step, checks, otherFailures, otherPassed }, index) => {
    lines.push(`Step ${index + 1}/${verdicts.length} (${step.moment}): ${step.title}`, `  ${walkDeployCommand(step)}`);
    for (const { check, result, asWalked } of checks) {
      const expected = result ? result.expectation.expected : 'no such check in this configuration';
      lines.push(`  ${asWalked ? 'PASS' : 'FAIL'}  ${check.id}: expected ${expected}`);
      if (!asWalked && result) lines.push(`        the walk says "${check.expected}"; actual ${result.outcome.actual}`);
    }
    for (const failure of otherFailures) lines.push(`  FAIL  ${failure.expectation.id}: ${failure.outcome.actual}`);
    lines.push(`  and ${otherPassed} other checks of this configuration pass`, '');
  });
  const checked = verdicts.reduce((sum, verdict) => sum + verdict.checks.length, 0);
  lines.push(
    `Walk ${walk.module}: ${verdicts.length} steps, ${checked} named checks, ` +
      `${walkHolds(verdicts) ? 'every step as walked' : 'NOT as walked'} (offline)`,
  );
  return lines.join('\n');
}
