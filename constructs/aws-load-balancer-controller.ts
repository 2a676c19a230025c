import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, type IDependable } from 'constructs';
import { CLOUD_NODES_ONLY_AFFINITY } from './cloud-node-affinity';
import { acknowledgePublishedPolicyWildcards } from './nag-acknowledgements';
import { PodIdentityRole } from './pod-identity-role';

/**
 * AWS Load Balancer Controller release, pinned. The eks-charts chart version follows the controller version from
 * 3.0.0 on (aws/eks-charts PR #1297).
 */
export const AWS_LOAD_BALANCER_CONTROLLER = {
  version: 'v3.2.2',
  chartVersion: '3.2.2',
  repository: 'https://aws.github.io/eks-charts',
  chart: 'aws-load-balancer-controller',
  namespace: 'kube-system',
  serviceAccount: 'aws-load-balancer-controller',
} as const;

/**
 * The IAM policy the controller publishes for that version (`docs/install/iam_policy.json` of
 * kubernetes-sigs/aws-load-balancer-controller), as shipped with aws-cdk-lib for its own AlbController.
 */
export function loadBalancerControllerPolicyJson(version: string): { Statement: object[] } {
  const cdkRoot = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  const file = path.join(cdkRoot, 'aws-eks-v2', 'lib', 'addons', `alb-iam_policy-${version}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { Statement: object[] };
}

export interface AwsLoadBalancerControllerProps {
  readonly cluster: eks.Cluster;
  /** What must exist before the controller's pods start (nodes, the Pod Identity agent). */
  readonly after: readonly IDependable[];
}

/**
 * The AWS Load Balancer Controller with AWS permissions from EKS Pod Identity. Region, VPC and cluster name are
 * given explicitly because nodes block pod access to IMDS (hop limit 1).
 */
export class AwsLoadBalancerController extends Construct {
  readonly chart: eks.HelmChart;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AwsLoadBalancerControllerProps) {
    super(scope, id);
    const identity = new PodIdentityRole(this, 'Identity', {
      cluster: props.cluster,
      namespace: AWS_LOAD_BALANCER_CONTROLLER.namespace,
      serviceAccount: AWS_LOAD_BALANCER_CONTROLLER.serviceAccount,
      description: `AWS Load Balancer Controller ${AWS_LOAD_BALANCER_CONTROLLER.version}`,
    });
    this.role = identity.role;
    const policyJson = loadBalancerControllerPolicyJson(AWS_LOAD_BALANCER_CONTROLLER.version);
    const policy = new iam.Policy(this, 'Policy', {
      document: iam.PolicyDocument.fromJson(policyJson),
      roles: [this.role],
    });
    acknowledgePublishedPolicyWildcards(
      policy,
      policyJson as never,
      `The AWS Load Balancer Controller ${AWS_LOAD_BALANCER_CONTROLLER.version} IAM policy as the controller publishes it: it creates load balancers, target groups and security groups whose names are not known in advance, and scopes writes by the elbv2.k8s.aws/cluster tag conditions.`,
    );

    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster: props.cluster,
      repository: AWS_LOAD_BALANCER_CONTROLLER.repository,
      chart: AWS_LOAD_BALANCER_CONTROLLER.chart,
      version: AWS_LOAD_BALANCER_CONTROLLER.chartVersion,
      release: 'aws-load-balancer-controller',
      namespace: AWS_LOAD_BALANCER_CONTROLLER.namespace,
      // Its webhooks must serve before any Service or Ingress it manages is created.
      wait: true,
      timeout: Duration.minutes(10),
      values: {
        clusterName: props.cluster.clusterName,
        region: Stack.of(this).region,
        vpcId: props.cluster.vpc.vpcId,
        serviceAccount: { create: true, name: AWS_LOAD_BALANCER_CONTROLLER.serviceAccount },
        affinity: CLOUD_NODES_ONLY_AFFINITY,
      },
    });
    this.chart.node.addDependency(identity.association, policy, ...props.after);
  }
}
