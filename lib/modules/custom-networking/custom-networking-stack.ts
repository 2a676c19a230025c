import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { CUSTOM_NETWORKING_NODE_GROUP } from './custom-networking-node-group';
import { podSubnetCidrs } from './pod-subnet-layout';
import { deployChart } from '../../../constructs/chart-manifest';
import { SecondaryCidrSubnets } from '../../../constructs/secondary-cidr-subnets';
import { VpcCniEniSweeper } from '../../../constructs/vpc-cni-eni-sweeper';
import { CustomNetworkingChart } from '../../../manifests/custom-networking/custom-networking-chart';
import type { LabFoundation } from '../../lab-foundation';

export interface CustomNetworkingStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The custom networking lab (workshop `manifests/modules/networking/custom-networking`): the secondary CIDR with one pod
 * subnet per Availability Zone, routed like the private subnet of the same index, an ENIConfig per zone, and the
 * `custom-networking` node group created after them.
 */
export class CustomNetworkingStack extends NestedStack {
  readonly podSubnets: SecondaryCidrSubnets;
  /** The ENIConfigs (one deploy-time manifest). */
  readonly eniConfigs: eks.KubernetesManifest;
  readonly nodeGroup: eks.Nodegroup;
  /** Deletes interfaces the VPC CNI leaves in the pod subnets, after the nodes and before the subnets. */
  readonly eniSweeper: VpcCniEniSweeper;

  constructor(scope: Construct, id: string, props: CustomNetworkingStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module custom-networking: secondary CIDR pod subnets, ENIConfigs, node group',
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

    // The base's sweeper runs after the cluster is deleted, too late for this stack's subnets (it depends on the
    // cluster): a second one, deleted after this stack's node group (and the default node group, which depends on
    // this whole stack) and before the pod subnets, removes leaked pod ENIs that would block DeleteSubnet.
    this.eniSweeper = new VpcCniEniSweeper(this, 'PodSubnetEniSweeper', {
      vpc: foundation.vpc,
      clusterName: config.clusterName,
    });
    this.eniSweeper.node.addDependency(this.podSubnets);

    const chart = new CustomNetworkingChart(new Cdk8sApp(), 'CustomNetworking', {
      podSubnets: this.podSubnets.subnets.map((podSubnet) => ({
        availabilityZone: podSubnet.availabilityZone,
        subnetId: podSubnet.subnet.subnetId,
      })),
      // The workshop's ENIConfigs use the EKS cluster security group, like every node of the lab.
      securityGroupIds: [foundation.cluster.clusterSecurityGroupId],
    });
    this.eniConfigs = deployChart(this, 'EniConfigs', { cluster: foundation.cluster, chart });
    // The ENIConfig CRD is installed by the vpc-cni add-on.
    this.eniConfigs.node.addDependency(foundation.vpcCniAddon);

    // Only nodes that boot after the CNI settings and their ENIConfig exist put pods on the pod subnets (EKS user
    // guide, custom networking tutorial: create the node group after the ENIConfigs); the foundation adds the add-on.
    this.nodeGroup = foundation.addNodeGroup(this, foundation.nodeGroupPlan(CUSTOM_NETWORKING_NODE_GROUP.name), {
      after: [this.eniConfigs, this.eniSweeper],
    });
  }
}
