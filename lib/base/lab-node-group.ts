import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct, IDependable } from 'constructs';
import { ManagedNodeLaunchTemplate } from '../../constructs/managed-node-launch-template';
import { acknowledgeManagedPolicies } from '../../constructs/nag-acknowledgements';
import type { PlannedNodeGroup } from '../config/lab-plan-model';

export interface LabNodeGroupProps {
  readonly cluster: eks.ICluster;
  readonly plan: PlannedNodeGroup;
  /** The cluster's Kubernetes version: nodes follow the control plane when it is raised. */
  readonly kubernetesVersion: string;
  /**
   * The VPC CNI mode the nodes start in (`secondary-ips`, `prefix-delegation`, with `+custom-networking`). A change
   * makes a new launch template version, and EKS replaces the nodes in a rolling update: nodes keep the max pods and
   * pod subnets of the mode they started with ("the next AMI or launch template update", EKS user guide,
   * cni-increase-ip-addresses), so a mode switch needs new nodes, and switching custom networking off frees the pod
   * subnets their interfaces live in before those subnets are deleted.
   */
  readonly vpcCniMode: string;
  /** What must exist before the first node boots (at least the `vpc-cni` add-on with its configuration). */
  readonly after: readonly IDependable[];
  /** @default the cluster's private subnets */
  readonly subnets?: ec2.SubnetSelection;
}

/** Managed policies of a lab node role (workshop: the custom networking node role). */
/** Instance tag carrying the VPC CNI mode the nodes were launched in (see {@link LabNodeGroupProps.vpcCniMode}). */
export const VPC_CNI_MODE_TAG = 'eks-networking-lab/vpc-cni-mode';

export const NODE_ROLE_MANAGED_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonSSMManagedInstanceCore',
] as const;

/** The AL2023 AMI type for the instance type's architecture. */
export function amiTypeFor(plan: PlannedNodeGroup): eks.NodegroupAmiType {
  return plan.instanceType.architecture === 'arm64'
    ? eks.NodegroupAmiType.AL2023_ARM_64_STANDARD
    : eks.NodegroupAmiType.AL2023_X86_64_STANDARD;
}

/**
 * A managed node group as planned: AL2023 for the instance's architecture, its own node role, a launch
 * template with IMDSv2 and an encrypted root volume, created only after `after`.
 *
 * Max pods is not written into the nodes' user data: for a managed node group whose launch template has no AMI,
 * EKS computes kubelet maxPods from the VPC CNI configuration present when the node group is created (prefix
 * delegation and custom networking included, capped at 110/250) and that value takes precedence over any
 * NodeConfig of ours (EKS user guide, "Amazon EKS recommended maximum Pods for each Amazon EC2 instance type",
 * https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods). The plan's
 * `maxPods` states the value EKS will use; the stack outputs it and the live checks compare it with the nodes.
 */
export function addLabNodeGroup(scope: Construct, id: string, props: LabNodeGroupProps): eks.Nodegroup {
  const { plan } = props;
  const launchTemplate = new ManagedNodeLaunchTemplate(scope, `${id}LaunchTemplate`, {
    instanceTags: { [VPC_CNI_MODE_TAG]: props.vpcCniMode },
  });
  const nodeRole = new iam.Role(scope, `${id}NodeRole`, {
    description: `Nodes of the ${plan.name} managed node group`,
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    managedPolicies: NODE_ROLE_MANAGED_POLICIES.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
  });
  acknowledgeManagedPolicies(
    nodeRole,
    NODE_ROLE_MANAGED_POLICIES,
    'EKS worker node roles use the AWS managed node policies the EKS user guide prescribes ("Amazon EKS node IAM role"); AmazonSSMManagedInstanceCore replaces SSH with Session Manager.',
  );
  const nodeGroup = new eks.Nodegroup(scope, id, {
    cluster: props.cluster,
    nodegroupName: plan.nodegroupName,
    nodeRole,
    instanceTypes: [new ec2.InstanceType(plan.instanceType.name)],
    amiType: amiTypeFor(plan),
    minSize: plan.minSize,
    desiredSize: plan.desiredSize,
    maxSize: plan.maxSize,
    labels: { ...plan.labels },
    taints: plan.taints.map((taint) => ({ key: taint.key, value: taint.value, effect: eks.TaintEffect[taint.effect] })),
    subnets: props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    launchTemplateSpec: {
      id: launchTemplate.launchTemplate.launchTemplateId!,
      version: launchTemplate.launchTemplate.latestVersionNumber,
    },
    maxUnavailablePercentage: 50,
  });
  // aws-eks-v2 leaves Version unset (the node group keeps the version it was created with); EKS then refuses the
  // next control-plane upgrade until the nodes match. With Version set, a kubernetesVersion bump updates the control
  // plane first (the node group depends on the cluster), then rolls the nodes to the new version.
  (nodeGroup.node.defaultChild as eks.CfnNodegroup).version = props.kubernetesVersion;
  nodeGroup.node.addDependency(...props.after);
  return nodeGroup;
}
