import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import type { CustomNetworkingStack } from './custom-networking-stack';
import { deployChart } from '../../../constructs/chart-manifest';
import { CustomNetworkingChart } from '../../../manifests/custom-networking/custom-networking-chart';
import type { LabFoundation } from '../../lab-foundation';

export interface CustomNetworkingConfigStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
  /** The pod subnets the ENIConfigs name. */
  readonly network: CustomNetworkingStack;
}

/**
 * One ENIConfig per Availability Zone, named after the zone (workshop `kubectl apply -k .../custom-networking`). Every
 * node group is created after this stack: nodes pick their zone's ENIConfig when they boot.
 */
export class CustomNetworkingConfigStack extends NestedStack {
  /** The ENIConfigs (one deploy-time manifest). */
  readonly eniConfigs: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: CustomNetworkingConfigStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module custom-networking: the ENIConfigs',
      ...props,
    });
    const { foundation, network } = props;
    const chart = new CustomNetworkingChart(new Cdk8sApp(), 'CustomNetworking', {
      podSubnets: network.podSubnets.subnets.map((podSubnet) => ({
        availabilityZone: podSubnet.availabilityZone,
        subnetId: podSubnet.subnet.subnetId,
      })),
      // The workshop's ENIConfigs use the EKS cluster security group, like every node of the lab.
      securityGroupIds: [foundation.cluster.clusterSecurityGroupId],
    });
    this.eniConfigs = deployChart(this, 'EniConfigs', { cluster: foundation.cluster, chart });
    // The ENIConfig CRD is installed by the vpc-cni add-on.
    this.eniConfigs.node.addDependency(foundation.vpcCniAddon);
  }
}
