import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import { CUSTOM_NETWORKING_NODE_GROUP } from './custom-networking-node-group';
import type { CustomNetworkingConfigStack } from './custom-networking-config-stack';
import type { LabFoundation } from '../../lab-foundation';

export interface CustomNetworkingNodesStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
  /** The ENIConfigs (and so the pod subnets) the nodes take pod addresses from. */
  readonly config: CustomNetworkingConfigStack;
}

/**
 * The `custom-networking` node group (workshop: `aws eks create-nodegroup ... custom-networking`), created after the
 * module's ENIConfigs: only nodes that boot after the CNI settings and their ENIConfig exist put pods on the pod
 * subnets (EKS user guide, custom networking tutorial: create the node group after the ENIConfigs); the foundation
 * adds the vpc-cni add-on. Deleted before them and the pod subnets, which outlive the nodes.
 */
export class CustomNetworkingNodesStack extends NestedStack {
  readonly nodeGroup: eks.Nodegroup;

  constructor(scope: Construct, id: string, props: CustomNetworkingNodesStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module custom-networking: the custom-networking node group',
      ...props,
    });
    const { foundation, config } = props;
    this.nodeGroup = foundation.addNodeGroup(this, foundation.nodeGroupPlan(CUSTOM_NETWORKING_NODE_GROUP.name));
    this.nodeGroup.node.addDependency(config);
  }
}
