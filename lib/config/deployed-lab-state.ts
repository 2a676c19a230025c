import { BASE_KEYS } from './base-context-keys';
import type { LabConfig } from './lab-config';
import { LabConfigError } from './lab-config-error';

/** The root stack output that records what a deploy left in the account (read back from the outputs file). */
export const LAB_STATE_OUTPUT = 'LabState';
/** Where `cdk deploy` writes the stack outputs (cdk.json `outputsFile`); the lab reads its state from it at synth. */
export const OUTPUTS_FILE = 'cdk-outputs.json';

/** What the next synth must know about the deployed lab to refuse a change EKS cannot make. */
export interface DeployedLabState {
  readonly kubernetesVersion: string;
}

/** The state a configuration leaves once deployed (the value of the LabState output). */
export function labStateOf(config: LabConfig): DeployedLabState {
  return { kubernetesVersion: config.kubernetesVersion.version };
}

/**
 * The deployed state in an outputs file (`{ "<stack>": { "LabState": "<json>", ... } }`), or undefined when the
 * stack is not in it (never deployed with this file, or a file of another app).
 */
export function deployedLabStateFrom(outputs: unknown, stackName: string): DeployedLabState | undefined {
  const stack = (outputs as Record<string, Record<string, unknown> | undefined> | null)?.[stackName];
  const raw = stack?.[LAB_STATE_OUTPUT];
  if (typeof raw !== 'string') return undefined;
  const parsed = JSON.parse(raw) as Partial<DeployedLabState>;
  return typeof parsed.kubernetesVersion === 'string' ? { kubernetesVersion: parsed.kubernetesVersion } : undefined;
}

const minorOf = (version: string) => Number(version.split('.')[1]);

/**
 * Refuses, at synth time, a change the deployed lab cannot take in one deploy: EKS upgrades a cluster one minor
 * version at a time and never downgrades it (EKS user guide, "Update existing cluster to new Kubernetes version").
 */
export function refuseUndeployableChange(config: LabConfig, deployed: DeployedLabState | undefined): void {
  if (!deployed) return;
  const from = deployed.kubernetesVersion;
  const to = config.kubernetesVersion.version;
  const next = `1.${minorOf(from) + 1}`;
  if (minorOf(to) < minorOf(from) || minorOf(to) > minorOf(from) + 1) {
    throw new LabConfigError(
      BASE_KEYS.kubernetesVersion,
      to,
      `${from} (deployed) or ${next} (one minor version up)`,
      `EKS upgrades a cluster one minor version at a time and never downgrades it. ` +
        (minorOf(to) > minorOf(from)
          ? `Deploy ${next} first, then each version up to ${to}.`
          : `To go back to ${to}, run cdk destroy and deploy again.`) +
        ` (Deployed version read from ${OUTPUTS_FILE}; delete that file if the lab is no longer deployed.)`,
    );
  }
}
