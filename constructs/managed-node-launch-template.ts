import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface ManagedNodeLaunchTemplateProps {
  /** Root volume size in GiB. @default 20, the managed node group default */
  readonly rootVolumeGiB?: number;
  /**
   * Tags for the instances (in the launch template data, so a change makes a new launch template version and a
   * managed node group using it rolls its nodes). @default none
   */
  readonly instanceTags?: Readonly<Record<string, string>>;
}

/** Root device name of the EKS-optimized AL2023 AMIs. */
export const AL2023_ROOT_DEVICE = '/dev/xvda';

/**
 * Launch template for a managed node group that keeps the EKS-optimized AMI (no AMI ID here, so EKS still
 * generates the bootstrap NodeConfig and computes kubelet max pods from the VPC CNI configuration). It requires
 * IMDSv2 with a hop limit of 1, so pods cannot use the node's role (they get AWS permissions from EKS Pod
 * Identity; EKS security best practices, "Restrict the use of IMDS"), and encrypts the root volume.
 */
export class ManagedNodeLaunchTemplate extends Construct {
  readonly launchTemplate: ec2.LaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeLaunchTemplateProps = {}) {
    super(scope, id);
    this.launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
      httpEndpoint: true,
      httpPutResponseHopLimit: 1,
      blockDevices: [
        {
          deviceName: AL2023_ROOT_DEVICE,
          volume: ec2.BlockDeviceVolume.ebs(props.rootVolumeGiB ?? 20, {
            encrypted: true,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            deleteOnTermination: true,
          }),
        },
      ],
    });
    for (const [key, value] of Object.entries(props.instanceTags ?? {})) Tags.of(this.launchTemplate).add(key, value);
  }
}
