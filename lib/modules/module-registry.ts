import { CUSTOM_NETWORKING_MODULE } from './custom-networking/custom-networking-module';
import { HYBRID_NODES_MODULE } from './hybrid-nodes/hybrid-nodes-module';
import type { LabModuleDefinition } from './lab-module';
import { NETWORK_POLICIES_MODULE } from './network-policies/network-policies-module';
import { PREFIX_DELEGATION_MODULE } from './prefix-delegation/prefix-delegation-module';
import { SECURITY_GROUPS_FOR_PODS_MODULE } from './security-groups-for-pods/security-groups-for-pods-module';
import { VPC_LATTICE_MODULE } from './vpc-lattice/vpc-lattice-module';

/**
 * Every lab module, in creation order: the one list of modules. Only composition roots import it (the stack, the app,
 * the verifier, the docs); the config reader and the planner get the definitions passed in.
 */
export const MODULES: readonly LabModuleDefinition[] = [
  CUSTOM_NETWORKING_MODULE,
  PREFIX_DELEGATION_MODULE,
  NETWORK_POLICIES_MODULE,
  SECURITY_GROUPS_FOR_PODS_MODULE,
  VPC_LATTICE_MODULE,
  HYBRID_NODES_MODULE,
];

export const MODULE_NAMES: readonly string[] = MODULES.map((module) => module.name);

export function moduleDefinition(name: string): LabModuleDefinition {
  const definition = MODULES.find((module) => module.name === name);
  if (!definition) throw new Error(`No module named ${name}`);
  return definition;
}
