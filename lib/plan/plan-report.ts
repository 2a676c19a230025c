import type { ChangePlan } from './change-plan';
import type { DeployEstimate } from './deploy-estimate';
import type { ChangeAction } from './template-diff';

const ACTIONS: readonly ChangeAction[] = ['add', 'update', 'replace', 'delete'];
/** Steps shorter than this are summarised on the critical path (they are the many IAM and Lambda resources). */
const NOTABLE_STEP_SECONDS = 60;

export const minutes = (seconds: number): string => `${(seconds / 60).toFixed(1)} min`;
const steps = (count: number): string => `${count} step${count === 1 ? '' : 's'}`;

function shortPath(stackPath: string): string {
  const nested = stackPath.split('/').slice(1).join('/');
  return nested === '' ? '' : `${nested}/`;
}

/** The estimate and its critical path, the long steps by name and the short ones counted. */
export function formatEstimate(label: string, estimate: DeployEstimate): string[] {
  if (estimate.criticalPath.length === 0) return [`${label}: nothing to do`];
  const notable = estimate.criticalPath.filter((step) => step.seconds + step.waited >= NOTABLE_STEP_SECONDS);
  const shortSteps = estimate.criticalPath.length - notable.length;
  return [
    `${label}: about ${minutes(estimate.seconds)} (typical durations; the critical path, ${steps(estimate.criticalPath.length)}):`,
    ...notable.map(
      (step) =>
        `  ${minutes(step.finishesAt).padStart(8)}  ${shortPath(step.address.stackPath)}${step.address.logicalId} (${step.type}, ${minutes(step.seconds)}` +
        `${step.waited > 0 ? `, after ${minutes(step.waited)} for Lambda to release network interfaces` : ''})`,
    ),
    ...(shortSteps > 0 ? [`  and ${steps(shortSteps)} under a minute each`] : []),
  ];
}

/** A change plan as text: what CloudFormation will do, the hazards, and how long it takes. */
export function formatChangePlan(plan: ChangePlan): string[] {
  const counts = ACTIONS.map(
    (action) => `${plan.changes.filter((change) => change.action === action).length} ${action}`,
  );
  const lines = [`Changes: ${counts.join(', ')}`];
  for (const action of ACTIONS) {
    for (const change of plan.changes.filter((candidate) => candidate.action === action)) {
      const why =
        action === 'replace'
          ? ` (replaced by ${change.replacedBy.join(', ')})`
          : action === 'update'
            ? ` (${change.properties.join(', ')})`
            : '';
      lines.push(
        `  ${action.padEnd(8)}${shortPath(change.address.stackPath)}${change.address.logicalId} ${change.type}${why}`,
      );
    }
  }
  const refused = plan.hazards.filter((hazard) => hazard.severity === 'refused');
  lines.push(
    plan.hazards.length === 0
      ? 'Hazards: none'
      : `Hazards: ${refused.length} that break the deploy, ${plan.hazards.length - refused.length} to know`,
  );
  for (const hazard of plan.hazards)
    lines.push(`  ${hazard.severity === 'refused' ? 'REFUSED' : 'notice '} ${hazard.message}`);
  lines.push(...formatEstimate('Update phase', plan.update), ...formatEstimate('Cleanup phase', plan.cleanup));
  return lines;
}
