import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import type { ModuleSettings } from '../../config/lab-module-model';

/** The module's key in the registry (`-c modules=network-policies`), used as the `module` of its expectations. */
export const NETWORK_POLICIES_MODULE_KEY = 'network-policies';

/** The lab's steps, in order (workshop S1-S6), then the working end state. */
export const NETWORK_POLICY_STAGES = [
  'default-deny',
  'ui-egress',
  'catalog-ingress',
  'catalog-db',
  'orders-debug-broken',
  'orders-debug-fixed',
  'complete',
] as const;

export type NetworkPolicyStage = (typeof NETWORK_POLICY_STAGES)[number];

export interface NetworkPoliciesSettings {
  readonly stage: NetworkPolicyStage;
}

export const NETWORK_POLICIES_KEYS = { stage: 'networkPolicies.stage' } as const;

export const NETWORK_POLICIES_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: NETWORK_POLICIES_KEYS.stage,
    defaultValue: 'complete',
    description: 'Which step of the network policies lab is deployed (see the stage table).',
    validation: `One of ${NETWORK_POLICY_STAGES.join(', ')}.`,
  },
];

export function readNetworkPoliciesSettings(reader: ContextReader): NetworkPoliciesSettings {
  return { stage: reader.oneOf(NETWORK_POLICIES_KEYS.stage, NETWORK_POLICY_STAGES, 'complete') };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly networkPolicies: NetworkPoliciesSettings;
  }
}

/** The module's context keys (`networkPolicies.*`), read into `config.networkPolicies`. */
export const NETWORK_POLICIES_SETTINGS: ModuleSettings<'networkPolicies'> = {
  keyPrefix: 'networkPolicies',
  keySpecs: NETWORK_POLICIES_KEY_SPECS,
  read: readNetworkPoliciesSettings,
};
