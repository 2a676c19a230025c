import { type CfnResource, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { setOwnServiceTimeout } from './custom-resource-timeouts';
import { kubectlHandlerFunction } from './kubectl-handler-function';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/** CloudFormation type of the resource. */
export const REMOTE_MANIFEST_RESOURCE_TYPE = 'Custom::RemoteKubernetesManifest';

/** Bounds of each step of the handler, passed to it as environment variables. */
export interface RemoteManifestLimits {
  readonly downloadAttempts: number;
  readonly downloadTimeoutSeconds: number;
  readonly kubectlTimeoutSeconds: number;
  readonly establishedTimeoutSeconds: number;
}

export const REMOTE_MANIFEST_LIMITS: RemoteManifestLimits = {
  downloadAttempts: 3,
  downloadTimeoutSeconds: 60,
  /** `--request-timeout` of every kubectl call (and the bound of `aws eks update-kubeconfig`). */
  kubectlTimeoutSeconds: 60,
  /** How long apply waits for the CRDs to be Established, and delete for the objects to go. */
  establishedTimeoutSeconds: 120,
};

/** Slack for the Lambda runtime and the Provider framework around the handler's own bounded steps. */
const HANDLER_SLACK = Duration.minutes(1);
const FRAMEWORK_SLACK = Duration.minutes(2);

/**
 * The longest a Create, Update or Delete can take with those bounds: every download attempt times out (with the
 * handler's 2 s x attempt back-off between them), then the login, the apply or delete, and the wait run to their limits.
 */
export function remoteManifestWorstCase(limits: RemoteManifestLimits = REMOTE_MANIFEST_LIMITS): Duration {
  const backoff = Array.from({ length: limits.downloadAttempts - 1 }, (_, index) => 2 * (index + 1)).reduce(
    (sum, seconds) => sum + seconds,
    0,
  );
  const downloads = limits.downloadAttempts * limits.downloadTimeoutSeconds + backoff;
  const login = limits.kubectlTimeoutSeconds;
  const applyOrDelete = limits.kubectlTimeoutSeconds + limits.establishedTimeoutSeconds;
  return Duration.seconds(downloads + login + applyOrDelete);
}

/** The function's timeout: the worst case plus slack, so the handler always reports its own failure. */
export const REMOTE_MANIFEST_FUNCTION_TIMEOUT = remoteManifestWorstCase().plus(HANDLER_SLACK);
/** The resource's CloudFormation ServiceTimeout: longer than the function and the framework around it. */
export const REMOTE_MANIFEST_SERVICE_TIMEOUT = REMOTE_MANIFEST_FUNCTION_TIMEOUT.plus(FRAMEWORK_SLACK);

export interface RemoteManifestProps {
  /** The cluster to apply to. It must have a kubectl provider: its role (cluster admin) runs the apply. */
  readonly cluster: eks.Cluster;
  /** The kubectl Lambda layer matching the cluster version (`kubectl` at `/opt/kubectl`). */
  readonly kubectlLayer: lambda.ILayerVersion;
  /** Stable name of the manifest (`gateway-api-standard`); changing the URL or checksum then updates in place. */
  readonly name: string;
  /** https URL of an immutable release asset (a YAML manifest). Read at deploy time, never at synth. */
  readonly url: string;
  /** Hex SHA-256 the file must have; a different file fails the deployment and nothing is applied. */
  readonly sha256: string;
  /**
   * Delete the manifest's objects when this resource is deleted (after everything that depends on it).
   * @default true
   */
  readonly deleteOnRemoval?: boolean;
}

/**
 * A Kubernetes manifest applied at deploy time from a pinned release URL, verified by SHA-256 before anything is
 * applied, without vendoring the file and without network access at synth. The kubectl provider of aws-eks-v2
 * only applies manifests inlined in the template, which a multi-hundred-kilobyte CRD bundle would not fit
 * (CloudFormation templates are limited to 1 MB; custom resource responses to 4 KB), so a small Python function
 * with the same kubectl and AWS CLI layers downloads, verifies and applies it (`kubectl apply --server-side`),
 * then waits until its CustomResourceDefinitions are Established.
 *
 * The function is one of the lab's kubectl handlers (constructs/kubectl-handler-function.ts).
 */
export class RemoteManifest extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: RemoteManifestProps) {
    super(scope, id);
    if (!/^[0-9a-f]{64}$/i.test(props.sha256))
      throw new Error(`RemoteManifest ${props.name}: sha256 must be 64 hex digits`);
    if (!props.url.startsWith('https://')) throw new Error(`RemoteManifest ${props.name}: url must be https`);
    const handler = kubectlHandlerFunction(this, 'Handler', {
      cluster: props.cluster,
      kubectlLayer: props.kubectlLayer,
      handler: 'remote_manifest.on_event',
      description: `Applies ${props.url} to the cluster after checking its SHA-256`,
      timeout: REMOTE_MANIFEST_FUNCTION_TIMEOUT,
      memorySize: 1024,
      environment: {
        DOWNLOAD_ATTEMPTS: String(REMOTE_MANIFEST_LIMITS.downloadAttempts),
        DOWNLOAD_TIMEOUT_SECONDS: String(REMOTE_MANIFEST_LIMITS.downloadTimeoutSeconds),
        KUBECTL_TIMEOUT_SECONDS: String(REMOTE_MANIFEST_LIMITS.kubectlTimeoutSeconds),
        ESTABLISHED_TIMEOUT_SECONDS: String(REMOTE_MANIFEST_LIMITS.establishedTimeoutSeconds),
      },
    });
    const framework = new cr.Provider(this, 'Provider', { onEventHandler: handler });
    acknowledgeManagedPolicies(
      framework,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The custom resource framework function only writes its own log group with this managed policy.',
    );
    const handlerId = Stack.of(this).getLogicalId(handler.node.defaultChild as lambda.CfnFunction);
    acknowledgeFinding(
      framework,
      `AwsSolutions-IAM5[Resource::<${handlerId}.Arn>:*]`,
      'The custom resource framework may invoke any version of its own handler function (the :* qualifier); the statement names that one function.',
    );

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: framework.serviceToken,
      resourceType: REMOTE_MANIFEST_RESOURCE_TYPE,
      properties: {
        ClusterName: props.cluster.clusterName,
        Name: props.name,
        Url: props.url,
        Sha256: props.sha256.toLowerCase(),
        DeleteOnRemoval: String(props.deleteOnRemoval ?? true),
      },
    });
    setOwnServiceTimeout(this.resource.node.defaultChild as CfnResource, REMOTE_MANIFEST_SERVICE_TIMEOUT);
  }
}
