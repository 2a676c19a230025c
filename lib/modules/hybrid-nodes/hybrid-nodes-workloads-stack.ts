import { Annotations, Duration, NestedStack, type NestedStackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { hybridNodeBootScript } from './hybrid-node-boot-script';
import { ciliumValues, kyvernoValues } from './hybrid-nodes-helm-values';
import { hybridNodesIngressEnabled } from './hybrid-nodes-ingress';
import { cloudBurstingReplicas, deploysCloudBursting, deploysNginxRemote } from './hybrid-nodes-stage';
import type { HybridNodesStack } from './hybrid-nodes-stack';
import { remoteNodeSubnetCidr } from './remote-network';
import { acknowledgeManagedPolicies } from '../../../constructs/nag-acknowledgements';
import { deployChart } from '../../../constructs/chart-manifest';
import { ReadyNodesWait } from '../../../constructs/ready-nodes-wait';
import { SimulatedOnPremHost } from '../../../constructs/simulated-on-prem-host';
import { CloudBurstingChart } from '../../../manifests/hybrid-nodes/cloud-bursting-chart';
import { NginxRemoteChart } from '../../../manifests/hybrid-nodes/nginx-remote-chart';
import { NginxRemoteIngressChart } from '../../../manifests/hybrid-nodes/nginx-remote-ingress-chart';
import { PodDeletionCostPolicyChart } from '../../../manifests/hybrid-nodes/pod-deletion-cost-policy-chart';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../../../manifests/well-known-labels';
import { kubectlLayerFor } from '../../kubectl-layer';
import type { LabFoundation } from '../../lab-foundation';
import { CILIUM_PART } from '../../third-party/cilium-part';
import { helmReleaseOf } from '../../third-party/helm-release-of';
import { KYVERNO_PART } from '../../third-party/kyverno-part';

/** Root device of the Ubuntu cloud images. */
export const UBUNTU_ROOT_DEVICE = '/dev/sda1';

/**
 * How long the deployment waits for the hybrid node to be Ready: the host boots, installs the AWS CLI and nodeadm,
 * runs `nodeadm install` (containerd, kubelet, the SSM agent: several minutes) and `nodeadm init`, then Cilium
 * starts on it. The workshop waits 2 minutes after installing Cilium on a node that has already joined.
 */
export const HYBRID_NODE_READY_TIMEOUT = Duration.minutes(30);

/** Warning id when the lab's Ingress is left out because the AWS Load Balancer Controller is off. */
export const INGRESS_SKIPPED_WARNING = 'hybrid-nodes:ingress-skipped';

export interface HybridNodesWorkloadsStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
  /** The remote network, the Transit Gateway, the hybrid node's identity and activation. */
  readonly network: HybridNodesStack;
}

/**
 * The hybrid nodes lab on the cluster: the EC2 instance playing the on-premises host (it joins at boot), Cilium on
 * it, a deploy-time wait until it is Ready, and the workloads of the stage: none (node-joined), nginx-remote and its
 * Ingress (remote-workloads), or Kyverno, its policy and the cloud-bursting Deployment (cloud-bursting). Created
 * after the module's network stack (which needs only the lab VPC and the cluster, so the Transit Gateway is built
 * while the cluster is still starting). It does not wait for the retail app: the app's pods and the controllers keep
 * off hybrid nodes by affinity.
 */
