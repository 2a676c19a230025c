import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

export interface VpcLatticeDrainProps {
  /** Wait until no VPC Lattice target group remains in this VPC. */
  readonly vpcId: string;
  /** Wait until no VPC Lattice service remains associated with this service network (ID or ARN). */
  readonly serviceNetworkId: string;
  /**
   * How long a deletion waits before it gives up (and lets the later deletions report what is left). Keep it
   * below the custom resource's `ServiceTimeout`.
   * @default 8 minutes
   */
  readonly timeout?: Duration;
}

/** Custom resource type name, for tests and reports. */
export const VPC_LATTICE_DRAIN_TYPE = 'Custom::VpcLatticeDrain';

/**
 * Inline handler (CloudFormation provides `cfnresponse` to inline Python functions). It never fails a deletion: at
 * worst it logs what is left after the timeout.
 */
export const VPC_LATTICE_DRAIN_HANDLER = `
import time
import boto3
import cfnresponse

lattice = boto3.client('vpc-lattice')


def left(props):
    groups = []
    for page in lattice.get_paginator('list_target_groups').paginate(vpcIdentifier=props['VpcId']):
        groups.extend(group['name'] for group in page['items'])
    services = []
    for page in lattice.get_paginator('list_service_network_service_associations').paginate(
            serviceNetworkIdentifier=props['ServiceNetworkId']):
        services.extend(association.get('serviceName', association['id']) for association in page['items'])
    return groups, services


def drain(props, context):
    budget = min(int(props['TimeoutSeconds']), context.get_remaining_time_in_millis() / 1000 - 30)
    deadline = time.time() + budget
    while True:
        groups, services = left(props)
        if not groups and not services:
            return 'no VPC Lattice target group in the VPC and no service in the service network'
        if time.time() >= deadline:
            return 'gave up waiting; target groups: ' + ', '.join(groups) + '; services: ' + ', '.join(services)
        time.sleep(15)


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

/**
 * Holds a deletion until the VPC Lattice resources that a controller creates outside CloudFormation are gone: the
 * target groups in a VPC and the services associated with a service network. The AWS Gateway API controller
 * deletes target groups asynchronously after their route (the workshop's cleanup waits up to 10 minutes for them,
 * then uninstalls the controller); objects that make Lattice resources depend on this resource and this resource
 * on the controller, so on `cdk destroy` it runs after the objects are gone and before the controller is removed.
 * Does nothing on create or update.
 */
export class VpcLatticeDrain extends Construct {
  readonly resource: CustomResource;
  readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: VpcLatticeDrainProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(8);
    if (timeout.toSeconds() > 14 * 60) {
      throw new Error(`VpcLatticeDrain ${id}: timeout must leave the 15-minute Lambda limit room (at most 14 minutes)`);
    }
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.handler = new lambda.Function(this, 'Handler', {
      description: 'Waits, on stack deletion, until no VPC Lattice target group or service association is left',
      runtime: lambda.Runtime.determineLatestPythonRuntime(this),
      handler: 'index.handler',
      code: lambda.Code.fromInline(VPC_LATTICE_DRAIN_HANDLER),
      timeout: Duration.minutes(15),
      logGroup,
    });
    // Both List actions take no resource-level permissions (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonvpclattice.html).
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['vpc-lattice:ListTargetGroups', 'vpc-lattice:ListServiceNetworkServiceAssociations'],
        resources: ['*'],
      }),
    );
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.functionArn,
      resourceType: VPC_LATTICE_DRAIN_TYPE,
      properties: {
        VpcId: props.vpcId,
        ServiceNetworkId: props.serviceNetworkId,
        TimeoutSeconds: String(timeout.toSeconds()),
      },
    });
    // The role's policy must outlive the deletion call.
    this.resource.node.addDependency(this.handler);
    acknowledgeManagedPolicies(
      this.handler,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The drain function only writes its own log group; AWSLambdaBasicExecutionRole is the minimal managed policy for that.',
    );
    acknowledgeFinding(
      this.handler,
      'AwsSolutions-IAM5[Resource::*]',
      'vpc-lattice:ListTargetGroups and ListServiceNetworkServiceAssociations are read-only list calls without resource-level permissions.',
    );
    acknowledgeFinding(
      this.handler,
      'AwsSolutions-L1',
      "The runtime is aws-cdk-lib's determineLatestPythonRuntime, the newest Python every Region offers; the handler uses only boto3 and cfnresponse.",
    );
  }
}
