import type { CfnResourceJson } from '../verify/cfn-template';

/** Typical time CloudFormation spends creating and deleting a resource, and where the figure comes from. */
export interface ResourceDuration {
  /** Seconds. */
  readonly create: number;
  readonly delete: number;
  readonly source: string;
}

const minutes = (value: number) => value * 60;
const ESTIMATE = 'lab estimate (no published figure)';

/**
 * Typical durations by resource type. Where no figure is published the value is the lab's estimate and says so;
 * an estimate is for planning, not a promise.
 */
export const RESOURCE_DURATIONS: Readonly<Record<string, ResourceDuration>> = {
  'AWS::EKS::Cluster': {
    create: minutes(12),
    delete: minutes(6),
    source: 'AWS::EKS::Cluster reference: creation "typically takes between 10 and 15 minutes"; delete: ' + ESTIMATE,
  },
  'AWS::EKS::Nodegroup': {
    create: minutes(4),
    delete: minutes(5),
    source:
      'EKS user guide: node group creation "takes several minutes"; delete drains then terminates (gruntwork-io/cloud-nuke#339)',
  },
  'AWS::EKS::Addon': { create: minutes(1), delete: minutes(1), source: ESTIMATE },
  'AWS::EKS::AccessEntry': { create: 10, delete: 10, source: ESTIMATE },
  'AWS::EKS::PodIdentityAssociation': { create: 10, delete: 10, source: ESTIMATE },
  'AWS::RDS::DBInstance': {
    create: minutes(8),
    delete: minutes(6),
    source: 'single-AZ db.t3 instance, no snapshot (hashicorp/terraform#32358 reports; lab estimate)',
  },
  'AWS::EC2::TransitGateway': {
    create: minutes(2),
    delete: minutes(2),
    source: 'terraform-provider-aws PR #6605 acceptance test (create and destroy in 95 s)',
  },
  'AWS::EC2::TransitGatewayAttachment': { create: minutes(4), delete: minutes(4), source: ESTIMATE },
  'AWS::EC2::TransitGatewayVpcAttachment': { create: minutes(4), delete: minutes(4), source: ESTIMATE },
  'AWS::EC2::NatGateway': {
    create: minutes(2),
    delete: minutes(1),
    source: 'kubernetes/kops PR #944 (pending to available in up to 5 minutes)',
  },
  'AWS::EC2::Instance': { create: minutes(1), delete: minutes(1), source: ESTIMATE },
  'AWS::EC2::VPC': { create: 20, delete: 20, source: ESTIMATE },
  'AWS::VpcLattice::ServiceNetworkVpcAssociation': { create: minutes(1), delete: minutes(1), source: ESTIMATE },
  'AWS::CloudFormation::Stack': { create: 30, delete: 30, source: 'nested stack overhead (lab estimate)' },
  'Custom::AWSCDK-EKS-HelmChart': { create: minutes(2), delete: minutes(1), source: ESTIMATE },
  'Custom::AWSCDK-EKS-KubernetesResource': { create: 30, delete: 30, source: ESTIMATE },
  'Custom::AWSCDK-EKS-KubernetesObjectValue': {
    create: minutes(3),
    delete: 5,
    source:
      'a load balancer or VPC Lattice service becoming reachable (workshop: the route DNS "may take 2-3 minutes")',
  },
  'Custom::RemoteKubernetesManifest': { create: minutes(1), delete: minutes(1), source: ESTIMATE },
  'Custom::ReadyNodesWait': {
    create: minutes(10),
    delete: 5,
    source: 'the host boots, installs nodeadm and joins (nodeadm install timeout 20 min, aws/eks-hybrid); lab estimate',
  },
  'Custom::VpcLatticeDrain': {
    create: 5,
    delete: minutes(5),
    source: 'workshop VPC Lattice cleanup: target groups "may take up to 10 minutes"',
  },
};

const DEFAULT_DURATION: ResourceDuration = { create: 20, delete: 20, source: ESTIMATE };

/**
 * A Lambda function in a VPC holds Hyperplane interfaces (shared by functions with the same subnets and security
 * groups) that Lambda releases minutes after the last such function is gone; until then the subnets and security
 * groups cannot be deleted (AWS Support: "may take up to 20 minutes", awslabs/aws-support-tools PR #174;
 * aws/aws-cdk#27055). Counted on the deletion of each subnet and security group a function's VpcConfig names.
 */
export const LAMBDA_INTERFACE_RELEASE: ResourceDuration = {
  create: 0,
  delete: minutes(20),
  source: 'AWS Support: Lambda VPC interfaces "may take up to 20 minutes to be deleted" (aws/aws-cdk#27055)',
};

/** The typical duration of one resource. */
export function durationOf(resource: CfnResourceJson): ResourceDuration {
  if (resource.Type === 'Custom::AWSCDK-EKS-HelmChart' && resource.Properties?.Wait !== true) {
    return { create: 30, delete: minutes(1), source: 'Helm install without --wait (lab estimate)' };
  }
  // A wait on a Secret ends when External Secrets has synced it (refresh within seconds of the ExternalSecret).
  if (resource.Type === 'Custom::AWSCDK-EKS-KubernetesObjectValue' && resource.Properties?.ObjectType === 'secret') {
    return { create: 30, delete: 5, source: 'External Secrets syncs a new ExternalSecret at once (lab estimate)' };
  }
  return RESOURCE_DURATIONS[resource.Type] ?? DEFAULT_DURATION;
}
