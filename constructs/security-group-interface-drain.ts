import { type CustomResource, type Duration, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { addDeletionWait, DELETION_WAIT_ENTRY_POINT } from './deletion-wait';

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

/** The drain, run on deletion by the shared entry point of `deletion-wait.ts` (which never fails a deletion). */
const SECURITY_GROUP_INTERFACE_DRAIN_CODE = `
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
    const tag = props.deleteDetachedInterfacesTagged;
    const statements = [
      // DescribeNetworkInterfaces has no resource-level permissions.
      new iam.PolicyStatement({ actions: ['ec2:DescribeNetworkInterfaces'], resources: ['*'] }),
    ];
    const wildcardReasons: Record<string, string> = {
      'AwsSolutions-IAM5[Resource::*]':
        'ec2:DescribeNetworkInterfaces has no resource-level permissions; deletion is limited to interfaces with the given tag.',
    };
    if (tag) {
      statements.push(
        new iam.PolicyStatement({
          actions: ['ec2:DeleteNetworkInterface'],
          resources: [Stack.of(this).formatArn({ service: 'ec2', resource: 'network-interface', resourceName: '*' })],
          conditions: { StringEquals: { [`aws:ResourceTag/${tag.key}`]: tag.value } },
        }),
      );
      wildcardReasons[
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:network-interface/*]'
      ] =
        `Interface ids are not known before another service creates them; the statement is conditioned on the tag ${tag.key}=${tag.value}.`;
    }
    const wait = addDeletionWait(this, {
      description: 'Waits, on stack deletion, until no network interface uses the given security groups',
      resourceType: SECURITY_GROUP_INTERFACE_DRAIN_TYPE,
      code: SECURITY_GROUP_INTERFACE_DRAIN_CODE,
      properties: {
        SecurityGroupIds: props.securityGroups.map((group) => group.securityGroupId),
        ...(tag ? { DeleteDetachedTagKey: tag.key, DeleteDetachedTagValue: tag.value } : {}),
      },
      timeout: props.timeout,
      statements,
      wildcardReasons,
    });
    this.handler = wait.handler;
    this.resource = wait.resource;
  }
}

/** The whole inline handler (the drain and the shared entry point), for the handler's unit tests. */
export const SECURITY_GROUP_INTERFACE_DRAIN_HANDLER = `${SECURITY_GROUP_INTERFACE_DRAIN_CODE}${DELETION_WAIT_ENTRY_POINT}`;
