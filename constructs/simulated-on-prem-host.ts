import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './nag-acknowledgements';

export interface SimulatedOnPremHostProps {
  readonly vpc: ec2.IVpc;
  readonly subnet: ec2.ISubnet;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly instanceType: string;
  /**
   * The AMI, for example `ec2.MachineImage.fromSsmParameter(...)`: a public SSM parameter resolved by
   * CloudFormation at each deployment (a new AMI behind the parameter replaces the host at the next deployment).
   */
  readonly machineImage: ec2.IMachineImage;
  /** The instance role (trusted by `ec2.amazonaws.com`); grant it only what the host needs. */
  readonly role: iam.IRole;
  /** Root device name of the AMI (`/dev/sda1` for Ubuntu, `/dev/xvda` for Amazon Linux). */
  readonly rootDeviceName: string;
  /** @default 100 (GiB, the workshop's hybrid node) */
  readonly rootVolumeGiB?: number;
  /** Boot script; a change replaces the host, so the new script really runs. */
  readonly userData: ec2.UserData;
}

/** Response path of the primary network interface id (`DescribeNetworkInterfaces`, device index 0). */
export const PRIMARY_NETWORK_INTERFACE_PATH = 'NetworkInterfaces.0.NetworkInterfaceId';

/**
 * An EC2 instance that plays an on-premises machine: no key pair (operators connect through SSM Session Manager),
 * IMDSv2 required, an encrypted gp3 root volume, and the source/destination check off so it can receive traffic
 * for addresses that are not its own (pod addresses routed to it). It exposes the id of its primary network interface (device index 0), read at deploy time,
 * because CloudFormation does not return it and routes to the host must target it.
 */
export class SimulatedOnPremHost extends Construct {
  readonly instance: ec2.Instance;
  /** Id of the instance's primary network interface (a deploy-time value). */
  readonly primaryNetworkInterfaceId: string;

  constructor(scope: Construct, id: string, props: SimulatedOnPremHostProps) {
    super(scope, id);
    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      vpcSubnets: { subnets: [props.subnet] },
      securityGroup: props.securityGroup,
      instanceType: new ec2.InstanceType(props.instanceType),
      machineImage: props.machineImage,
      userData: props.userData,
      userDataCausesReplacement: true,
      role: props.role,
      httpTokens: ec2.HttpTokens.REQUIRED,
      httpEndpoint: true,
      sourceDestCheck: false,
      blockDevices: [
        {
          deviceName: props.rootDeviceName,
          volume: ec2.BlockDeviceVolume.ebs(props.rootVolumeGiB ?? 100, {
            encrypted: true,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            deleteOnTermination: true,
          }),
        },
      ],
    });

    const primaryInterface = new cr.AwsCustomResource(this, 'PrimaryNetworkInterface', {
      onUpdate: {
        service: 'EC2',
        action: 'describeNetworkInterfaces',
        parameters: {
          Filters: [
            { Name: 'attachment.instance-id', Values: [this.instance.instanceId] },
            { Name: 'attachment.device-index', Values: ['0'] },
          ],
        },
        // A replaced host has a new instance id: the lookup runs again and routes follow the new interface.
        physicalResourceId: cr.PhysicalResourceId.of(this.instance.instanceId),
        outputPaths: [PRIMARY_NETWORK_INTERFACE_PATH],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    this.primaryNetworkInterfaceId = primaryInterface.getResponseField(PRIMARY_NETWORK_INTERFACE_PATH);

    acknowledgeFinding(
      this.instance,
      'AwsSolutions-EC28',
      'A disposable lab host standing in for an on-premises machine; one-minute EC2 metrics would add cost and observe nothing the lab checks.',
    );
    acknowledgeFinding(
      this.instance,
      'AwsSolutions-EC29',
      'The host is replaced by design (a new AMI or boot script creates a new one) and deleted with the lab; termination protection would block both.',
    );
    acknowledgeFinding(
      primaryInterface,
      'AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeNetworkInterfaces supports no resource-level permissions; the lookup only reads.',
    );
  }
}
