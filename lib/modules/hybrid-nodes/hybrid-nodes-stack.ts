import { NestedStack, type NestedStackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { bootScriptFingerprint, type HybridNodeBootScriptProps } from './hybrid-node-boot-script';
import { HybridNodeRole } from './hybrid-node-role';
import { RemoteNetwork } from './remote-network';
import { acknowledgeManagedPolicies } from '../../../constructs/nag-acknowledgements';
import { SsmHybridActivation } from '../../../constructs/ssm-hybrid-activation';
import { TransitGatewayLink } from '../../../constructs/transit-gateway-link';
import { isModuleEnabled } from '../../config/lab-config';
import type { LabFoundation } from '../../lab-foundation';

/** Ubuntu 24.04 amd64 (gp3) AMI id, published by Canonical as a public SSM parameter (the workshop's host). */
export const UBUNTU_2404_AMD64_AMI_PARAMETER =
  '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
/** Construct ids of the two Transit Gateway attachments. */
export const ATTACHMENTS = { lab: 'LabVpcAttachment', remote: 'RemoteVpcAttachment' } as const;
/** Tag key the SSM activation (and so the registered node) carries, scoping `ssm:DeregisterManagedInstance`. */
export const ACTIVATION_SCOPE_TAG_KEY = 'EKSClusterARN';

export interface HybridNodesStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The EKS Hybrid Nodes lab's network and identity (workshop `manifests/modules/networking/eks-hybrid-nodes`): a
 * remote VPC and a Transit Gateway routed as the lab routes them, the hybrid node's security group, the Hybrid Nodes
 * IAM role, and an SSM hybrid activation that reaches the host only through a secret. It needs only the lab VPC, so it
 * is built while the cluster is created; what needs the cluster (its security group rules, the HYBRID_LINUX access
 * entry), the host, Cilium and the workloads are HybridNodesWorkloadsStack, created after it.
 */
export class HybridNodesStack extends NestedStack {
  readonly remoteNetwork: RemoteNetwork;
  readonly transitGateway: TransitGatewayLink;
  readonly hybridNodeRole: iam.Role;
  readonly activation: SsmHybridActivation;
  readonly nodeSecurityGroup: ec2.SecurityGroup;
  /** The host's EC2 identity (it only reads its activation). */
  readonly hostRole: iam.Role;
  /** The host's Ubuntu image and the inputs of its boot script. */
  readonly image: ec2.IMachineImage;
  readonly bootProps: Omit<HybridNodeBootScriptProps, 'activationSecretId'>;

  constructor(scope: Construct, id: string, props: HybridNodesStackProps) {
    super(scope, id, {
      description:
        'eks-networking-lab module hybrid-nodes: remote VPC, Transit Gateway, hybrid node identity and activation',
      ...props,
    });
    const { foundation } = props;
    const { config, vpc } = foundation;
    const namePrefix = config.clusterName;
    const remoteNodeCidr = config.remoteNodeCidr.text;
    const remotePodCidr = config.remotePodCidr.text;

    // --- Remote network and Transit Gateway (workshop .workshop/terraform/main.tf) ---
    this.remoteNetwork = new RemoteNetwork(this, 'RemoteNetwork', {
      cidr: config.remoteNodeCidr,
      namePrefix: `${namePrefix}-remote`,
    });
    const remote = this.remoteNetwork;
    // The lab VPC attaches in its public subnets, as the workshop does: one per Availability Zone, so every lab
    // subnet reaches the Transit Gateway in its own zone. Traffic arriving from the attachment is routed by the VPC's
    // local route whichever subnets hold the attachment, so public or private makes no difference to reachability;
    // the workshop's choice keeps its console and CLI views valid.
    this.transitGateway = new TransitGatewayLink(this, 'TransitGateway', {
      description: 'Transit Gateway for EKS Workshop Hybrid setup',
      name: `${namePrefix}-tgw`,
      vpcs: [
        { name: ATTACHMENTS.lab, vpcId: vpc.vpcId, subnetIds: vpc.publicSubnets.map((subnet) => subnet.subnetId) },
        { name: ATTACHMENTS.remote, vpcId: remote.vpc.vpcId, subnetIds: [remote.subnet.subnetId] },
      ],
    });
    const tgw = this.transitGateway;
    Tags.of(tgw.attachment(ATTACHMENTS.lab)).add('Name', `${namePrefix}-main-tgw-attachment`);
    Tags.of(tgw.attachment(ATTACHMENTS.remote)).add('Name', `${namePrefix}-remote-tgw-attachment`);

    // Every lab route table (public and private) sends the remote node and pod networks to the Transit Gateway.
    const labRouteTables = [
      ...new Set([...vpc.publicSubnets, ...vpc.privateSubnets].map((subnet) => subnet.routeTable.routeTableId)),
    ];
    labRouteTables.forEach((routeTableId, index) => {
      tgw.addVpcRoute(this, `LabToRemoteNodes${index + 1}`, {
        routeTableId,
        destination: remoteNodeCidr,
        vpc: ATTACHMENTS.lab,
      });
      tgw.addVpcRoute(this, `LabToRemotePods${index + 1}`, {
        routeTableId,
        destination: remotePodCidr,
        vpc: ATTACHMENTS.lab,
      });
    });
    // The remote route table returns lab VPC traffic through the Transit Gateway (the default route stays on the IGW).
    tgw.addVpcRoute(this, 'RemoteToLabVpc', {
      routeTableId: remote.routeTableId,
      destination: config.vpcCidr.text,
      vpc: ATTACHMENTS.remote,
    });
    // Pod addresses have no VPC of their own: the Transit Gateway sends them to the remote VPC statically.
    tgw.addStaticRoute('RemotePodsToRemoteVpc', { destination: remotePodCidr, vpc: ATTACHMENTS.remote });
    // With custom networking, cloud pods (CoreDNS among them) have secondary-CIDR addresses. Traffic from the hybrid
    // node to them needs the way back too (beyond the workshop, which never combines the two labs); a static route
    // does not depend on when the secondary CIDR is associated with the attached VPC.
    if (isModuleEnabled(config, 'custom-networking')) {
      tgw.addVpcRoute(this, 'RemoteToSecondaryCidr', {
        routeTableId: remote.routeTableId,
        destination: config.secondaryCidr.text,
        vpc: ATTACHMENTS.remote,
      });
      tgw.addStaticRoute('SecondaryCidrToLabVpc', { destination: config.secondaryCidr.text, vpc: ATTACHMENTS.lab });
    }

    // --- Security groups (workshop: hybrid-nodes-sg without SSH; the cluster group rules are in the workloads stack) ---
    this.nodeSecurityGroup = new ec2.SecurityGroup(this, 'HybridNodeSecurityGroup', {
      vpc: remote.vpc,
      description: 'Security group for hybrid EKS nodes',
      allowAllOutbound: true,
    });
    this.nodeSecurityGroup.addIngressRule(
      ec2.Peer.ipv4(config.vpcCidr.text),
      ec2.Port.allTraffic(),
      'All traffic from the lab VPC',
    );
    this.nodeSecurityGroup.addIngressRule(
      ec2.Peer.ipv4(remotePodCidr),
      ec2.Port.tcp(443),
      'HTTPS from the hybrid node pods',
    );

    // --- Identity: Hybrid Nodes IAM role, access entry, SSM activation ---
    // The cluster's ARN from its name, not from the cluster resource: this stack then starts as soon as the lab VPC
    // exists and builds the remote network while the control plane is created.
    const clusterArn = this.formatArn({ service: 'eks', resource: 'cluster', resourceName: config.clusterName });
    const scopeTag = { key: ACTIVATION_SCOPE_TAG_KEY, value: clusterArn };
    this.hybridNodeRole = new HybridNodeRole(this, 'HybridNodeRole', { clusterArn, scopeTag }).role;

    // The host's own (EC2) identity only reads its activation. Session Manager reaches the host through its SSM
    // hybrid registration (`mi-...`, the Hybrid Nodes role has AmazonSSMManagedInstanceCore), as it would on premises.
    const hostRole = (this.hostRole = new iam.Role(this, 'HostRole', {
      description: 'Simulated on-premises host of the hybrid nodes lab: reads its SSM activation at boot',
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    }));
    const image = (this.image = ec2.MachineImage.fromSsmParameter(UBUNTU_2404_AMD64_AMI_PARAMETER, {
      os: ec2.OperatingSystemType.LINUX,
    }));
    const imageId = image.getImage(this).imageId;
    const bootProps = (this.bootProps = {
      clusterName: config.clusterName,
      region: this.region,
      kubernetesVersion: config.kubernetesVersion.version,
    });
    this.activation = new SsmHybridActivation(this, 'Activation', {
      role: this.hybridNodeRole,
      registrationLimit: 1,
      defaultInstanceName: `${namePrefix}-hybrid-node`,
      description: `${namePrefix} EKS hybrid node`,
      scopeTag,
      // A new AMI or boot script replaces the host, which then needs a fresh activation.
      generationInputs: {
        ImageId: imageId,
        BootScript: bootScriptFingerprint({ ...bootProps, activationSecretId: '<activation-secret>' }),
      },
      reader: hostRole,
    });

    // The Transit Gateway route table lookup runs in aws-cdk-lib's AwsCustomResource Lambda.
    acknowledgeManagedPolicies(
      this,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The Lambdas of aws-cdk-lib custom resources in this stack only write their own logs with this AWS managed policy.',
    );
  }
}
