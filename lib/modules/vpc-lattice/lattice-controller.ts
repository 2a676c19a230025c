import { Aws, Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CLOUD_NODES_ONLY_AFFINITY } from '../../../manifests/cloud-node-affinity';
import { acknowledgeFinding } from '../../../constructs/nag-acknowledgements';
import { PodIdentityRole } from '../../../constructs/pod-identity-role';
import { AWS_GATEWAY_API_CONTROLLER_PART } from '../../third-party/aws-gateway-api-controller-part';
import type { PartDelivery } from '../../third-party/part-contract';

const part = AWS_GATEWAY_API_CONTROLLER_PART;
const delivery = part.delivery as Extract<PartDelivery, { type: 'helm-chart' }>;

/**
 * AWS Gateway API controller for Amazon VPC Lattice (its contract: lib/third-party/aws-gateway-api-controller-part.ts).
 * The workshop runs `helm install gateway-api-controller oci://public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller-chart
 * --version=v1.1.7 --namespace gateway-api-controller`; the lab installs the current line (see the contract for why).
 * The deployment is `gateway-api-controller-aws-gateway-controller-chart` with 2 replicas (the chart's default
 * `deployment.replicas`).
 *
 * aws-eks-v2's Helm handler pulls OCI charts itself: `helm pull <repository> --version <version> --untar` (logging
 * in to public ECR first), then installs the local directory; `repository` is the full OCI reference of the chart
 * and `version` its tag, while `chart` must still be set.
 */
export const LATTICE_CONTROLLER_CHART = {
  repository: delivery.repository,
  chart: delivery.chart,
  version: part.version.pinned,
  release: delivery.release,
  namespace: delivery.namespace,
  /** The chart creates this ServiceAccount (`serviceAccount.name` default); Pod Identity is associated with it. */
  serviceAccount: 'gateway-api-controller',
  /** `<release>-<chart>`, the workshop's expected Deployment. */
  deployment: `${delivery.release}-${delivery.chart}`,
  replicas: 2,
} as const;

/**
 * The controller's recommended IAM policy at the pinned tag
 * (https://github.com/aws/aws-application-networking-k8s/blob/v2.1.3/files/controller-installation/recommended-inline-policy.json):
 * one statement of actions without resource-level scoping or on resources the controller names at run time
 * (VPC Lattice, tagging of what it creates through the Resource Groups Tagging API, log deliveries of access log
 * policies, the ACM certificate list for HTTPS listeners), and service-linked role creation for exactly the VPC
 * Lattice and log delivery roles. The workshop's lab policy (`.workshop/terraform/main.tf`) predates tag writes
 * (`tag:TagResources`/`tag:UntagResources`, used since v1.1.7 by pkg/aws/services/tagging.go).
 */
export const LATTICE_CONTROLLER_ACTIONS = [
  'vpc-lattice:*',
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeTags',
  'ec2:DescribeSecurityGroups',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:DescribeLogGroups',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'tag:GetResources',
  'tag:TagResources',
  'tag:UntagResources',
  'firehose:TagDeliveryStream',
  's3:GetBucketPolicy',
  's3:PutBucketPolicy',
  'acm:ListCertificates',
] as const;

/** Statements of the recommended policy ({@link LATTICE_CONTROLLER_ACTIONS}, and the two service-linked roles). */
export function latticeControllerPolicyStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ManageVpcLattice',
      actions: [...LATTICE_CONTROLLER_ACTIONS],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'CreateVpcLatticeServiceLinkedRole',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [
        `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/vpc-lattice.amazonaws.com/AWSServiceRoleForVpcLattice`,
      ],
      conditions: { StringLike: { 'iam:AWSServiceName': 'vpc-lattice.amazonaws.com' } },
    }),
    new iam.PolicyStatement({
      sid: 'CreateLogDeliveryServiceLinkedRole',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [
        `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery`,
      ],
      conditions: { StringLike: { 'iam:AWSServiceName': 'delivery.logs.amazonaws.com' } },
    }),
  ];
}

export interface LatticeControllerProps {
  readonly cluster: eks.Cluster;
  readonly vpc: ec2.IVpc;
}

