import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import type { ModuleSettings } from '../../config/lab-module-model';

/**
 * The lab's moments, in order (workshop "Security groups for pods"): the catalog on its in-cluster MySQL with the
 * RDS instance already there (steps 1-4); pointed at RDS without a SecurityGroupPolicy, where its pods time out on
 * 3306 and crash (steps 5-9); the policy applied and the pods recreated, which now connect (steps 10-14).
 */
export const SECURITY_GROUPS_FOR_PODS_STAGES = ['in-cluster-db', 'rds-without-policy', 'rds-with-policy'] as const;

export type SecurityGroupsForPodsStage = (typeof SECURITY_GROUPS_FOR_PODS_STAGES)[number];

export interface SecurityGroupsForPodsSettings {
  readonly stage: SecurityGroupsForPodsStage;
}

export const SECURITY_GROUPS_FOR_PODS_KEYS = { stage: 'securityGroupsForPods.stage' } as const;

const DEFAULT_STAGE: SecurityGroupsForPodsStage = 'rds-with-policy';

export const SECURITY_GROUPS_FOR_PODS_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: SECURITY_GROUPS_FOR_PODS_KEYS.stage,
    defaultValue: DEFAULT_STAGE,
    description:
      'Which moment of the security groups for pods lab is deployed: the catalog on in-cluster MySQL, on RDS without the SecurityGroupPolicy (its pods time out), or with it.',
    validation: `One of ${SECURITY_GROUPS_FOR_PODS_STAGES.join(', ')}.`,
  },
];

export function readSecurityGroupsForPodsSettings(reader: ContextReader): SecurityGroupsForPodsSettings {
  return { stage: reader.oneOf(SECURITY_GROUPS_FOR_PODS_KEYS.stage, SECURITY_GROUPS_FOR_PODS_STAGES, DEFAULT_STAGE) };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly securityGroupsForPods: SecurityGroupsForPodsSettings;
  }
}

/** The module's context keys (`securityGroupsForPods.*`), read into `config.securityGroupsForPods`. */
export const SECURITY_GROUPS_FOR_PODS_SETTINGS: ModuleSettings<'securityGroupsForPods'> = {
  keyPrefix: 'securityGroupsForPods',
  keySpecs: SECURITY_GROUPS_FOR_PODS_KEY_SPECS,
  read: readSecurityGroupsForPodsSettings,
};
