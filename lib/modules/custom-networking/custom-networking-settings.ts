import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { readInstanceType } from '../../config/context-value-parsers';
import type { InstanceType } from '../../instance-types/instance-types';
import type { ModuleSettings } from '../../config/lab-module-model';

export interface CustomNetworkingSettings {
  /** Instance type of the `custom-networking` node group. */
  readonly instanceType: InstanceType;
}

export const CUSTOM_NETWORKING_KEYS = {
  instanceType: 'customNetworking.instanceType',
} as const;

/** The workshop creates the `custom-networking` node group with t3.medium. */
export const DEFAULT_CUSTOM_NETWORKING_INSTANCE_TYPE = 't3.medium';

export const CUSTOM_NETWORKING_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: CUSTOM_NETWORKING_KEYS.instanceType,
    defaultValue: DEFAULT_CUSTOM_NETWORKING_INSTANCE_TYPE,
    description: 'Instance type of the `custom-networking` node group (the lab uses t3.medium).',
    validation:
      'Must be in the instance table, and its custom-networking max pods ((ENIs - 1) x (IPv4 per ENI - 1) + 2) must leave room for the DaemonSet pods and checkout.',
  },
];

export function readCustomNetworkingSettings(reader: ContextReader): CustomNetworkingSettings {
  return {
    instanceType: readInstanceType(
      reader,
      CUSTOM_NETWORKING_KEYS.instanceType,
      DEFAULT_CUSTOM_NETWORKING_INSTANCE_TYPE,
    ),
  };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly customNetworking: CustomNetworkingSettings;
  }
}

/** The module's context keys (`customNetworking.*`), read into `config.customNetworking`. */
export const CUSTOM_NETWORKING_SETTINGS: ModuleSettings<'customNetworking'> = {
  keyPrefix: 'customNetworking',
  keySpecs: CUSTOM_NETWORKING_KEY_SPECS,
  read: readCustomNetworkingSettings,
};
