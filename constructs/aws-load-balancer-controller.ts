import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, type IDependable } from 'constructs';
import type { HelmReleaseSpec } from './helm-release-spec';
import { acknowledgePublishedPolicyWildcards } from './nag-acknowledgements';
import { PodIdentityRole } from './pod-identity-role';

/** The controller's ServiceAccount (created by the chart, associated with the Pod Identity role). */
export const LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT = 'aws-load-balancer-controller';

/**
 * The IAM policy the controller publishes for a version (`docs/install/iam_policy.json` of
 * kubernetes-sigs/aws-load-balancer-controller), as shipped with aws-cdk-lib for its own AlbController.
 */
export function loadBalancerControllerPolicyJson(version: string): { Statement: object[] } {
  const cdkRoot = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  const file = path.join(cdkRoot, 'aws-eks-v2', 'lib', 'addons', `alb-iam_policy-${version}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { Statement: object[] };
}

export interface AwsLoadBalancerControllerProps {
  readonly cluster: eks.Cluster;
  /** The chart to install. */
  readonly chart: HelmReleaseSpec;
  /** The controller version (`v3.5.0`), named in the role's description. */
  readonly controllerVersion: string;
  /**
   * The version whose published IAM policy aws-cdk-lib ships (`alb-iam_policy-<version>.json`). The same as
   * `controllerVersion` unless the policy did not change since a version aws-cdk-lib ships.
   */
  readonly policyVersion: string;
  /** Pod affinity (e.g. to keep the controller off hybrid nodes). It replaces the chart's default anti-affinity. */
  readonly affinity: Readonly<Record<string, unknown>>;
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
      namespace: props.chart.namespace,
      serviceAccount: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT,
      description: `AWS Load Balancer Controller ${props.controllerVersion}`,
    });
    this.role = identity.role;
    const policyJson = loadBalancerControllerPolicyJson(props.policyVersion);
    const policy = new iam.Policy(this, 'Policy', {
      document: iam.PolicyDocument.fromJson(policyJson),
      roles: [this.role],
    });
    acknowledgePublishedPolicyWildcards(
      policy,
      policyJson as never,
      `The AWS Load Balancer Controller ${props.controllerVersion} IAM policy as the controller publishes it: it creates load balancers, target groups and security groups whose names are not known in advance, and scopes writes by the elbv2.k8s.aws/cluster tag conditions.`,
    );

    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster: props.cluster,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      release: props.chart.release,
      namespace: props.chart.namespace,
      // The release's namespace exists already (kube-system, or one the stack creates).
      createNamespace: false,
      // Its webhooks must serve before any Service or Ingress it manages is created.
      wait: true,
      timeout: Duration.minutes(10),
      values: {
        clusterName: props.cluster.clusterName,
        region: Stack.of(this).region,
        vpcId: props.cluster.vpc.vpcId,
        serviceAccount: { create: true, name: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT },
        affinity: props.affinity,
      },
    });
    this.chart.node.addDependency(identity.association, policy, ...props.after);
  }
}
