import type { CustomResource, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { addDeletionWait, DELETION_WAIT_ENTRY_POINT } from './deletion-wait';

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

/** The drain, run on deletion by the shared entry point of `deletion-wait.ts` (which never fails a deletion). */
const VPC_LATTICE_DRAIN_CODE = `
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
    const wait = addDeletionWait(this, {
      description: 'Waits, on stack deletion, until no VPC Lattice target group or service association is left',
      resourceType: VPC_LATTICE_DRAIN_TYPE,
      code: VPC_LATTICE_DRAIN_CODE,
      properties: { VpcId: props.vpcId, ServiceNetworkId: props.serviceNetworkId },
      timeout: props.timeout,
      statements: [
        // Both List actions take no resource-level permissions (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonvpclattice.html).
        new iam.PolicyStatement({
          actions: ['vpc-lattice:ListTargetGroups', 'vpc-lattice:ListServiceNetworkServiceAssociations'],
          resources: ['*'],
        }),
      ],
      wildcardReasons: {
        'AwsSolutions-IAM5[Resource::*]':
          'vpc-lattice:ListTargetGroups and ListServiceNetworkServiceAssociations are read-only list calls without resource-level permissions.',
      },
    });
    this.handler = wait.handler;
    this.resource = wait.resource;
  }
}

/** The whole inline handler (the drain and the shared entry point), for the handler's unit tests. */
export const VPC_LATTICE_DRAIN_HANDLER = `${VPC_LATTICE_DRAIN_CODE}${DELETION_WAIT_ENTRY_POINT}`;
