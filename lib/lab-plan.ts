import type { LabConfig } from './config/lab-config';
import { moduleDefinition } from './modules/module-registry';
import type { NodeGroupPlan } from './node-groups/node-group-plan';
import { plannedNodeGroups } from './node-groups/planned-node-groups';
import { kubeletMaxPods } from './node-groups/pod-density';
import { NETWORK_POLICY_VPC_CNI_CONFIGURATION } from './vpc-cni/network-policy-agent';
import { mergeVpcCniContributions, type VpcCniConfiguration, vpcCniSetting } from './vpc-cni/vpc-cni-configuration';

export interface PlannedNodeGroup extends NodeGroupPlan {
  /**
   * The kubelet `maxPods` the nodes run with: what EKS computes for a managed node group from the VPC CNI
   * configuration at creation (same formulas as the EKS max-pods calculator, capped at 110/250).
   */
  readonly maxPods: number;
}

/** Decisions derived from the config before any construct exists; stacks, charts and checks all read this. */
export interface LabPlan {
  readonly config: LabConfig;
  /** The `vpc-cni` add-on configuration: every enabled module's contribution, merged. */
  readonly vpcCniConfiguration: VpcCniConfiguration;
  readonly prefixDelegation: boolean;
  /** Custom networking (ENIConfig) is a setting of the whole aws-node DaemonSet: it applies to every node. */
  readonly customNetworking: boolean;
  readonly nodeGroups: readonly PlannedNodeGroup[];
}

export function planLab(config: LabConfig): LabPlan {
  const vpcCniConfiguration = mergeVpcCniContributions([
    { source: 'base', configuration: NETWORK_POLICY_VPC_CNI_CONFIGURATION },
    ...config.modules.map((name) => ({
      source: `module ${name}`,
      configuration: moduleDefinition(name).vpcCniConfiguration(config),
    })),
  ]);
  const prefixDelegation = vpcCniSetting(vpcCniConfiguration, 'env.ENABLE_PREFIX_DELEGATION') === 'true';
  const customNetworking = vpcCniSetting(vpcCniConfiguration, 'env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') === 'true';
  // ipamd of every node reads the same aws-node environment, so with custom networking on, the nodes of every node
  // group take pod addresses from their zone's ENIConfig subnet and EKS computes their max pods accordingly.
  const nodeGroups = plannedNodeGroups(config).map((plan) => ({
    ...plan,
    podAddressSource: customNetworking ? ('eniconfig-subnets' as const) : plan.podAddressSource,
    maxPods: kubeletMaxPods(plan.instanceType.name, { customNetworking, prefixDelegation }),
  }));
  return { config, vpcCniConfiguration, prefixDelegation, customNetworking, nodeGroups };
}

/**
 * The VPC CNI mode the nodes start in, as a tag value: `secondary-ips` or `prefix-delegation`, with
 * `+custom-networking` when pods draw addresses from the ENIConfig subnets.
 */
export function vpcCniModeOf(plan: LabPlan): string {
  return `${plan.prefixDelegation ? 'prefix-delegation' : 'secondary-ips'}${plan.customNetworking ? '+custom-networking' : ''}`;
}
