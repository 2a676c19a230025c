import { CUSTOM_NETWORKING_MODULE } from './custom-networking/custom-networking-module';
import { HYBRID_NODES_MODULE } from './hybrid-nodes/hybrid-nodes-module';
import type { LabModuleDefinition } from './lab-module';
import { NETWORK_POLICIES_MODULE } from './network-policies/network-policies-module';
import { PREFIX_DELEGATION_MODULE } from './prefix-delegation/prefix-delegation-module';
import { SECURITY_GROUPS_FOR_PODS_MODULE } from './security-groups-for-pods/security-groups-for-pods-module';
import { VPC_LATTICE_MODULE } from './vpc-lattice/vpc-lattice-module';

/**
 * Every lab module, keyed by its exact context name (`-c modules=<key>`). Registry order is creation order.
 * `ModuleName` is derived from this object; nothing else spells a module name.
 */
export const MODULES = {
  'custom-networking': CUSTOM_NETWORKING_MODULE,
  'prefix-delegation': PREFIX_DELEGATION_MODULE,
  'network-policies': NETWORK_POLICIES_MODULE,
  'security-groups-for-pods': SECURITY_GROUPS_FOR_PODS_MODULE,
  'vpc-lattice': VPC_LATTICE_MODULE,
  'hybrid-nodes': HYBRID_NODES_MODULE,
} as const satisfies Record<string, LabModuleDefinition>;

export type ModuleName = keyof typeof MODULES;

export const MODULE_NAMES = Object.keys(MODULES) as ModuleName[];

export function moduleDefinition(name: ModuleName): LabModuleDefinition {
  return MODULES[name];
}
