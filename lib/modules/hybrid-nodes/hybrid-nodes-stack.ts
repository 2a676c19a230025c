import { Annotations, Duration, NestedStack, type NestedStackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { bootScriptFingerprint, hybridNodeBootScript, type HybridNodeBootScriptProps } from './hybrid-node-boot-script';
import { HybridNodeRole } from './hybrid-node-role';
import { ciliumValues, kyvernoValues } from './hybrid-nodes-helm-values';
import { hybridNodesIngressEnabled } from './hybrid-nodes-ingress';
import { RemoteNetwork, remoteNodeSubnetCidr } from './remote-network';
import { deployChart } from '../../../constructs/chart-manifest';
import { acknowledgeManagedPolicies } from '../../../constructs/nag-acknowledgements';
import { SimulatedOnPremHost } from '../../../constructs/simulated-on-prem-host';
import { ReadyNodesWait } from '../../../constructs/ready-nodes-wait';
import { SsmHybridActivation } from '../../../constructs/ssm-hybrid-activation';
import { TransitGatewayLink } from '../../../constructs/transit-gateway-link';
import { CloudBurstingChart } from '../../../manifests/hybrid-nodes/cloud-bursting-chart';
import { NginxRemoteChart } from '../../../manifests/hybrid-nodes/nginx-remote-chart';
import { NginxRemoteIngressChart } from '../../../manifests/hybrid-nodes/nginx-remote-ingress-chart';
import { PodDeletionCostPolicyChart } from '../../../manifests/hybrid-nodes/pod-deletion-cost-policy-chart';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../../../manifests/well-known-labels';
import { isModuleEnabled } from '../../config/lab-config';
import { kubectlLayerFor } from '../../kubectl-layer';
import { CILIUM_PART } from '../../third-party/cilium-part';
import { helmReleaseOf } from '../../third-party/helm-release-of';
import { KYVERNO_PART } from '../../third-party/kyverno-part';
import type { LabFoundation } from '../../lab-foundation';

/** Ubuntu 24.04 amd64 (gp3) AMI id, published by Canonical as a public SSM parameter (the workshop's host). */
export const UBUNTU_2404_AMD64_AMI_PARAMETER =
  '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
/** Root device of the Ubuntu cloud images. */
export const UBUNTU_ROOT_DEVICE = '/dev/sda1';
/** Construct ids of the two Transit Gateway attachments. */
export const ATTACHMENTS = { lab: 'LabVpcAttachment', remote: 'RemoteVpcAttachment' } as const;
/** Tag key the SSM activation (and so the registered node) carries, scoping `ssm:DeregisterManagedInstance`. */
export const ACTIVATION_SCOPE_TAG_KEY = 'EKSClusterARN';
/**
 * How long the deployment waits for the hybrid node to be Ready: the host boots, installs the AWS CLI and nodeadm,
 * runs `nodeadm install` (containerd, kubelet, the SSM agent: several minutes) and `nodeadm init`, then Cilium
 * starts on it. The workshop waits 2 minutes after installing Cilium on a node that has already joined.
 */
export const HYBRID_NODE_READY_TIMEOUT = Duration.minutes(30);
/** Warning id when the lab's Ingress is left out because the AWS Load Balancer Controller is off. */
export const INGRESS_SKIPPED_WARNING = 'hybrid-nodes:ingress-skipped';

export interface HybridNodesStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The EKS Hybrid Nodes lab (workshop `manifests/modules/networking/eks-hybrid-nodes`), joined with no manual step:
 * a remote VPC and a Transit Gateway routed as the lab routes them, an EC2 instance playing the on-premises host,
 * the Hybrid Nodes IAM role with an access entry of type HYBRID_LINUX, an SSM hybrid activation that reaches the
 * host only through a secret, Cilium on the hybrid node, and the lab's workloads.
 */
export class HybridNodesStack extends NestedStack {
  readonly remoteNetwork: RemoteNetwork;
  readonly transitGateway: TransitGatewayLink;
  readonly hybridNodeRole: iam.Role;
  readonly accessEntry: eks.AccessEntry;
  readonly activation: SsmHybridActivation;
  readonly host: SimulatedOnPremHost;
  readonly nodeSecurityGroup: ec2.SecurityGroup;
  readonly cilium: eks.HelmChart;
  /** Deploy-time wait until the hybrid node is Ready (registered, and Cilium runs on it). */
  readonly hybridNodeReady: ReadyNodesWait;
  readonly nginxRemote: eks.KubernetesManifest;
  readonly cloudBursting: eks.KubernetesManifest;
  readonly ingress?: eks.KubernetesManifest;
  readonly kyverno?: eks.HelmChart;
  readonly podDeletionCostPolicy?: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: HybridNodesStackProps) {
    super(scope, id, {
      description:
        'eks-networking-lab module hybrid-nodes: remote VPC, Transit Gateway, hybrid node joined by nodeadm, Cilium',
      ...props,
    });
    const { foundation } = props;
    const { config, cluster, vpc } = foundation;
    const namePrefix = config.clusterName;
    const remoteNodeCidr = config.remoteNodeCidr.text;
    const remotePodCidr = config.remotePodCidr.text;
    const remoteNodeSubnet = remoteNodeSubnetCidr(config.remoteNodeCidr).text;

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
    const routes: Construct[] = [];
    labRouteTables.forEach((routeTableId, index) => {
      routes.push(
        tgw.addVpcRoute(this, `LabToRemoteNodes${index + 1}`, {
          routeTableId,
          destination: remoteNodeCidr,
          vpc: ATTACHMENTS.lab,
        }),
      );
      routes.push(
        tgw.addVpcRoute(this, `LabToRemotePods${index + 1}`, {
          routeTableId,
          destination: remotePodCidr,
          vpc: ATTACHMENTS.lab,
        }),
      );
    });
    // The remote route table returns lab VPC traffic through the Transit Gateway (the default route stays on the IGW).
    routes.push(
      tgw.addVpcRoute(this, 'RemoteToLabVpc', {
        routeTableId: remote.routeTableId,
        destination: config.vpcCidr.text,
        vpc: ATTACHMENTS.remote,
      }),
    );
    // Pod addresses have no VPC of their own: the Transit Gateway sends them to the remote VPC statically.
    routes.push(tgw.addStaticRoute('RemotePodsToRemoteVpc', { destination: remotePodCidr, vpc: ATTACHMENTS.remote }));
    // With custom networking, cloud pods (CoreDNS among them) have secondary-CIDR addresses. Traffic from the hybrid
    // node to them needs the way back too (beyond the workshop, which never combines the two labs); a static route
    // does not depend on when the secondary CIDR is associated with the attached VPC.
    if (isModuleEnabled(config, 'custom-networking')) {
      routes.push(
        tgw.addVpcRoute(this, 'RemoteToSecondaryCidr', {
          routeTableId: remote.routeTableId,
          destination: config.secondaryCidr.text,
          vpc: ATTACHMENTS.remote,
        }),
      );
      routes.push(
        tgw.addStaticRoute('SecondaryCidrToLabVpc', { destination: config.secondaryCidr.text, vpc: ATTACHMENTS.lab }),
      );
    }

    // --- Security groups (workshop: node_from_remote_node, node_from_remote_pod, hybrid-nodes-sg without SSH) ---
    const clusterRules = [
      new ec2.CfnSecurityGroupIngress(this, 'ClusterFromRemoteNodes', {
        groupId: cluster.clusterSecurityGroupId,
        ipProtocol: '-1',
        cidrIp: remoteNodeSubnet,
        description: 'All traffic from the hybrid node subnet',
      }),
      new ec2.CfnSecurityGroupIngress(this, 'ClusterFromRemotePods', {
        groupId: cluster.clusterSecurityGroupId,
        ipProtocol: '-1',
        cidrIp: remotePodCidr,
        description: 'All traffic from the hybrid node pods',
      }),
    ];
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
    const scopeTag = { key: ACTIVATION_SCOPE_TAG_KEY, value: cluster.clusterArn };
    this.hybridNodeRole = new HybridNodeRole(this, 'HybridNodeRole', { clusterArn: cluster.clusterArn, scopeTag }).role;
    // HYBRID_LINUX entries take no access policies: EKS gives the node its Kubernetes permissions.
    this.accessEntry = new eks.AccessEntry(this, 'HybridNodeAccessEntry', {
      cluster,
      principal: this.hybridNodeRole.roleArn,
      accessEntryType: eks.AccessEntryType.HYBRID_LINUX,
      accessPolicies: [],
    });

    // The host's own (EC2) identity only reads its activation. Session Manager reaches the host through its SSM
    // hybrid registration (`mi-...`, the Hybrid Nodes role has AmazonSSMManagedInstanceCore), as it would on premises.
    const hostRole = new iam.Role(this, 'HostRole', {
      description: 'Simulated on-premises host of the hybrid nodes lab: reads its SSM activation at boot',
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    });
    const image = ec2.MachineImage.fromSsmParameter(UBUNTU_2404_AMD64_AMI_PARAMETER, {
      os: ec2.OperatingSystemType.LINUX,
    });
    const imageId = image.getImage(this).imageId;
    const bootProps: Omit<HybridNodeBootScriptProps, 'activationSecretId'> = {
      clusterName: config.clusterName,
      region: this.region,
      kubernetesVersion: config.kubernetesVersion.version,
    };
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

    const userData = ec2.UserData.custom(
      hybridNodeBootScript({ ...bootProps, activationSecretId: this.activation.secret.secretArn }),
    );
    this.host = new SimulatedOnPremHost(this, 'HybridNode', {
      vpc: remote.vpc,
      subnet: remote.subnet,
      securityGroup: this.nodeSecurityGroup,
      instanceType: config.hybridNodes.instanceType.name,
      machineImage: image,
      rootDeviceName: UBUNTU_ROOT_DEVICE,
      role: hostRole,
      userData,
    });
    Tags.of(this.host.instance).add('Name', `${namePrefix}-hybrid-node-01`);
    // The host joins at boot: its activation, access entry, routes and cluster rules must exist first. On delete
    // it goes first, so it is gone before its registration, the access entry and the cluster (the Kubernetes Node
    // `mi-...` is deleted with the cluster).
    this.host.instance.node.addDependency(this.activation.resource, this.accessEntry, ...routes, ...clusterRules);
    // Cloud-side workloads the base runs are scheduled before the hybrid node exists, so they stay on EC2 nodes
    // (the controller's pods have no Pod Identity agent and no IMDS on a hybrid node).
    for (const earlier of [foundation.loadBalancerController, foundation.secrets.chart]) {
      if (earlier) this.host.instance.node.addDependency(earlier);
    }
    new ec2.CfnRoute(this, 'RemotePodsToHybridNode', {
      routeTableId: remote.routeTableId,
      destinationCidrBlock: remotePodCidr,
      networkInterfaceId: this.host.primaryNetworkInterfaceId,
    });

    // --- Cilium on the hybrid node ---
    this.cilium = new eks.HelmChart(this, 'Cilium', {
      cluster,
      ...helmReleaseOf(CILIUM_PART),
      createNamespace: false,
      values: ciliumValues(remotePodCidr),
      // No wait: the operator is pending until the node registers, which CloudFormation cannot observe.
      wait: false,
      timeout: Duration.minutes(10),
    });
    this.cilium.node.addDependency(
      this.host.instance,
      ...foundation.releasePrerequisites(this, 'CiliumRelease', CILIUM_PART),
    );

    // The node registers NotReady (no CNI) once nodeadm init has run, minutes after the instance exists, and turns
    // Ready when the Cilium agent runs on it. The lab's workloads only prefer the hybrid node: created before it is
    // Ready, they would be scheduled on EC2 nodes and stay there. So they wait for it at deploy time.
    this.hybridNodeReady = new ReadyNodesWait(this, 'HybridNodeReady', {
      cluster,
      kubectlLayer: kubectlLayerFor(this, 'KubectlLayer', config.kubernetesVersion.version),
      labelSelector: `${COMPUTE_TYPE_LABEL}=${HYBRID_COMPUTE_TYPE}`,
      count: 1,
      timeout: HYBRID_NODE_READY_TIMEOUT,
    });
    this.hybridNodeReady.resource.node.addDependency(this.host.instance, this.cilium);

    // --- Workloads ---
    const manifests = new Cdk8sApp();
    this.nginxRemote = deployChart(this, 'NginxRemote', {
      cluster,
      chart: new NginxRemoteChart(manifests, 'NginxRemote'),
    });
    this.nginxRemote.node.addDependency(this.hybridNodeReady.resource);
    this.cloudBursting = deployChart(this, 'CloudBursting', {
      cluster,
      chart: new CloudBurstingChart(manifests, 'CloudBursting'),
    });
    this.cloudBursting.node.addDependency(this.hybridNodeReady.resource);

    if (hybridNodesIngressEnabled(config)) {
      const controller = foundation.loadBalancerController;
      if (!controller)
        throw new Error(
          'hybrid-nodes: the Ingress needs the AWS Load Balancer Controller, which the base did not create',
        );
      this.ingress = deployChart(this, 'NginxRemoteIngress', {
        cluster,
        chart: new NginxRemoteIngressChart(manifests, 'NginxRemoteIngress', { inboundCidrs: config.inboundCidrs }),
      });
      // Deleted before the controller, which then deletes the ALB; created after the namespace and Service.
      this.ingress.node.addDependency(controller, this.nginxRemote);

      this.kyverno = new eks.HelmChart(this, 'Kyverno', {
        cluster,
        ...helmReleaseOf(KYVERNO_PART),
        createNamespace: false,
        values: kyvernoValues(),
        // The policy is validated by Kyverno's webhook: wait until it serves (workshop: pods Ready first).
        wait: true,
        timeout: Duration.minutes(10),
      });
      this.kyverno.node.addDependency(...foundation.releasePrerequisites(this, 'KyvernoRelease', KYVERNO_PART));
      this.podDeletionCostPolicy = deployChart(this, 'PodDeletionCostPolicy', {
        cluster,
        chart: new PodDeletionCostPolicyChart(manifests, 'PodDeletionCostPolicy'),
      });
      this.podDeletionCostPolicy.node.addDependency(this.kyverno);
      // Kyverno runs before the host joins (its pods stay on EC2 nodes, leaving the hybrid node's CPU to nginx),
      // and the policy exists before any nginx pod is bound.
      this.host.instance.node.addDependency(this.kyverno);
      this.cloudBursting.node.addDependency(this.podDeletionCostPolicy);
      this.nginxRemote.node.addDependency(this.podDeletionCostPolicy);
    } else if (config.hybridNodes.ingress === undefined) {
      // A note, not a warning: leaving the Ingress out is the documented default without exposeUi, and
      // `cdk synth --strict` must stay clean for it.
      Annotations.of(this).addInfo(
        `[${INGRESS_SKIPPED_WARNING}] hybrid-nodes: the ALB Ingress of nginx-remote and the Kyverno pod-deletion-cost policy are left out because ` +
          'exposeUi is off (no AWS Load Balancer Controller). Set exposeUi=true (and inboundCidrs) to include them, ' +
          'or hybridNodes.ingress=false to leave them out without this note.',
      );
    }

    // The Transit Gateway route table and primary interface lookups share aws-cdk-lib's AwsCustomResource Lambda.
    acknowledgeManagedPolicies(
      this,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The Lambdas of aws-cdk-lib custom resources in this stack only write their own logs with this AWS managed policy.',
    );
  }
}
