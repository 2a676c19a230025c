import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import type { ModuleSettings } from '../../config/lab-module-model';

export interface PrefixDelegationSettings {
  /** `WARM_PREFIX_TARGET`; undefined when the user chose IP-based warm targets instead. */
  readonly warmPrefixTarget?: number;
  readonly warmIpTarget?: number;
  readonly minimumIpTarget?: number;
  /** Replicas of the `pause-pods-prefix` density proof; 0 skips it. */
  readonly pausePods: number;
}

export const PREFIX_DELEGATION_KEYS = {
  warmPrefixTarget: 'prefixDelegation.warmPrefixTarget',
  warmIpTarget: 'prefixDelegation.warmIpTarget',
  minimumIpTarget: 'prefixDelegation.minimumIpTarget',
  pausePods: 'prefixDelegation.pausePods',
} as const;

export const DEFAULT_PAUSE_PODS = 150;
export const DEFAULT_WARM_PREFIX_TARGET = 1;

export const PREFIX_DELEGATION_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: PREFIX_DELEGATION_KEYS.warmPrefixTarget,
    defaultValue: `${DEFAULT_WARM_PREFIX_TARGET} (unless an IP target is set)`,
    description: 'VPC CNI `WARM_PREFIX_TARGET`: /28 prefixes kept attached beyond what pods use.',
    validation:
      'Integer 0-16; at least one of the three warm targets must be 1 or more (aws-node refuses all zero); warns when an IP target makes it ineffective.',
  },
  {
    key: PREFIX_DELEGATION_KEYS.warmIpTarget,
    defaultValue: 'none',
    description: 'VPC CNI `WARM_IP_TARGET` (prefix mode allocates whole prefixes to keep this many IPs free).',
    validation: 'Integer 0-256; 1 or more whenever minimumIpTarget is set (aws-node refuses MINIMUM_IP_TARGET alone).',
  },
  {
    key: PREFIX_DELEGATION_KEYS.minimumIpTarget,
    defaultValue: 'none',
    description: 'VPC CNI `MINIMUM_IP_TARGET`: IPs allocated at node start.',
    validation: 'Integer 0-256.',
  },
  {
    key: PREFIX_DELEGATION_KEYS.pausePods,
    defaultValue: String(DEFAULT_PAUSE_PODS),
    description: 'Replicas of the `pause-pods-prefix` Deployment in namespace `other`; 0 skips it.',
    validation: 'Integer 0-2000; warns when they exceed the max pods the node groups have left.',
  },
];

export function readPrefixDelegationSettings(reader: ContextReader): PrefixDelegationSettings {
  const warmIpTarget = reader.optionalInteger(PREFIX_DELEGATION_KEYS.warmIpTarget, 0, 256);
  const minimumIpTarget = reader.optionalInteger(PREFIX_DELEGATION_KEYS.minimumIpTarget, 0, 256);
  const explicitWarmPrefix = reader.optionalInteger(PREFIX_DELEGATION_KEYS.warmPrefixTarget, 0, 16);
  const ipTargetsChosen = warmIpTarget !== undefined || minimumIpTarget !== undefined;
  return {
    warmPrefixTarget: explicitWarmPrefix ?? (ipTargetsChosen ? undefined : DEFAULT_WARM_PREFIX_TARGET),
    warmIpTarget,
    minimumIpTarget,
    pausePods: reader.integer(PREFIX_DELEGATION_KEYS.pausePods, DEFAULT_PAUSE_PODS, 0, 2000),
  };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly prefixDelegation: PrefixDelegationSettings;
  }
}

/** The module's context keys (`prefixDelegation.*`), read into `config.prefixDelegation`. */
export const PREFIX_DELEGATION_SETTINGS: ModuleSettings<'prefixDelegation'> = {
  keyPrefix: 'prefixDelegation',
  keySpecs: PREFIX_DELEGATION_KEY_SPECS,
  read: readPrefixDelegationSettings,
};
