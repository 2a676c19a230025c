import { PREFIX_DELEGATION_KEYS } from './prefix-delegation-settings';
import type { ConfigWarning } from '../../config/lab-config';
import type { PlannedNodeGroup } from '../../config/lab-plan-model';
import { canSchedulePodOn } from '../../node-groups/node-group-plan';
import { baseLabScheduledPods } from '../../node-groups/scheduled-pods';

/** How many more pods the lab's nodes can take, by kubelet maxPods alone. */
export interface PodCapacity {
  /** Node groups a pod without nodeSelector or tolerations can land on. */
  readonly nodeGroups: readonly { readonly name: string; readonly nodes: number; readonly maxPods: number }[];
  /** Sum of maxPods over their nodes (desired size: the lab runs no node autoscaler). */
  readonly totalMaxPods: number;
  /** Pods the base lab already schedules on them (see lib/verify/scheduled-pods.ts for the count and its sources). */
  readonly alreadyScheduled: number;
  readonly free: number;
}

/** Capacity left for unpinned pods on the planned node groups. */
export function podCapacity(nodeGroups: readonly PlannedNodeGroup[]): PodCapacity {
  const usable = nodeGroups
    .filter((group) => canSchedulePodOn(group, {}))
    .map((group) => ({ name: group.name, nodes: group.desiredSize, maxPods: group.maxPods }));
  const totalMaxPods = usable.reduce((sum, group) => sum + group.nodes * group.maxPods, 0);
  const nodes = usable.reduce((sum, group) => sum + group.nodes, 0);
  const alreadyScheduled = baseLabScheduledPods(nodes).total;
  return { nodeGroups: usable, totalMaxPods, alreadyScheduled, free: Math.max(0, totalMaxPods - alreadyScheduled) };
}

/** A warning when the pause pods cannot all be scheduled; undefined when they fit. */
export function pausePodsCapacityWarning(replicas: number, capacity: PodCapacity): ConfigWarning | undefined {
  if (replicas <= capacity.free) return undefined;
  const groups = capacity.nodeGroups.map((group) => `${group.name} ${group.nodes} x ${group.maxPods}`).join(', ');
  return {
    id: 'prefix-delegation:pause-pods-exceed-capacity',
    message:
      `${PREFIX_DELEGATION_KEYS.pausePods}=${replicas} cannot all run: the node groups allow ${capacity.totalMaxPods} pods ` +
      `(${groups || 'no schedulable node group'}), the lab already schedules ${capacity.alreadyScheduled} ` +
      `(DaemonSets on every node, CoreDNS, External Secrets, the retail app; other modules' pods not counted), so ` +
      `${capacity.free} fit and ${replicas - capacity.free} would stay Pending.`,
  };
}
