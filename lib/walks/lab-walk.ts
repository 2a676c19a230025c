/**
 * A guided walk through one lab: the workshop's before / break / fix / after moments, each reproduced by one
 * `cdk deploy` with a stage or key, then observed with `npm run verify -- --live` (and the commands to look at).
 * Plain data: the lab guides render it (lib/docs) and a test runs every step's commands offline.
 */
export interface LabWalk {
  /** The module the walk is about (its guide is docs/labs/<module>.md). */
  readonly module: string;
  readonly steps: readonly WalkStep[];
  /** Workshop moments the lab cannot reproduce, with the reason (shown in the guide). */
  readonly notReproducible?: readonly string[];
}

/** What the step shows in the workshop's story. */
export type WalkMoment = 'before' | 'break' | 'fix' | 'after' | 'change';

export interface WalkStep {
  readonly title: string;
  readonly moment: WalkMoment;
  /** The workshop steps it reproduces, in the workshop's words (page and step). */
  readonly workshop: string;
  /**
   * The `-c` context of this step's deploy (and of its verify): complete, not relative to the previous step.
   * Lab-wide keys (adminPrincipalArn) are set once in cdk.json or ~/.cdk.json, never here.
   */
  readonly context: Readonly<Record<string, string>>;
  /** What to look at once deployed: a command and what it shows at this step. */
  readonly look: readonly { readonly command: string; readonly shows: string }[];
  /** Checks of `npm run verify` this step is about, and the outcome each must expect at this step. */
  readonly checks: readonly WalkCheck[];
}

export interface WalkCheck {
  readonly id: string;
  /** Words the check's expected outcome contains at this step (e.g. "blocked"). */
  readonly expected: string;
}

/** The stack every walk deploys. */
const STACK = 'NetworkingLabStack';

function contextArguments(context: Readonly<Record<string, string>>): string {
  return Object.entries(context)
    .map(([key, value]) => ` -c ${key}=${value}`)
    .join('');
}

/** The deploy command of a step, as the learner pastes it. */
export function walkDeployCommand(step: WalkStep): string {
  return `npx cdk deploy ${STACK}${contextArguments(step.context)}`;
}

/**
 * The verify command of a step: offline it proves the step's verdicts before deploying; with `--live` it checks
 * the cluster. Without modules in the step's context, none is enabled (verify's default is every module).
 */
export function walkVerifyCommand(step: WalkStep, live: boolean): string {
  const modules = step.context.modules === undefined ? ' --modules ""' : '';
  return `npm run verify --${live ? ' --live' : ''}${modules}${contextArguments(step.context)}`;
}
