import type { LabConfig } from './lab-config';
import type { NodeGroupPlan } from '../node-groups/node-group-plan';
import type { PartContract } from '../third-party/part-contract';
import type { VpcCniConfiguration } from '../vpc-cni/vpc-cni-configuration';

export interface PlannedNodeGroup extends NodeGroupPlan {
  /**
   * The kubelet `maxPods` the nodes run with: what EKS computes for a managed node group from the VPC CNI
   * configuration at creation (same formulas as the EKS max-pods calculator, capped at 110/250).
   */
  readonly maxPods: number;
}

/** A third-party part a configuration installs, and who installs it (`base` or a module name). */
export interface InstalledPart {
  readonly part: PartContract;
  readonly owner: string;
}

/**
 * Decisions derived from the config and the enabled modules before any construct exists; stacks, charts and checks
 * all read this (built by planLab, lib/lab-plan.ts).
 */
export interface LabPlan {
  readonly config: LabConfig;
  /** The `vpc-cni` add-on configuration: every enabled module's contribution, merged. */
  readonly vpcCniConfiguration: VpcCniConfiguration;
  readonly prefixDelegation: boolean;
  /** Custom networking (ENIConfig) is a setting of the whole aws-node DaemonSet: it applies to every node. */
  readonly customNetworking: boolean;
  readonly nodeGroups: readonly PlannedNodeGroup[];
  /** The third-party parts the configuration installs: the base's, the load balancer controller's, each module's. */
  readonly parts: readonly InstalledPart[];
}
