import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { podSubnetCidrs } from './pod-subnet-layout';
import { SecondaryCidrSubnets } from '../../../constructs/secondary-cidr-subnets';
import { VpcCniEniSweeper } from '../../../constructs/vpc-cni-eni-sweeper';
import type { LabFoundation } from '../../lab-foundation';

export interface CustomNetworkingStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The custom networking lab's network (workshop `manifests/modules/networking/custom-networking`): the secondary CIDR
 * with one pod subnet per Availability Zone, routed like the private subnet of the same index. It needs only the lab
 * VPC, so it is built while the cluster is created. The ENIConfigs (CustomNetworkingConfigStack) and the
 * `custom-networking` node group (CustomNetworkingNodesStack) are stacks of their own: the default node group needs
 * only the ENIConfigs, so it is created beside the custom-networking nodes rather than after them.
 */
export class CustomNetworkingStack extends NestedStack {
  readonly podSubnets: SecondaryCidrSubnets;
  /** Deletes interfaces the VPC CNI leaves in the pod subnets, after the nodes and before the subnets. */
  readonly eniSweeper: VpcCniEniSweeper;

  constructor(scope: Construct, id: string, props: CustomNetworkingStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module custom-networking: secondary CIDR and pod subnets',
      ...props,
    });
    const { foundation } = props;
    const { config } = foundation;
    const privateSubnets = foundation.vpc.privateSubnets;
    const cidrs = podSubnetCidrs(config.secondaryCidr, privateSubnets.length);

    this.podSubnets = new SecondaryCidrSubnets(this, 'PodSubnets', {
      vpc: foundation.vpc,
      cidrBlock: config.secondaryCidr.text,
      subnets: privateSubnets.map((subnet, index) => ({ cidrBlock: cidrs[index].text, alongside: subnet })),
    });

    // The base's sweeper runs after the cluster is deleted, too late for this stack's subnets (the node groups, which
    // depend on this stack through the ENIConfigs, are deleted earlier): a second one, deleted after both node groups (the default node group and the custom-networking
    // nodes' stack depend on this stack) and before the pod subnets, removes leaked pod ENIs that would block
    // DeleteSubnet.
    this.eniSweeper = new VpcCniEniSweeper(this, 'PodSubnetEniSweeper', {
      vpc: foundation.vpc,
      clusterName: config.clusterName,
    });
    this.eniSweeper.node.addDependency(this.podSubnets);
  }
}
