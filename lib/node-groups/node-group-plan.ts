import type { InstanceType } from '../instance-types/instance-types';
import { NODEGROUP_NAME_LABEL } from '../../manifests/well-known-labels';

/** Where a node group's pods draw their IP addresses from. */
export type PodAddressSource = 'node-subnets' | 'eniconfig-subnets';

export interface NodeGroupTaint {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NO_SCHEDULE' | 'PREFER_NO_SCHEDULE' | 'NO_EXECUTE';
}

/**
 * Label every lab node group puts on its nodes: the group's stable name (`default`, `custom-networking`). Workloads
 * and checks select nodes by it, not by the EKS node group name, which changes when the group is replaced.
 */
export const NODE_GROUP_LABEL = 'eks-networking-lab/node-group';

/** A managed node group as the base or a module declares it. */
export interface NodeGroupDeclaration {
  /** Stable name of the group in the lab (`default`), the value of its {@link NODE_GROUP_LABEL} label. */
  readonly name: string;
  readonly instanceType: InstanceType;
  /** The context key that sets the instance type, named in error messages. */
  readonly instanceTypeKey: string;
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  /** Labels we set (EKS adds `eks.amazonaws.com/nodegroup` itself; `nodeLabels()` includes it). */
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeGroupTaint[];
  readonly podAddressSource: PodAddressSource;
  /** Who declared the node group: `base` or a module key. */
  readonly owner: string;
}

/**
 * A managed node group as the lab will create it, decided from the config before any construct exists, so max
 * pods, instance-type rules and the offline checks all read the same facts.
 */
export interface NodeGroupPlan extends NodeGroupDeclaration {
  /**
   * The EKS node group name (also the `eks.amazonaws.com/nodegroup` label EKS puts on its nodes): the stable name
   * and a fingerprint of what forces CloudFormation to replace a node group, so a replacement gets a new name
   * (CloudFormation refuses to replace a resource under the same custom name).
   */
  readonly nodegroupName: string;
}

/** The labels a node of this group carries, including the one EKS adds. */
export function nodeLabels(plan: NodeGroupPlan): Readonly<Record<string, string>> {
  return { ...plan.labels, [NODEGROUP_NAME_LABEL]: plan.nodegroupName };
}

/**
 * Whether a pod with this nodeSelector (and no tolerations) can be scheduled on the group's nodes: every selector
 * label must match and the group must have no NoSchedule/NoExecute taint.
 */
export function canSchedulePodOn(plan: NodeGroupPlan, nodeSelector: Readonly<Record<string, string>>): boolean {
  const labels = nodeLabels(plan);
  const selectorMatches = Object.entries(nodeSelector).every(([key, value]) => labels[key] === value);
  const repels = plan.taints.some((taint) => taint.effect !== 'PREFER_NO_SCHEDULE');
  return selectorMatches && !repels;
}
