import { BASE_DEFAULTS, BASE_KEYS } from '../../config/base-context-keys';
import type { LabConfig } from '../../config/lab-config';
import { LabConfigError } from '../../config/lab-config-error';
import {
  KNOWN_INSTANCE_TYPES,
  lookupInstanceType,
  supportsSecurityGroupsForPods,
} from '../../instance-types/instance-types';
import { canSchedulePodOn, NODE_GROUP_LABEL, type NodeGroupPlan } from '../../node-groups/node-group-plan';
import { DEFAULT_NODE_GROUP } from '../../node-groups/planned-node-groups';

/**
 * Where the catalog pods run while they carry their own security group: the `default` node group, which the
 * workshop runs on m5.large (trunk ENI capable). Pinning keeps them off node groups other modules add, such as
 * custom networking's t3.medium group, which has no taint and could otherwise receive them.
 */
export const CATALOG_NODE_SELECTOR: Readonly<Record<string, string>> = {
  [NODE_GROUP_LABEL]: DEFAULT_NODE_GROUP.name,
};

const DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html';

function describeSelector(selector: Readonly<Record<string, string>>): string {
  const entries = Object.entries(selector);
  return entries.length === 0
    ? 'no nodeSelector'
    : `nodeSelector ${entries.map(([key, value]) => `${key}=${value}`).join(', ')}`;
}

/** The planned node groups a pod with this nodeSelector (and no tolerations) can be scheduled on. */
export function nodeGroupsThatCanRun(
  nodeGroups: readonly NodeGroupPlan[],
  nodeSelector: Readonly<Record<string, string>>,
): NodeGroupPlan[] {
  return nodeGroups.filter((plan) => canSchedulePodOn(plan, nodeSelector));
}

/** Trunk-ENI-capable types of the same architecture, the lab's default first, for the error message. */
function trunkCapableExamples(plan: NodeGroupPlan): string {
  const candidates = KNOWN_INSTANCE_TYPES.filter((name) => {
    const type = lookupInstanceType(name);
    return (
      type.architecture === plan.instanceType.architecture &&
      !type.bareMetal &&
      type.vcpus <= 2 &&
      supportsSecurityGroupsForPods(type)
    );
  });
  const preferred = candidates.filter((name) => name === (BASE_DEFAULTS.nodeInstanceType as string));
  return [...preferred, ...candidates.filter((name) => !preferred.includes(name))].slice(0, 5).join(', ');
}

/**
 * Every node group that can run the catalog pods must attach a trunk ENI, or the pods, which request a branch ENI,
 * stay Pending there. No instance type of the t family supports it (EKS user guide, "Considerations").
 */
export function checkTrunkEniNodeGroups(
  nodeGroups: readonly NodeGroupPlan[],
  nodeSelector: Readonly<Record<string, string>> = CATALOG_NODE_SELECTOR,
): void {
  const candidates = nodeGroupsThatCanRun(nodeGroups, nodeSelector);
  if (candidates.length === 0) {
    throw new LabConfigError(
      BASE_KEYS.modules,
      'security-groups-for-pods',
      `a lab in which some node group can run the catalog pods (${describeSelector(nodeSelector)})`,
      `Planned node groups: ${nodeGroups.map((plan) => plan.name).join(', ') || 'none'}.`,
    );
  }
  for (const plan of candidates) {
    if (supportsSecurityGroupsForPods(plan.instanceType)) continue;
    throw new LabConfigError(
      plan.instanceTypeKey,
      plan.instanceType.name,
      `an instance type that supports a trunk ENI (IsTrunkingCompatible in the VPC resource controller's limits.go; no t-family type does), for example ${trunkCapableExamples(plan)}`,
      `Node group "${plan.name}" can run the catalog pods (${describeSelector(nodeSelector)}), which get their own security group through a branch ENI when security-groups-for-pods is on; ${plan.instanceType.name} cannot attach one. See ${DOCS}`,
    );
  }
}

/** EC2 rejects security group names that start with `sg-`; the pod group is named `<clusterName>-catalog`. */
export function checkSecurityGroupName(config: LabConfig): void {
  if (config.clusterName.startsWith('sg-')) {
    throw new LabConfigError(
      BASE_KEYS.clusterName,
      config.clusterName,
      'a name that does not start with "sg-" when security-groups-for-pods is on',
      `The catalog pod security group is named "${config.clusterName}-catalog" and EC2 rejects group names starting with "sg-".`,
    );
  }
}