/**
 * The controller's Helm release and its AWS identity (EKS Pod Identity, recommended by the controller's deploy
 * guide: https://www.gateway-api-controller.eks.aws.dev/latest/guides/deploy/).
 *
 * Lab nodes require IMDSv2 with a hop limit of 1, so pods cannot read instance metadata and the controller would
 * not discover its Region, account, VPC or cluster; the chart takes them as values
 * (https://www.gateway-api-controller.eks.aws.dev/latest/guides/advanced-configurations/, "If your cluster cannot
 * access to IMDS, ensure to specify the configuration variables"; the workshop's `--set=aws.region` is not a key of
 * this chart, whose Region value is `awsRegion`).
 *
 * `defaultServiceNetwork` stays unset on purpose: the service network and its VPC association are CloudFormation
 * resources of this stack, and the controller maps the Gateway to the service network of the same name. The
 * controller's docs offer the two as alternatives ("specify DEFAULT_SERVICE_NETWORK ... or manage service
 * networks outside the cluster, using ... CDK, CloudFormation",
 * https://www.gateway-api-controller.eks.aws.dev/latest/api-types/gateway/); leaving it unset keeps one owner
 * for both resources, so the controller never creates an association CloudFormation does not know about.
 */
export class LatticeController extends Construct {
  readonly identity: PodIdentityRole;
  readonly chart: eks.HelmChart;

  constructor(scope: Construct, id: string, props: LatticeControllerProps) {
    super(scope, id);
    this.identity = new PodIdentityRole(this, 'Identity', {
      cluster: props.cluster,
      namespace: LATTICE_CONTROLLER_CHART.namespace,
      serviceAccount: LATTICE_CONTROLLER_CHART.serviceAccount,
      description: 'AWS Gateway API controller: manages VPC Lattice services, target groups and listeners',
    });
    for (const statement of latticeControllerPolicyStatements()) this.identity.role.addToPolicy(statement);
    acknowledgeFinding(
      this.identity.role,
      'AwsSolutions-IAM5[Action::vpc-lattice:*]',
      'The AWS Gateway API controller creates, updates and deletes VPC Lattice services, listeners, rules, target groups and associations named after routes at run time; vpc-lattice:* is the action set of the workshop policy and of the controller recommended policy.',
    );
    acknowledgeFinding(
      this.identity.role,
      'AwsSolutions-IAM5[Resource::*]',
      'The controller acts on VPC Lattice resources it creates at run time (unknown ARNs), tags them through the Resource Groups Tagging API, and calls ec2:Describe*, acm:ListCertificates and CloudWatch Logs delivery APIs, which have no resource-level permissions; service-linked role creation is scoped to two roles. This is the controller recommended policy.',
    );

    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster: props.cluster,
      repository: LATTICE_CONTROLLER_CHART.repository,
      chart: LATTICE_CONTROLLER_CHART.chart,
      version: LATTICE_CONTROLLER_CHART.version,
      release: LATTICE_CONTROLLER_CHART.release,
      namespace: LATTICE_CONTROLLER_CHART.namespace,
      // The lab creates the namespace as an object of the stack, so switching the release off deletes it too.
      createNamespace: false,
      // The workshop waits (`helm install --wait`) for 2/2 before creating the GatewayClass.
      wait: true,
      timeout: Duration.minutes(10),
      values: {
        awsRegion: Aws.REGION,
        awsAccountId: Aws.ACCOUNT_ID,
        clusterVpcId: props.vpc.vpcId,
        clusterName: props.cluster.clusterName,
        // Off hybrid nodes: Pod Identity is not available to it there (the contract's placement).
        deployment: { replicas: LATTICE_CONTROLLER_CHART.replicas, affinity: CLOUD_NODES_ONLY_AFFINITY },
        serviceAccount: { create: true, name: LATTICE_CONTROLLER_CHART.serviceAccount },
      },
    });
    // The Pod Identity association exists before the controller's pods ask for credentials.
    this.chart.node.addDependency(this.identity.association, this.identity.role);
  }
}
