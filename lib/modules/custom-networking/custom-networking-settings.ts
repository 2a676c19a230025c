import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { readInstanceType } from '../../config/context-value-parsers';
import type { InstanceType } from '../../instance-types/instance-types';

export interface CustomNetworkingSettings {
  /** Instance type of the `custom-networking` node group. */
  readonly instanceType: InstanceType;
}

export const CUSTOM_NETWORKING_KEYS = {
  instanceType: 'customNetworking.instanceType',
} as const;

export const CUSTOM_NETWORKING_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: CUSTOM_NETWORKING_KEYS.instanceType,
    defaultValue: 't3.medium',
    description: 'Instance type of the `custom-networking` node group (the lab uses t3.medium).',
    validation: 'Must be in the instance table.',
  },
];

export function readCustomNetworkingSettings(reader: ContextReader): CustomNetworkingSettings {
  return { instanceType: readInstanceType(reader, CUSTOM_NETWORKING_KEYS.instanceType, 't3.medium') };
}
