import * as path from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsCliLayer } from 'aws-cdk-lib/lambda-layer-awscli';
import type { Construct } from 'constructs';
import { acknowledgeFinding } from './nag-acknowledgements';

/**
 * The directory of the lab's Python kubectl handlers (`constructs/kubectl-handlers`): one Lambda asset shared by
 * every construct that runs kubectl as the cluster's kubectl provider role, each with its own handler module.
 */
export const KUBECTL_HANDLERS_DIR = path.join(__dirname, 'kubectl-handlers');

export interface KubectlHandlerFunctionProps {
  readonly cluster: eks.Cluster;
  /** The kubectl Lambda layer matching the cluster version (`kubectl` at `/opt/kubectl`). */
  readonly kubectlLayer: lambda.ILayerVersion;
  /** `<module>.<function>` in the handlers directory. */
  readonly handler: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * A function of the lab's kubectl handlers, with the AWS CLI and kubectl layers, running as the cluster's kubectl
 * provider role (already a cluster admin through an access entry, so no second admin principal is created), outside
 * the VPC like the provider (the cluster's public endpoint). `scope` is ordered after the cluster's kubectl-ready
 * barrier, like every kubectl resource of aws-eks-v2.
 */
export function kubectlHandlerFunction(
  scope: Construct,
  id: string,
  props: KubectlHandlerFunctionProps,
): lambda.Function {
  const provider = eks.KubectlProvider.getKubectlProvider(scope, props.cluster);
  if (!provider?.role) throw new Error(`${scope.node.path}: the cluster has no kubectl provider role`);
  const awsCli =
    (scope.node.tryFindChild('AwsCliLayer') as lambda.ILayerVersion | undefined) ??
    new AwsCliLayer(scope, 'AwsCliLayer');
  const fn = new lambda.Function(scope, id, {
    description: props.description,
    runtime: lambda.Runtime.determineLatestPythonRuntime(scope),
    handler: props.handler,
    code: lambda.Code.fromAsset(KUBECTL_HANDLERS_DIR),
    layers: [awsCli, props.kubectlLayer],
    role: provider.role,
    timeout: props.timeout,
    memorySize: props.memorySize ?? 512,
    environment: { AWS_STS_REGIONAL_ENDPOINTS: 'regional', ...props.environment },
  });
  acknowledgeFinding(
    fn,
    'AwsSolutions-L1',
    "The runtime is aws-cdk-lib's determineLatestPythonRuntime, as for the aws-eks-v2 kubectl provider whose AWS CLI layer it shares.",
  );
  return fn;
}
