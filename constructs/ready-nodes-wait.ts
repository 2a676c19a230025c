import { type CfnResource, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { setOwnServiceTimeout } from './custom-resource-timeouts';
import { kubectlHandlerFunction } from './kubectl-handler-function';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/** CloudFormation type of the resource. */
export const READY_NODES_WAIT_RESOURCE_TYPE = 'Custom::ReadyNodesWait';

/** How often the wait polls the cluster. */
export const READY_NODES_POLL_INTERVAL = Duration.seconds(30);

/** Slack for the Provider framework's state machine around the wait's own total timeout. */
const FRAMEWORK_SLACK = Duration.minutes(5);

export interface ReadyNodesWaitProps {
  /** The cluster; its kubectl provider role (a cluster admin) runs the checks. */
  readonly cluster: eks.Cluster;
  /** The kubectl Lambda layer matching the cluster version. */
  readonly kubectlLayer: lambda.ILayerVersion;
  /** Node label selector, e.g. `eks.amazonaws.com/compute-type=hybrid`. */
  readonly labelSelector: string;
  /** How many matching nodes must be Ready. @default 1 */
  readonly count?: number;
  /** How long to wait before the deployment fails (the CloudFormation ServiceTimeout is set longer). */
  readonly timeout: Duration;
}

/**
 * A deploy-time wait until nodes selected by a label are Ready. Whatever depends on it is created only then: a pod
 * whose preferred affinity names nodes that do not exist yet is scheduled elsewhere and never moves, so workloads
 * meant for nodes that join during the deployment (an EKS hybrid node) must wait for them. On deletion it waits for
 * nothing. The last poll's log line (in the stack's log group of the is-complete function) says which nodes were
 * missing or NotReady and why.
 */
export class ReadyNodesWait extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: ReadyNodesWaitProps) {
    super(scope, id);
    const handler = (name: string, entry: string, timeout: Duration) =>
      kubectlHandlerFunction(this, name, {
        cluster: props.cluster,
        kubectlLayer: props.kubectlLayer,
        handler: `ready_nodes.${entry}`,
        description: `Waits until ${props.count ?? 1} node(s) with ${props.labelSelector} are Ready`,
        timeout,
      });
    const onEvent = handler('OnEvent', 'on_event', Duration.seconds(30));
    const isComplete = handler('IsComplete', 'is_complete', Duration.minutes(2));
    const framework = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: READY_NODES_POLL_INTERVAL,
      totalTimeout: props.timeout,
    });
    acknowledgeManagedPolicies(
      framework,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The custom resource framework functions only write their own log groups with this managed policy.',
    );
    const functionIds = this.node
      .findAll()
      .filter((construct): construct is lambda.CfnFunction => construct instanceof lambda.CfnFunction)
      .map((fn) => Stack.of(this).getLogicalId(fn));
    for (const id of functionIds) {
      acknowledgeFinding(
        framework,
        `AwsSolutions-IAM5[Resource::<${id}.Arn>:*]`,
        'The custom resource framework and its waiter may invoke any version of their own functions (the :* qualifier); the statement names that one function.',
      );
    }
    acknowledgeFinding(
      framework,
      'AwsSolutions-SF1',
      'The framework state machine only polls the is-complete function; every poll logs what it saw in that function log group.',
    );
    acknowledgeFinding(
      framework,
      'AwsSolutions-SF2',
      'X-Ray tracing of the framework state machine adds nothing to a wait that logs each poll.',
    );

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: framework.serviceToken,
      resourceType: READY_NODES_WAIT_RESOURCE_TYPE,
      properties: {
        ClusterName: props.cluster.clusterName,
        LabelSelector: props.labelSelector,
        Count: String(props.count ?? 1),
      },
    });
    setOwnServiceTimeout(this.resource.node.defaultChild as CfnResource, props.timeout.plus(FRAMEWORK_SLACK));
  }
}
