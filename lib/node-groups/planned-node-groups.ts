import { BASE_KEYS } from '../config/base-context-keys';
import type { LabConfig } from '../config/lab-config';
import type { LabModuleModel } from '../config/lab-module-model';
import { createHash } from 'node:crypto';
import { NODE_GROUP_LABEL, type NodeGroupDeclaration, type NodeGroupPlan } from './node-group-plan';

/** Name and label of the base node group, as in the workshop (`eksctl`/Terraform `default`). */
export const DEFAULT_NODE_GROUP = {
  name: 'default',
  labels: { 'workshop-default': 'yes' },
  minSize: 3,
  desiredSize: 3,
  maxSize: 6,
} as const;

export function defaultNodeGroupPlan(config: LabConfig): NodeGroupDeclaration {
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

/**
 * The EKS name of a node group: its stable name and a fingerprint of the inputs whose change makes CloudFormation
 * replace the node group (cluster, instance type and so AMI type, subnets: CloudFormation resource specification,
 * AWS::EKS::Nodegroup). A new instance type then creates `default-<new fingerprint>` before deleting the old group.
 */
export function nodegroupNameOf(declaration: NodeGroupDeclaration, config: LabConfig): string {
  const inputs = [
    config.clusterName,
    declaration.instanceType.name,
    declaration.instanceType.architecture,
    config.vpcCidr.text,
  ];
  return `${declaration.name}-${createHash('sha256').update(inputs.join('|')).digest('hex').slice(0, 8)}`;
}

/** Every managed node group the lab will create with this config: the base's, then each enabled module's. */
export function plannedNodeGroups(config: LabConfig, enabled: readonly LabModuleModel[]): NodeGroupPlan[] {
  const declared = [defaultNodeGroupPlan(config), ...enabled.flatMap((module) => module.nodeGroups?.(config) ?? [])];
  return declared.map((declaration) => ({
    ...declaration,
    labels: { ...declaration.labels, [NODE_GROUP_LABEL]: declaration.name },
    nodegroupName: nodegroupNameOf(declaration, config),
  }));
}
