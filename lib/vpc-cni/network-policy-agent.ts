import { addonVersionAtLeast } from './addon-version';
import type { VpcCniConfiguration } from './vpc-cni-configuration';
import { BASE_KEYS } from '../config/base-context-keys';
import { LabConfigError } from '../config/lab-config-error';

/**
 * The `vpc-cni` add-on settings of the network policy agent, on in every lab as in the workshop's base cluster
 * (`cluster/terraform/eks.tf`). Keeping them on when module network-policies is switched off matters: the network
 * policy controller puts a finalizer on every NetworkPolicy and removes it on deletion; turned off in the same
 * deploy that deletes the policies, it never removes it and the deletion hangs (aws/aws-network-policy-agent#567).
 *
 * (EKS user guide): `enableNetworkPolicy` turns on the network policy
 * controller and the node agent ("Restrict Pod network traffic with Kubernetes network policies", step 4), and
 * `nodeAgent.enablePolicyEventLogs` makes the agent write the flow log the debug step greps,
 * `/var/log/aws-routed-eni/network-policy-agent.log` ("Troubleshooting Kubernetes network policies"). Both are
 * strings in the add-on's configuration schema.
 * https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
 * https://docs.aws.amazon.com/eks/latest/userguide/network-policies-troubleshooting.html
 */
export const NETWORK_POLICY_VPC_CNI_CONFIGURATION = {
  enableNetworkPolicy: 'true',
  nodeAgent: { enablePolicyEventLogs: 'true' },
} as const satisfies VpcCniConfiguration;

/**
 * The first `vpc-cni` add-on version the user guide names for network policies: "Version 1.14 or later", and for
 * the add-on configuration "Select a v1.14.0-eksbuild.3 or later version" (both settings above).
 */
export const MIN_NETWORK_POLICY_VPC_CNI_VERSION = 'v1.14.0-eksbuild.3';

/** Fails at synth when `vpcCniVersion` pins an add-on that cannot run the network policy agent. */
export function checkNetworkPolicyVpcCniVersion(version: string | undefined): void {
  if (version === undefined || addonVersionAtLeast(version, MIN_NETWORK_POLICY_VPC_CNI_VERSION)) return;
  throw new LabConfigError(
    BASE_KEYS.vpcCniVersion,
    version,
    `${MIN_NETWORK_POLICY_VPC_CNI_VERSION} or later (or no pin): the lab always runs the network policy agent`,
    'The VPC CNI enforces Kubernetes network policies from version 1.14, and the add-on accepts enableNetworkPolicy ' +
      `from ${MIN_NETWORK_POLICY_VPC_CNI_VERSION} (EKS user guide, "Restrict Pod network traffic with Kubernetes network policies").`,
  );
}