export class HybridNodesWorkloadsStack extends NestedStack {
  readonly accessEntry: eks.AccessEntry;
  readonly host: SimulatedOnPremHost;
  readonly cilium: eks.HelmChart;
  /** Deploy-time wait until the hybrid node is Ready (registered, and Cilium runs on it). */
  readonly hybridNodeReady: ReadyNodesWait;
  /** Stage remote-workloads: namespace nginx-remote, its Deployment and Service. */
  readonly nginxRemote?: eks.KubernetesManifest;
  /** Stage remote-workloads with the Ingress enabled (hybridNodesIngressEnabled). */
  readonly ingress?: eks.KubernetesManifest;
  /** Stage cloud-bursting: Kyverno, its pod-deletion-cost ClusterPolicy and `nginx-deployment`. */
  readonly kyverno?: eks.HelmChart;
  readonly podDeletionCostPolicy?: eks.KubernetesManifest;
  readonly cloudBursting?: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: HybridNodesWorkloadsStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module hybrid-nodes: the hybrid node host, Cilium, the lab workloads',
      ...props,
    });
    const { foundation, network } = props;
    const { config, cluster } = foundation;
    const remote = network.remoteNetwork;
    const namePrefix = config.clusterName;
    const remotePodCidr = config.remotePodCidr.text;

    // --- What needs the cluster (workshop: node_from_remote_node, node_from_remote_pod, the HYBRID_LINUX entry) ---
    const clusterRules = [
      new ec2.CfnSecurityGroupIngress(this, 'ClusterFromRemoteNodes', {
        groupId: cluster.clusterSecurityGroupId,
        ipProtocol: '-1',
        cidrIp: remoteNodeSubnetCidr(config.remoteNodeCidr).text,
        description: 'All traffic from the hybrid node subnet',
      }),
      new ec2.CfnSecurityGroupIngress(this, 'ClusterFromRemotePods', {
        groupId: cluster.clusterSecurityGroupId,
        ipProtocol: '-1',
        cidrIp: remotePodCidr,
        description: 'All traffic from the hybrid node pods',
      }),
    ];
    // HYBRID_LINUX entries take no access policies: EKS gives the node its Kubernetes permissions.
    this.accessEntry = new eks.AccessEntry(this, 'HybridNodeAccessEntry', {
      cluster,
      principal: network.hybridNodeRole.roleArn,
      accessEntryType: eks.AccessEntryType.HYBRID_LINUX,
      accessPolicies: [],
    });

    const userData = ec2.UserData.custom(
      hybridNodeBootScript({ ...network.bootProps, activationSecretId: network.activation.secret.secretArn }),
    );
    this.host = new SimulatedOnPremHost(this, 'HybridNode', {
      vpc: remote.vpc,
      subnet: remote.subnet,
      securityGroup: network.nodeSecurityGroup,
      instanceType: config.hybridNodes.instanceType.name,
      machineImage: network.image,
      rootDeviceName: UBUNTU_ROOT_DEVICE,
      role: network.hostRole,
      userData,
    });
    Tags.of(this.host.instance).add('Name', `${namePrefix}-hybrid-node-01`);
    // The host joins at boot: its activation and routes (the network stack), its access entry and the cluster rules
    // must exist first. On delete it goes first, so it is gone before its registration, the access entry and the cluster (the
    // Kubernetes Node `mi-...` is deleted with the cluster). Controllers that need Pod Identity keep off it by affinity.
    this.host.instance.node.addDependency(network, this.accessEntry, ...clusterRules);
    new ec2.CfnRoute(this, 'RemotePodsToHybridNode', {
      routeTableId: remote.routeTableId,
      destinationCidrBlock: remotePodCidr,
      networkInterfaceId: this.host.primaryNetworkInterfaceId,
    });
    // The primary interface lookup runs in aws-cdk-lib's AwsCustomResource Lambda.
    acknowledgeManagedPolicies(
      this,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The Lambdas of aws-cdk-lib custom resources in this stack only write their own logs with this AWS managed policy.',
    );

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

    // --- Workloads of the stage (hybridNodes.stage) ---
    const manifests = new Cdk8sApp();
    if (deploysNginxRemote(config)) {
      this.nginxRemote = deployChart(this, 'NginxRemote', {
        cluster,
        chart: new NginxRemoteChart(manifests, 'NginxRemote'),
      });
      this.nginxRemote.node.addDependency(this.hybridNodeReady.resource);
      this.ingress = this.nginxRemoteIngress(foundation, manifests, this.nginxRemote);
    }
    if (deploysCloudBursting(config)) {
      // Coming from remote-workloads, CloudFormation deletes nginx-remote only in its clean-up phase, after these
      // pods are placed: at the workshop's 3 replicas both fit on the host, and the later scale to 15 finds it free.
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
      this.cloudBursting = deployChart(this, 'CloudBursting', {
        cluster,
        chart: new CloudBurstingChart(manifests, 'CloudBursting', { replicas: cloudBurstingReplicas(config) }),
      });
      // The policy exists before any nginx-deployment pod is bound, so every pod the hybrid node takes is annotated
      // (Kyverno's pods keep off the hybrid node by affinity, so they need not wait for it).
      this.cloudBursting.node.addDependency(this.hybridNodeReady.resource, this.podDeletionCostPolicy);
    }
  }

  /** The lab's ALB Ingress of nginx-remote when enabled, else a note on why it is left out. */
  private nginxRemoteIngress(
    foundation: LabFoundation,
    manifests: Cdk8sApp,
    nginxRemote: eks.KubernetesManifest,
  ): eks.KubernetesManifest | undefined {
    const { config, cluster } = foundation;
    if (hybridNodesIngressEnabled(config)) {
      const controller = foundation.loadBalancerController;
      if (!controller)
        throw new Error(
          'hybrid-nodes: the Ingress needs the AWS Load Balancer Controller, which the base did not create',
        );
      const ingress = deployChart(this, 'NginxRemoteIngress', {
        cluster,
        chart: new NginxRemoteIngressChart(manifests, 'NginxRemoteIngress', { inboundCidrs: config.inboundCidrs }),
      });
      // Deleted before the controller, which then deletes the ALB; created after the namespace and Service.
      ingress.node.addDependency(controller, nginxRemote);
      return ingress;
    }
    if (config.hybridNodes.ingress === undefined) {
      // A note, not a warning: leaving the Ingress out is the documented default without exposeUi, and
      // `cdk synth --strict` must stay clean for it.
      Annotations.of(this).addInfo(
        `[${INGRESS_SKIPPED_WARNING}] hybrid-nodes: the ALB Ingress of nginx-remote is left out because ` +
          'exposeUi is off (no AWS Load Balancer Controller). Set exposeUi=true (and inboundCidrs) to include it, ' +
          'or hybridNodes.ingress=false to leave it out without this note.',
      );
    }
    return undefined;
  }
}
