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
  /** The principal the deployed lab gives cluster admin access (an ARN is an identifier, not a secret). */
  readonly adminPrincipalArn?: string;
}

/** The state a configuration leaves once deployed (the value of the LabState output). */
export function labStateOf(config: LabConfig): DeployedLabState {
  return {
    kubernetesVersion: config.kubernetesVersion.version,
    ...(config.adminPrincipalArn ? { adminPrincipalArn: config.adminPrincipalArn } : {}),
  };
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
  if (typeof parsed.kubernetesVersion !== 'string') return undefined;
  return {
    kubernetesVersion: parsed.kubernetesVersion,
    ...(typeof parsed.adminPrincipalArn === 'string' ? { adminPrincipalArn: parsed.adminPrincipalArn } : {}),
  };
}

const minorOf = (version: string) => Number(version.split('.')[1]);

/** Refuses, at synth time, a change the deployed lab cannot take safely in one deploy. */
export function refuseUndeployableChange(config: LabConfig, deployed: DeployedLabState | undefined): void {
  if (!deployed) return;
  refuseKubernetesVersionJump(config, deployed);
  refuseSilentAdminAccessRemoval(config, deployed);
}

/**
 * Deploying without `adminPrincipalArn` deletes the access entry of a deployed lab: the learner loses kubectl and
 * `verify --live` mid-lab, usually because one `cdk deploy` forgot a `-c`. Removing it on purpose takes `none`.
 */
function refuseSilentAdminAccessRemoval(config: LabConfig, deployed: DeployedLabState): void {
  if (!deployed.adminPrincipalArn || config.adminPrincipalArn || config.adminAccessDeclined) return;
  throw new LabConfigError(
    BASE_KEYS.adminPrincipalArn,
    '(not set)',
    `${deployed.adminPrincipalArn} (deployed), another IAM role or user ARN, or none`,
    `This deploy would delete the cluster admin access entry of the deployed lab, and with it kubectl and verify --live. ` +
      `Set the key once where every cdk command reads it (the "context" of cdk.json, or of ~/.cdk.json for all your apps) ` +
      `instead of passing -c on each deploy; to remove the access on purpose, pass -c ${BASE_KEYS.adminPrincipalArn}=none. ` +
      `(Deployed state read from ${OUTPUTS_FILE}; delete that file if the lab is no longer deployed.)`,
  );
}

/**
 * EKS upgrades a cluster one minor version at a time and never downgrades it (EKS user guide, "Update existing
 * cluster to new Kubernetes version").
 */
function refuseKubernetesVersionJump(config: LabConfig, deployed: DeployedLabState): void {
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
