import { CUSTOM_NETWORKING_KEYS } from './custom-networking-settings';
import type { LabConfig } from '../../config/lab-config';
import type { NodeGroupDeclaration } from '../../node-groups/node-group-plan';

/** The workshop's `aws eks create-nodegroup --nodegroup-name custom-networking ... --labels type=customnetworking
 * --scaling-config minSize=1,maxSize=1,desiredSize=1`. */
export const CUSTOM_NETWORKING_NODE_GROUP = {
  name: 'custom-networking',
  labels: { type: 'customnetworking' },
  minSize: 1,
  desiredSize: 1,
  maxSize: 1,
} as const;

export function customNetworkingNodeGroupPlan(config: LabConfig): NodeGroupDeclaration {
  return {
    name: CUSTOM_NETWORKING_NODE_GROUP.name,
    instanceType: config.customNetworking.instanceType,
    instanceTypeKey: CUSTOM_NETWORKING_KEYS.instanceType,
    minSize: CUSTOM_NETWORKING_NODE_GROUP.minSize,
    desiredSize: CUSTOM_NETWORKING_NODE_GROUP.desiredSize,
    maxSize: CUSTOM_NETWORKING_NODE_GROUP.maxSize,
    labels: CUSTOM_NETWORKING_NODE_GROUP.labels,
    taints: [],
    podAddressSource: 'eniconfig-subnets',
    owner: 'custom-networking',
  };
}
