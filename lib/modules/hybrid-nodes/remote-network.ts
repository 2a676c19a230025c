import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Ipv4Cidr, subdivide } from '../../config/ipv4-cidr';

/** The remote node subnet: the first /24 of the remote node network (workshop: `cidrsubnet(cidr, 8, 0)`). */
export function remoteNodeSubnetCidr(remoteNodeCidr: Ipv4Cidr): Ipv4Cidr {
  return remoteNodeCidr.prefixLength >= 24
    ? remoteNodeCidr
    : subdivide(remoteNodeCidr, 24 - remoteNodeCidr.prefixLength, 0);
}

export interface RemoteNetworkProps {
  readonly cidr: Ipv4Cidr;
  /** Prefix of the `Name` tags (`<cluster>-remote`). */
  readonly namePrefix: string;
}

/**
 * The simulated on-premises network of the workshop: a VPC on the remote node CIDR with DNS, one public subnet (the
 * first /24, first Availability Zone, public addresses on launch), an internet gateway and a route table whose
 * default route goes to it, and flow logs of rejected traffic.
 */
export class RemoteNetwork extends Construct {
  readonly vpc: ec2.Vpc;
  readonly subnet: ec2.ISubnet;
  readonly routeTableId: string;

  constructor(scope: Construct, id: string, props: RemoteNetworkProps) {
    super(scope, id);
    const subnetCidr = remoteNodeSubnetCidr(props.cidr);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr.text),
      maxAzs: 1,
      natGateways: 0,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        {
          name: 'RemotePublic',
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: subnetCidr.prefixLength,
          mapPublicIpOnLaunch: true,
        },
      ],
    });
    Tags.of(this.vpc).add('Name', `${props.namePrefix}-vpc`);
    this.subnet = this.vpc.publicSubnets[0];
    Tags.of(this.subnet).add('Name', `${props.namePrefix}-public`);
    this.routeTableId = this.subnet.routeTable.routeTableId;

    // Rejected flows, as in the lab VPC: where a packet between the networks is dropped shows up here.
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }
}
