import { type CfnResource, CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { setOwnServiceTimeout } from './custom-resource-timeouts';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/**
 * The handler entry point shared by the deletion waits: the specific code defines `drain(props, context)`, run only
 * on Delete. It never fails a deletion (CloudFormation provides `cfnresponse` to inline Python functions): at worst
 * the drain logs what is left, and the deletion it protects reports it.
 */
export const DELETION_WAIT_ENTRY_POINT = `

def handler(event, context):
    physical_id = event.get('PhysicalResourceId') or event['LogicalResourceId']
    try:
        if event['RequestType'] == 'Delete':
            print(drain(event['ResourceProperties'], context))
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical_id)
    except Exception as error:
        print('error: ' + str(error))
        status = cfnresponse.SUCCESS if event['RequestType'] == 'Delete' else cfnresponse.FAILED
        cfnresponse.send(event, context, status, {}, physical_id, reason=str(error)[:200])
`;

export interface DeletionWaitProps {
  readonly description: string;
  readonly resourceType: string;
  /** Inline Python (under 4 KB with the entry point) that defines `drain(props, context)`. */
  readonly code: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly statements: readonly iam.PolicyStatement[];
  /** Why each wildcard resource of `statements` is acceptable (cdk-nag AwsSolutions-IAM5 finding id -> reason). */
  readonly wildcardReasons: Readonly<Record<string, string>>;
  /** @default 8 minutes; at most 14, to leave room under the 15-minute Lambda limit */
  readonly timeout?: Duration;
}

export interface DeletionWait {
  readonly handler: lambda.Function;
  readonly resource: CustomResource;
}

/**
 * A custom resource that does nothing on create or update and, on deletion, waits (up to `timeout`) until
 * resources made outside CloudFormation are gone. Created directly in `scope` (log group `Logs`, function
 * `Handler`, custom resource `Resource`), so the constructs that use it keep their own construct ids.
 */
export function addDeletionWait(scope: Construct, props: DeletionWaitProps): DeletionWait {
  const timeout = props.timeout ?? Duration.minutes(8);
  if (timeout.toSeconds() > 14 * 60) {
    throw new Error(`${scope.node.path}: timeout must leave the 15-minute Lambda limit room (at most 14 minutes)`);
  }
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: logs.RetentionDays.ONE_WEEK,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const handler = new lambda.Function(scope, 'Handler', {
    description: props.description,
    // CDK's choice of the newest Python runtime every Region offers.
    runtime: lambda.Runtime.determineLatestPythonRuntime(scope),
    handler: 'index.handler',
    code: lambda.Code.fromInline(`${props.code}${DELETION_WAIT_ENTRY_POINT}`),
    timeout: Duration.minutes(15),
    logGroup,
  });
  for (const statement of props.statements) handler.addToRolePolicy(statement);
  const resource = new CustomResource(scope, 'Resource', {
    serviceToken: handler.functionArn,
    resourceType: props.resourceType,
    properties: { ...props.properties, TimeoutSeconds: String(timeout.toSeconds()) },
  });
  // The role's policy must outlive the deletion call.
  resource.node.addDependency(handler);
  // The handler answers by `timeout` (its budget), well before CloudFormation gives up on the resource.
  setOwnServiceTimeout(resource.node.defaultChild as CfnResource, timeout.plus(Duration.minutes(2)));
  acknowledgeManagedPolicies(
    handler,
    ['service-role/AWSLambdaBasicExecutionRole'],
    'The deletion wait function only writes its own log group; AWSLambdaBasicExecutionRole is the minimal managed policy for that.',
  );
  for (const [finding, reason] of Object.entries(props.wildcardReasons)) acknowledgeFinding(handler, finding, reason);
  acknowledgeFinding(
    handler,
    'AwsSolutions-L1',
    "The runtime is aws-cdk-lib's determineLatestPythonRuntime, the newest Python every Region offers; the handler uses only boto3 and cfnresponse.",
  );
  return { handler, resource };
}
