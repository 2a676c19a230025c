import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Ipv4Cidr } from '../config/ipv4-cidr';

export interface LabVpcProps {
  readonly cidr: Ipv4Cidr;
}

/** Subnet group names (CDK names subnets `<group>Subnet<n>`). */
export const SUBNET_GROUPS = { public: 'Public', private: 'Private' } as const;

/** Number of AZs the lab spans, as in the workshop. */
export const LAB_AZ_COUNT = 3;

/**
 * The workshop VPC: the CIDR cut into eighths, three public then three private (workshop: `cidrsubnet(cidr, 3,
 * k)` and `k+3`), one NAT gateway, DNS hostnames, load balancer subnet tags, flow logs, and a default security
 * group with no rules.
 */
export class LabVpc extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: LabVpcProps) {
    super(scope, id);
    const subnetMask = props.cidr.prefixLength + 3;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr.text),
      maxAzs: LAB_AZ_COUNT,
      // One NAT gateway for the whole lab, as the workshop (single_nat_gateway = true): a cost trade-off.
      natGateways: 1,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        {
          name: SUBNET_GROUPS.public,
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: subnetMask,
          mapPublicIpOnLaunch: false,
        },
        { name: SUBNET_GROUPS.private, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: subnetMask },
      ],
    });
    for (const subnet of this.vpc.publicSubnets) Tags.of(subnet).add('kubernetes.io/role/elb', '1');
    for (const subnet of this.vpc.privateSubnets) Tags.of(subnet).add('kubernetes.io/role/internal-elb', '1');

    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }
}
