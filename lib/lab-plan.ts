import type { LabConfig } from './config/lab-config';
import { moduleDefinition } from './modules/module-registry';
import type { NodeGroupPlan } from './node-groups/node-group-plan';
import { plannedNodeGroups } from './node-groups/planned-node-groups';
import { kubeletMaxPods } from './verify/pod-density';
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
  readonly nodeGroups: readonly PlannedNodeGroup[];
}

export function planLab(config: LabConfig): LabPlan {
  const vpcCniConfiguration = mergeVpcCniContributions(
    config.modules.map((name) => ({
      source: `module ${name}`,
      configuration: moduleDefinition(name).vpcCniConfiguration(config),
    })),
  );
  const prefixDelegation = vpcCniSetting(vpcCniConfiguration, 'env.ENABLE_PREFIX_DELEGATION') === 'true';
  const nodeGroups = plannedNodeGroups(config).map((plan) => ({
    ...plan,
    maxPods: kubeletMaxPods(plan.instanceType.name, {
      customNetworking: plan.podAddressSource === 'eniconfig-subnets',
      prefixDelegation,
    }),
  }));
  return { config, vpcCniConfiguration, prefixDelegation, nodeGroups };
}
