import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface ManagedNodeLaunchTemplateProps {
  /**
   * Kubelet `maxPods` written into an AL2023 nodeadm NodeConfig.
   * @default none: the managed node group computes max pods itself
   */
  readonly maxPods?: number;
  /** Root volume size in GiB. @default 20, the managed node group default */
  readonly rootVolumeGiB?: number;
}

/** Root device name of the EKS-optimized AL2023 AMIs. */
export const AL2023_ROOT_DEVICE = '/dev/xvda';

/**
 * The MIME multi-part user data AL2023 managed nodes accept: a nodeadm `NodeConfig` document
 * (https://awslabs.github.io/amazon-eks-ami/nodeadm/). EKS merges it with the NodeConfig it generates for the
 * node group (cluster endpoint, CA, name), so only the settings we change are written.
 */
export function nodeConfigUserData(maxPods: number): string {
  const boundary = 'NODEADM';
  return [
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: application/node.eks.aws',
    '',
    '---',
    'apiVersion: node.eks.aws/v1alpha1',
    'kind: NodeConfig',
    'spec:',
    '  kubelet:',
    '    config:',
    `      maxPods: ${maxPods}`,
    '',
    `--${boundary}--`,
    '',
  ].join('\n');
}

/**
 * Launch template for a managed node group without a custom AMI: IMDSv2 required, an encrypted gp3 root
 * volume, and optionally an explicit kubelet max pods.
 */
export class ManagedNodeLaunchTemplate extends Construct {
  readonly launchTemplate: ec2.LaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeLaunchTemplateProps = {}) {
    super(scope, id);
    this.launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
      httpEndpoint: true,
      // Hop limit 2 is what EKS uses for managed nodes; every controller the lab runs is given its Region and
      // VPC explicitly and gets AWS credentials from EKS Pod Identity, not from the instance profile.
      httpPutResponseHopLimit: 2,
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
      userData: props.maxPods === undefined ? undefined : ec2.UserData.custom(nodeConfigUserData(props.maxPods)),
    });
  }
}
