import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { LabConfig } from '../config/lab-config';
import { SERVICE_IPV4_CIDR } from '../config/base-context-keys';
import { acknowledgeClusterInternals } from '../../constructs/cdk-internal-acknowledgements';
import { acknowledgeManagedPolicies } from '../../constructs/nag-acknowledgements';
import { kubectlLayerFor } from '../kubectl-layer';
import { eksAddonVersion } from '../third-party/eks-addon-versions';
import type { VpcCniConfiguration } from '../vpc-cni/vpc-cni-configuration';

/** The managed policy the EKS VPC resource controller needs on the cluster role to manage trunk and branch ENIs. */
export const VPC_RESOURCE_CONTROLLER_POLICY = 'AmazonEKSVPCResourceController';

export interface LabClusterProps {
  readonly config: LabConfig;
  readonly vpc: ec2.IVpc;
  readonly vpcCniConfiguration: VpcCniConfiguration;
}

/** Every control plane log type: the labs debug API calls, authentication and scheduling. */
const CONTROL_PLANE_LOGS = [
  eks.ClusterLoggingTypes.API,
  eks.ClusterLoggingTypes.AUDIT,
  eks.ClusterLoggingTypes.AUTHENTICATOR,
  eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
  eks.ClusterLoggingTypes.SCHEDULER,
];

/**
 * aws-eks-v2 puts the kubectl provider's functions in the cluster's private subnets whenever the endpoint has
 * private access (aws/aws-cdk#27055), even with the public endpoint open. Lambda then holds Hyperplane interfaces in
 * those subnets and the cluster security group, and releases them up to 20 minutes after the functions are deleted
 * (AWS Support); `cdk destroy` waits that long before it can delete the cluster and the subnets. The lab's endpoint
 * is public and private, so the functions reach the API server over the public endpoint from outside the VPC, and
 * the wait is gone. Trade-off: a lab that restricted the public endpoint to some CIDRs (the lab has no key for it)
 * would need the functions back in the VPC.
 */
function keepKubectlProviderOutOfVpc(cluster: eks.Cluster): void {
  const provider = cluster.kubectlProvider;
  if (!provider) return;
  for (const construct of provider.node.findAll()) {
    if (construct instanceof lambda.CfnFunction) construct.addPropertyDeletionOverride('VpcConfig');
  }
}

/**
 * The EKS cluster of the lab: private subnets, public and private endpoint, access entries (API mode), the
 * version-matched kubectl layer, control plane logs into a log group the stack owns (so `cdk destroy` deletes
 * it), the remote node and pod networks set at creation, and the managed add-ons that must exist before nodes.
 */
export class LabCluster extends Construct {
  readonly cluster: eks.Cluster;
  readonly vpcCniAddon: eks.Addon;
  readonly kubeProxyAddon: eks.Addon;
  readonly podIdentityAgentAddon: eks.IAddon;
  /** The kubectl/helm layer of the cluster's Kubernetes version (also for the lab's own kubectl handlers). */
  readonly kubectlLayer: lambda.ILayerVersion;
  private readonly kubernetesVersion: string;

