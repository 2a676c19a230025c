import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { EniConfig } from './eni-config';

/** One Availability Zone's pod subnet. Values are usually CloudFormation tokens. */
export interface PodSubnetPlacement {
  /** Availability Zone name: also the ENIConfig name (the VPC CNI selects it by the node's zone label). */
  readonly availabilityZone: string;
  readonly subnetId: string;
}

export interface CustomNetworkingChartProps {
  readonly podSubnets: readonly PodSubnetPlacement[];
  /** Security groups of the pod ENIs (the lab: the EKS cluster security group). */
  readonly securityGroupIds: readonly string[];
}

/** The custom networking lab's Kubernetes objects: one ENIConfig per Availability Zone, named after it. */
export class CustomNetworkingChart extends Chart {
  readonly eniConfigs: readonly EniConfig[];

  constructor(scope: Construct, id: string, props: CustomNetworkingChartProps) {
    super(scope, id);
    if (props.podSubnets.length === 0) throw new Error('CustomNetworkingChart needs at least one pod subnet');
    this.eniConfigs = props.podSubnets.map(
      (placement, index) =>
        new EniConfig(this, `EniConfig${index + 1}`, {
          name: placement.availabilityZone,
          subnet: placement.subnetId,
          securityGroups: props.securityGroupIds,
        }),
    );
  }
}
