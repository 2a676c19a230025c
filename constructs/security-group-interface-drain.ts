import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface SecurityGroupInterfaceDrainProps {
  /** The groups to drain; the drain is deleted before them, so it runs first on `cdk destroy`. */
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  /**
   * Detached (`available`) interfaces with this tag that still use one of the groups are deleted; other
   * interfaces are only waited for.
   * @default no interface is deleted, only waited for
   */
  readonly deleteDetachedInterfacesTagged?: { readonly key: string; readonly value: string };
  /**
   * How long a deletion waits for the interfaces to go before it gives up (and lets the security group deletion
   * report what is left). Keep it below the custom resource's `ServiceTimeout`.
   * @default 8 minutes
   */
  readonly timeout?: Duration;
}

/** Custom resource type name, for tests and reports. */
export const SECURITY_GROUP_INTERFACE_DRAIN_TYPE = 'Custom::SecurityGroupInterfaceDrain';

/**
 * Inline handler (CloudFormation provides `cfnresponse` to inline Python functions). It never fails a deletion: at
 * worst it logs what still uses the groups after the timeout.
 */
export const SECURITY_GROUP_INTERFACE_DRAIN_HANDLER = `
import time
import boto3
import cfnresponse
from botocore.exceptions import ClientError

ec2 = boto3.client('ec2')


def interfaces(group_ids):
    found = []
    for page in ec2.get_paginator('describe_network_interfaces').paginate(
            Filters=[{'Name': 'group-id', 'Values': group_ids}]):
        found.extend(page['NetworkInterfaces'])
    return found


def deletable(interface, props):
    key = props.get('DeleteDetachedTagKey')
    if not key or interface['Status'] != 'available':
        return False
    value = props.get('DeleteDetachedTagValue')
    return any(tag['Key'] == key and tag['Value'] == value for tag in interface.get('TagSet', []))


def drain(props, context):
    groups = props['SecurityGroupIds']
    budget = min(int(props['TimeoutSeconds']), context.get_remaining_time_in_millis() / 1000 - 30)
    deadline = time.time() + budget
    while True:
        left = interfaces(groups)
        if not left:
            return 'no network interface uses ' + ', '.join(groups)
        for interface in left:
            if deletable(interface, props):
                try:
                    ec2.delete_network_interface(NetworkInterfaceId=interface['NetworkInterfaceId'])
                    print('deleted detached interface ' + interface['NetworkInterfaceId'])
                except ClientError as error:
                    print('could not delete ' + interface['NetworkInterfaceId'] + ': ' + str(error))
        if time.time() >= deadline:
            return 'gave up waiting; still in use: ' + ', '.join(
                i['NetworkInterfaceId'] + ' (' + i['Status'] + ')' for i in left)
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
 * Holds the deletion of security groups until no network interface uses them. Interfaces that AWS services
 * create outside CloudFormation (the branch interfaces the EKS VPC resource controller makes for security groups
 * for pods, which it deletes only after a cool-down once their pod is gone) otherwise make the group's deletion
 * fail with DependencyViolation. Deploys one small Lambda function; does nothing on create or update.
 */
export class SecurityGroupInterfaceDrain extends Construct {
  readonly resource: CustomResource;
  readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: SecurityGroupInterfaceDrainProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(8);
    if (timeout.toSeconds() > 14 * 60) {
      throw new Error(
        `SecurityGroupInterfaceDrain ${id}: timeout must leave the 15-minute Lambda limit room (at most 14 minutes)`,
      );
    }
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.handler = new lambda.Function(this, 'Handler', {
      description: 'Waits, on stack deletion, until no network interface uses the given security groups',
      // CDK's choice of the newest Python runtime every Region offers.
      runtime: lambda.Runtime.determineLatestPythonRuntime(this),
      handler: 'index.handler',
      code: lambda.Code.fromInline(SECURITY_GROUP_INTERFACE_DRAIN_HANDLER),
      timeout: Duration.minutes(15),
      logGroup,
    });
    // DescribeNetworkInterfaces has no resource-level permissions.
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['ec2:DescribeNetworkInterfaces'], resources: ['*'] }),
    );
    const tag = props.deleteDetachedInterfacesTagged;
    if (tag) {
      const stack = Stack.of(this);
      this.handler.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ec2:DeleteNetworkInterface'],
          resources: [stack.formatArn({ service: 'ec2', resource: 'network-interface', resourceName: '*' })],
          conditions: { StringEquals: { [`aws:ResourceTag/${tag.key}`]: tag.value } },
        }),
      );
    }
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.functionArn,
      resourceType: SECURITY_GROUP_INTERFACE_DRAIN_TYPE,
      properties: {
        SecurityGroupIds: props.securityGroups.map((group) => group.securityGroupId),
        TimeoutSeconds: String(timeout.toSeconds()),
        ...(tag ? { DeleteDetachedTagKey: tag.key, DeleteDetachedTagValue: tag.value } : {}),
      },
    });
    // The role's policy must outlive the deletion call.
    this.resource.node.addDependency(this.handler);
  }
}