  constructor(scope: Construct, id: string, props: LabClusterProps) {
    super(scope, id);
    const { config } = props;
    this.kubernetesVersion = config.kubernetesVersion.version;

    // EKS writes control plane logs to this name; creating it first gives it a retention and a removal policy.
    const controlPlaneLogs = new logs.LogGroup(this, 'ControlPlaneLogs', {
      logGroupName: `/aws/eks/${config.clusterName}/cluster`,
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.kubectlLayer = kubectlLayerFor(this, 'KubectlLayer', config.kubernetesVersion.version);
    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: config.clusterName,
      version: eks.KubernetesVersion.of(config.kubernetesVersion.version),
      vpc: props.vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      endpointAccess: eks.EndpointAccess.PUBLIC_AND_PRIVATE,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      defaultCapacity: 0,
      // Managed add-ons are installed explicitly below; no self-managed copies to take over.
      bootstrapSelfManagedAddons: false,
      // Humans get access through adminPrincipalArn, not as a side effect of who ran the deployment.
      bootstrapClusterCreatorAdminPermissions: false,
      serviceIpv4Cidr: SERVICE_IPV4_CIDR,
      clusterLogging: CONTROL_PLANE_LOGS,
      remoteNodeNetworks: [{ cidrs: [config.remoteNodeCidr.text] }],
      remotePodNetworks: [{ cidrs: [config.remotePodCidr.text] }],
      kubectlProviderOptions: { kubectlLayer: this.kubectlLayer },
    });
    this.cluster.node.addDependency(controlPlaneLogs);
    acknowledgeClusterInternals(this.cluster);
    keepKubectlProviderOutOfVpc(this.cluster);
    // The EKS VPC resource controller manages trunk and branch interfaces with this policy (EKS user guide,
    // security-groups-pods-deployment.html, step 2). It is on in every lab, not only with security-groups-for-pods:
    // removed when the module goes off, it would leave the role in the update phase, before the cleanup phase
    // deletes the SecurityGroupPolicy and waits for the branch interfaces, which the controller then cannot release.
    this.cluster.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(VPC_RESOURCE_CONTROLLER_POLICY));
    acknowledgeManagedPolicies(
      this.cluster.role,
      [VPC_RESOURCE_CONTROLLER_POLICY],
      'The EKS user guide requires this AWS managed policy on the cluster role for security groups for pods; AWS maintains it as the VPC resource controller changes, and it only manages network interfaces for the cluster.',
    );

    // Every add-on at the version EKS lists for the cluster's Kubernetes version (lib/third-party/eks-addon-versions.ts):
    // EKS never updates add-ons by itself, so a kubernetesVersion bump moves them after the control plane.
    const version = config.kubernetesVersion.version;
    this.vpcCniAddon = new eks.Addon(this, 'VpcCni', {
      cluster: this.cluster,
      addonName: 'vpc-cni',
      addonVersion: config.vpcCniVersion ?? eksAddonVersion('vpc-cni', version),
      configurationValues: Object.keys(props.vpcCniConfiguration).length > 0 ? props.vpcCniConfiguration : undefined,
    });
    this.kubeProxyAddon = new eks.Addon(this, 'KubeProxy', {
      cluster: this.cluster,
      addonName: 'kube-proxy',
      addonVersion: eksAddonVersion('kube-proxy', version),
    });
    this.podIdentityAgentAddon = this.cluster.eksPodIdentityAgent!;
    (this.podIdentityAgentAddon.node.defaultChild as eks.CfnAddon).addonVersion = eksAddonVersion(
      'eks-pod-identity-agent',
      version,
    );
    for (const addon of [this.vpcCniAddon, this.kubeProxyAddon]) {
      // OVERWRITE: the add-on's configuration is the source of truth, even over a `kubectl set env` done by hand.
      (addon.node.defaultChild as eks.CfnAddon).resolveConflicts = 'OVERWRITE';
    }

    if (config.adminPrincipalArn) {
      this.cluster.grantClusterAdmin('AdminAccess', config.adminPrincipalArn);
    }

    new CfnOutput(Stack.of(this), 'ClusterName', { value: this.cluster.clusterName });
    new CfnOutput(Stack.of(this), 'UpdateKubeconfigCommand', {
      description: 'Configure kubectl for the lab cluster',
      value: `aws eks update-kubeconfig --name ${this.cluster.clusterName} --region ${Stack.of(this).region}`,
    });
  }

  /** CoreDNS runs as a Deployment, so its add-on only becomes healthy once nodes exist: install it after them. */
  addCoreDns(after: readonly Construct[]): eks.Addon {
    const coreDns = new eks.Addon(this, 'CoreDns', {
      cluster: this.cluster,
      addonName: 'coredns',
      addonVersion: eksAddonVersion('coredns', this.kubernetesVersion),
    });
    (coreDns.node.defaultChild as eks.CfnAddon).resolveConflicts = 'OVERWRITE';
    coreDns.node.addDependency(...after);
    return coreDns;
  }
}
