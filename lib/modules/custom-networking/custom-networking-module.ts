import { CUSTOM_NETWORKING_WALK } from './custom-networking-walk';
import { CUSTOM_NETWORKING_VPC_CNI_ENV, customNetworkingExpectations } from './custom-networking-expectations';
import { CUSTOM_NETWORKING_NODE_GROUP, customNetworkingNodeGroupPlan } from './custom-networking-node-group';
import { CUSTOM_NETWORKING_SETTINGS, CUSTOM_NETWORKING_KEYS } from './custom-networking-settings';
import { CustomNetworkingConfigStack } from './custom-networking-config-stack';
import { CustomNetworkingNodesStack } from './custom-networking-nodes-stack';
import { CustomNetworkingStack } from './custom-networking-stack';
import { assignableIpv4Prefixes, podSubnetCidrs } from './pod-subnet-layout';
import { LAB_AZ_COUNT } from '../../base/lab-vpc';
import { BASE_KEYS } from '../../config/base-context-keys';
import { LabConfigError } from '../../config/lab-config-error';
import type { LabPlan } from '../../config/lab-plan-model';
import { DAEMONSET_PODS_PER_NODE } from '../../node-groups/scheduled-pods';
import type { LabModuleDefinition } from '../lab-module';
import { NODE_GROUP_LABEL } from '../../node-groups/node-group-plan';

/** The custom-networking node group must fit its DaemonSet pods plus the checkout pod the module moves onto it. */
const MIN_CUSTOM_NETWORKING_MAX_PODS = DAEMONSET_PODS_PER_NODE.length + 1;

function validate(plan: LabPlan): void {
  const { config } = plan;
  const group = plan.nodeGroups.find((candidate) => candidate.name === CUSTOM_NETWORKING_NODE_GROUP.name);
  if (group && group.maxPods < MIN_CUSTOM_NETWORKING_MAX_PODS) {
    throw new LabConfigError(
      CUSTOM_NETWORKING_KEYS.instanceType,
      group.instanceType.name,
      `an instance type whose custom-networking max pods is at least ${MIN_CUSTOM_NETWORKING_MAX_PODS} ` +
        `(${DAEMONSET_PODS_PER_NODE.join(', ')} and checkout)`,
      `With custom networking the primary ENI carries no pods, so ${group.instanceType.name} ` +
        `(${group.instanceType.maxEnis} ENIs x ${group.instanceType.ipv4PerEni} IPv4) gets ${group.maxPods}. Try t3.medium.`,
    );
  }
  if (plan.prefixDelegation) {
    // Prefix delegation hands out aligned /28 blocks; a pod subnet without a free one gives custom-networking pods no
    // address at all (InsufficientCidrBlocks, EKS user guide, cni-increase-ip-addresses-procedure.html).
    const podSubnet = podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT)[0];
    if (assignableIpv4Prefixes(podSubnet) < 1) {
      throw new LabConfigError(
        BASE_KEYS.secondaryCidr,
        config.secondaryCidr.text,
        'a secondary CIDR of /23 or larger while prefix-delegation is enabled too',
        `Its pod subnets are /${podSubnet.prefixLength}s, which hold no /28 prefix EC2 can assign (AWS reserves the ` +
          'first four and the last address of a subnet).',
      );
    }
  }
}

/**
 * Module `custom-networking`: pods on a secondary CIDR through one ENIConfig per Availability Zone
 * (workshop section "Custom networking", eks-workshop-v2 manifests/modules/networking/custom-networking).
 */
export const CUSTOM_NETWORKING_MODULE: LabModuleDefinition = {
  name: 'custom-networking',
  summary:
    'Secondary CIDR with one pod subnet per Availability Zone, an ENIConfig per zone, node group custom-networking, and checkout moved onto it.',
  settings: CUSTOM_NETWORKING_SETTINGS,
  vpcCniConfiguration: () => ({ env: { ...CUSTOM_NETWORKING_VPC_CNI_ENV } }),
  nodeGroups: (config) => [customNetworkingNodeGroupPlan(config)],
  validate,
  walk: CUSTOM_NETWORKING_WALK,
  expectations: customNetworkingExpectations,
  create(scope, foundation) {
    const stack = new CustomNetworkingStack(scope, 'CustomNetworking', { foundation });
    const config = new CustomNetworkingConfigStack(scope, 'CustomNetworkingConfig', { foundation, network: stack });
    const nodes = new CustomNetworkingNodesStack(scope, 'CustomNetworkingNodes', { foundation, config });
    // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG is a setting of the whole aws-node DaemonSet and the ENIConfigs are selected
    // by zone, so the default nodes put their pods on the pod subnets too. Creating them after the ENIConfigs makes
    // that deterministic, and on deletion removes them (and the pod ENIs they own) before the pod subnets.
    foundation.defaultNodeGroup.node.addDependency(config);
    return {
      stack,
      retailApp: {
        services: { checkout: { nodeSelector: { [NODE_GROUP_LABEL]: CUSTOM_NETWORKING_NODE_GROUP.name } } },
      },
      // checkout is created once its node group exists and deleted before the node group goes.
      retailAppDependencies: { checkout: [nodes.nodeGroup] },
      workshopVariables: [
        ...stack.podSubnets.subnets.flatMap((podSubnet, index) => [
          {
            name: `SECONDARY_SUBNET_${index + 1}`,
            value: podSubnet.subnet.subnetId,
            description: `pod subnet ${index + 1} in the secondary CIDR`,
          },
          {
            name: `SUBNET_AZ_${index + 1}`,
            value: podSubnet.availabilityZone,
            description: `Availability Zone of pod subnet ${index + 1} (the name of its ENIConfig)`,
          },
        ]),
        {
          name: 'CUSTOM_NETWORKING_NODE_ROLE',
          value: nodes.nodeGroup.role.roleArn,
          description: 'node role of node group custom-networking',
        },
      ],
    };
  },
};
