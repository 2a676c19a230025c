import { Aws, Duration } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { App as Cdk8sApp, Chart } from 'cdk8s';
import { Construct, type IDependable } from 'constructs';
import { deployChart } from './chart-manifest';
import { CLOUD_NODES_ONLY_AFFINITY } from '../manifests/cloud-node-affinity';
import type { HelmReleaseSpec } from './helm-release-spec';
import { PodIdentityRole } from './pod-identity-role';
import { AwsSecretsManagerClusterSecretStore } from '../manifests/external-secrets/cluster-secret-store';

/** The operator's ServiceAccount (created by the chart; the one that calls AWS, associated with Pod Identity). */
export const EXTERNAL_SECRETS_SERVICE_ACCOUNT = 'external-secrets';

export interface ExternalSecretsOperatorProps {
  readonly cluster: eks.Cluster;
  /** The chart to install; its namespace must exist first (give it in `after`). */
  readonly chart: HelmReleaseSpec;
  /** Name of the ClusterSecretStore backed by AWS Secrets Manager. */
  readonly storeName: string;
  /** Namespaces allowed to use the store. */
  readonly storeNamespaces: readonly string[];
  /** What must exist before the operator's pods start (the Pod Identity agent, the nodes). */
  readonly after: readonly IDependable[];
}

/**
 * Delivers AWS Secrets Manager secrets into Kubernetes Secrets at run time: the External Secrets Operator with
 * an EKS Pod Identity role that can read only the secrets granted to it, and one ClusterSecretStore. Secret
 * values never pass through CloudFormation, the kubectl provider or its logs.
 */
export class ExternalSecretsOperator extends Construct {
  readonly chart: eks.HelmChart;
  readonly store: eks.KubernetesManifest;
  readonly role: iam.Role;
  readonly storeName: string;

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorProps) {
    super(scope, id);
    this.storeName = props.storeName;
    const identity = new PodIdentityRole(this, 'Identity', {
      cluster: props.cluster,
      namespace: props.chart.namespace,
      serviceAccount: EXTERNAL_SECRETS_SERVICE_ACCOUNT,
      description: 'External Secrets Operator: reads the lab secrets it is granted from Secrets Manager',
    });
    this.role = identity.role;

    this.chart = new eks.HelmChart(this, 'Chart', {
      cluster: props.cluster,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      release: props.chart.release,
      namespace: props.chart.namespace,
      // The lab creates the namespace as an object of the stack, so switching the release off deletes it too.
      createNamespace: false,
      // Wait until the webhook is serving: the ClusterSecretStore below is validated by it.
      wait: true,
      timeout: Duration.minutes(10),
      values: {
        installCRDs: true,
        serviceAccount: { create: true, name: EXTERNAL_SECRETS_SERVICE_ACCOUNT },
        affinity: CLOUD_NODES_ONLY_AFFINITY,
        webhook: { affinity: CLOUD_NODES_ONLY_AFFINITY },
        certController: { affinity: CLOUD_NODES_ONLY_AFFINITY },
      },
    });
    this.chart.node.addDependency(identity.association, ...props.after);

    const manifests = new Cdk8sApp();
    const storeChart = new Chart(manifests, 'ClusterSecretStore');
    new AwsSecretsManagerClusterSecretStore(storeChart, 'Store', {
      name: props.storeName,
      region: Aws.REGION,
      namespaces: props.storeNamespaces,
    });
    this.store = deployChart(this, 'ClusterSecretStore', { cluster: props.cluster, chart: storeChart });
    this.store.node.addDependency(this.chart);
  }

  /** Lets the operator read a secret (GetSecretValue and DescribeSecret on that secret only). */
  grantRead(secret: secretsmanager.ISecret): void {
    secret.grantRead(this.role);
  }
}
