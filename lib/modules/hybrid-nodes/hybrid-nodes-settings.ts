import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { readInstanceType } from '../../config/context-value-parsers';
import type { InstanceType } from '../../instance-types/instance-types';
import type { ModuleSettings } from '../../config/lab-module-model';

export interface HybridNodesSettings {
  /** EC2 instance type of the simulated on-premises host. */
  readonly instanceType: InstanceType;
  /**
   * Whether the lab's ALB Ingress for nginx-remote is deployed. Undefined means "when the AWS Load Balancer
   * Controller is on" (exposeUi); an explicit true without the controller is an error.
   */
  readonly ingress?: boolean;
}

export const HYBRID_NODES_KEYS = {
  instanceType: 'hybridNodes.instanceType',
  ingress: 'hybridNodes.ingress',
} as const;

export const HYBRID_NODES_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: HYBRID_NODES_KEYS.instanceType,
    defaultValue: 'm5.large',
    description: 'EC2 instance type of the simulated on-premises hybrid node.',
    validation: 'Must be in the instance table and x86_64 (the lab installs the amd64 nodeadm).',
  },
  {
    key: HYBRID_NODES_KEYS.ingress,
    defaultValue: 'same as exposeUi',
    description: 'Deploy the ALB Ingress (and Kyverno pod-deletion-cost policy) of the hybrid nodes lab.',
    validation: 'true or false; true requires exposeUi=true (the AWS Load Balancer Controller).',
  },
];

export function readHybridNodesSettings(reader: ContextReader): HybridNodesSettings {
  return {
    instanceType: readInstanceType(reader, HYBRID_NODES_KEYS.instanceType, 'm5.large'),
    ingress: reader.has(HYBRID_NODES_KEYS.ingress) ? reader.boolean(HYBRID_NODES_KEYS.ingress, false) : undefined,
  };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly hybridNodes: HybridNodesSettings;
  }
}

/** The module's context keys (`hybridNodes.*`), read into `config.hybridNodes`. */
export const HYBRID_NODES_SETTINGS: ModuleSettings<'hybridNodes'> = {
  keyPrefix: 'hybridNodes',
  keySpecs: HYBRID_NODES_KEY_SPECS,
  read: readHybridNodesSettings,
};
