import { NETWORK_POLICIES_WALK } from './network-policies-walk';
import type { LabConfig } from '../../config/lab-config';
import type { LabModuleDefinition } from '../lab-module';
import { VPC_LATTICE_MODULE_KEY } from '../vpc-lattice/vpc-lattice-settings';
import type { NetworkPolicyInterplay } from './network-policy-stages';
import { networkPoliciesExpectations } from './network-policies-expectations';
import { NETWORK_POLICIES_SETTINGS } from './network-policies-settings';
import { NETWORK_POLICIES_STACK_ID, NetworkPoliciesStack } from './network-policies-stack';

/** The other enabled modules whose traffic the policies must let through. */
export function networkPolicyInterplay(config: LabConfig): NetworkPolicyInterplay {
  return { vpcLattice: (config.modules as readonly string[]).includes(VPC_LATTICE_MODULE_KEY) };
}

/**
 * `network-policies`: the VPC CNI network policy agent (with policy event logs) and the workshop's
 * NetworkPolicies, one lab step at a time (`networkPolicies.stage`), each stage with the workshop's connectivity
 * table as verify expectations.
 */
export const NETWORK_POLICIES_MODULE: LabModuleDefinition = {
  name: 'network-policies',
  summary:
    'Kubernetes NetworkPolicies enforced by the VPC CNI network policy agent: the workshop\u2019s policies step by step ' +
    '(default-deny egress, ui egress, catalog and catalog-mysql ingress, the orders debug exercise), and a complete ' +
    'stage where everything stays locked down and every retail app call still works.',
  settings: NETWORK_POLICIES_SETTINGS,
  // The network policy agent is on in every lab (lib/vpc-cni/network-policy-agent.ts): switching the module off then
  // deletes the policies while the agent still removes its finalizers.
  walk: NETWORK_POLICIES_WALK,
  expectations: (config) => networkPoliciesExpectations(config.networkPolicies.stage, networkPolicyInterplay(config)),
  create: (scope, foundation) => ({
    stack: new NetworkPoliciesStack(scope, NETWORK_POLICIES_STACK_ID, {
      foundation,
      stage: foundation.config.networkPolicies.stage,
      interplay: networkPolicyInterplay(foundation.config),
    }),
  }),
};
