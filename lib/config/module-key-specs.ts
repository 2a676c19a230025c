import type { ContextKeySpec } from './context-key-spec';
import { CUSTOM_NETWORKING_KEY_SPECS } from '../modules/custom-networking/custom-networking-settings';
import { HYBRID_NODES_KEY_SPECS } from '../modules/hybrid-nodes/hybrid-nodes-settings';
import { NETWORK_POLICIES_KEY_SPECS } from '../modules/network-policies/network-policies-settings';
import { PREFIX_DELEGATION_KEY_SPECS } from '../modules/prefix-delegation/prefix-delegation-settings';
import { VPC_LATTICE_KEY_SPECS } from '../modules/vpc-lattice/vpc-lattice-settings';

/** Module setting keys by prefix (`prefixDelegation.pausePods` lives under `prefixDelegation`). */
export const MODULE_KEY_SPECS: Readonly<Record<string, readonly ContextKeySpec[]>> = {
  customNetworking: CUSTOM_NETWORKING_KEY_SPECS,
  prefixDelegation: PREFIX_DELEGATION_KEY_SPECS,
  networkPolicies: NETWORK_POLICIES_KEY_SPECS,
  securityGroupsForPods: [],
  vpcLattice: VPC_LATTICE_KEY_SPECS,
  hybridNodes: HYBRID_NODES_KEY_SPECS,
};
