import { type CfnResource, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { setOwnServiceTimeout } from './custom-resource-timeouts';
import { kubectlHandlerFunction } from './kubectl-handler-function';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/** CloudFormation type of the resource. */
export const CRD_CLEANUP_RESOURCE_TYPE = 'Custom::CrdCleanup';

/** `--request-timeout` of each kubectl call; the handler makes three (login, list, delete). */
const KUBECTL_TIMEOUT = Duration.seconds(60);
/** The handler's worst case plus a minute for the runtime; CloudFormation gets two more for the framework. */
const FUNCTION_TIMEOUT = Duration.seconds(3 * KUBECTL_TIMEOUT.toSeconds()).plus(Duration.minutes(1));

export interface CrdCleanupProps {
  readonly cluster: eks.Cluster;
  readonly kubectlLayer: lambda.ILayerVersion;
  /** API groups whose CustomResourceDefinitions are deleted (`elbv2.k8s.aws`). */
  readonly groups: readonly string[];
}

/**
 * Deletes the CustomResourceDefinitions of some API groups when it is deleted. Helm does not delete the CRDs of a
 * chart's `crds/` directory on uninstall, and controllers that create CRDs at run time leave theirs: make the Helm
 * release depend on this construct, and switching the part off removes its CRDs once the release is gone. Create
 * and update do nothing; a failed deletion is logged, never fatal.
 */
export class CrdCleanup extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: CrdCleanupProps) {
    super(scope, id);
    const handler = kubectlHandlerFunction(this, 'Handler', {
      cluster: props.cluster,
      kubectlLayer: props.kubectlLayer,
      handler: 'crd_cleanup.on_event',
      description: `Deletes the CRDs of ${props.groups.join(', ')} when the part is removed`,
      timeout: FUNCTION_TIMEOUT,
      environment: { KUBECTL_TIMEOUT_SECONDS: String(KUBECTL_TIMEOUT.toSeconds()) },
    });
    const framework = new cr.Provider(this, 'Provider', { onEventHandler: handler });
    acknowledgeManagedPolicies(
      framework,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The custom resource framework function only writes its own log group with this managed policy.',
    );
    acknowledgeFinding(
      framework,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(handler.node.defaultChild as CfnResource)}.Arn>:*]`,
      'The custom resource framework may invoke any version of its own handler function (the :* qualifier); the statement names that one function.',
    );
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: framework.serviceToken,
      resourceType: CRD_CLEANUP_RESOURCE_TYPE,
      properties: { ClusterName: props.cluster.clusterName, Groups: props.groups.join(',') },
    });
    setOwnServiceTimeout(this.resource.node.defaultChild as CfnResource, FUNCTION_TIMEOUT.plus(Duration.minutes(2)));
  }
}
