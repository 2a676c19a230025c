import { BASE_KEYS } from '../config/base-context-keys';
import type { LabConfig } from '../config/lab-config';
import { moduleDefinition } from '../modules/module-registry';
import type { NodeGroupPlan } from './node-group-plan';

/** Name and label of the base node group, as in the workshop (`eksctl`/Terraform `default`). */
export const DEFAULT_NODE_GROUP = {
  name: 'default',
  labels: { 'workshop-default': 'yes' },
  minSize: 3,
  desiredSize: 3,
  maxSize: 6,
} as const;

export function defaultNodeGroupPlan(config: LabConfig): NodeGroupPlan {
  return {
    name: DEFAULT_NODE_GROUP.name,
    instanceType: config.nodeInstanceType,
    instanceTypeKey: BASE_KEYS.nodeInstanceType,
    minSize: DEFAULT_NODE_GROUP.minSize,
    desiredSize: DEFAULT_NODE_GROUP.desiredSize,
    maxSize: DEFAULT_NODE_GROUP.maxSize,
    labels: DEFAULT_NODE_GROUP.labels,
    taints: [],
    podAddressSource: 'node-subnets',
    owner: 'base',
  };
}

/** Every managed node group the lab will create with this config: the base's, then each module's. */
export function plannedNodeGroups(config: LabConfig): NodeGroupPlan[] {
  return [defaultNodeGroupPlan(config), ...config.modules.flatMap((name) => moduleDefinition(name).nodeGroups(config))];
}
