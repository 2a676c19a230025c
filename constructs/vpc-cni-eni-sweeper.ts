import * as path from 'node:path';
import { type CfnResource, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { setOwnServiceTimeout } from './custom-resource-timeouts';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

export interface VpcCniEniSweeperProps {
  readonly vpc: ec2.IVpc;
  /** Only interfaces of this cluster (by tag, or by the VPC CNI's descriptions) are deleted. */
  readonly clusterName: string;
  /** How long a deletion waits for interfaces that are still attached. @default 8 minutes */
  readonly waitForDetach?: Duration;
}

export const ENI_SWEEPER_RESOURCE_TYPE = 'Custom::VpcCniEniSweeper';

/** Room between the handler's own give-up time and the function's timeout. */
const HANDLER_SLACK = Duration.minutes(2);
/** Room for the Provider framework between the function's timeout and CloudFormation's ServiceTimeout. */
const FRAMEWORK_SLACK = Duration.minutes(1);
/** The longest wait that keeps the function (wait + slack) under Lambda's 15-minute limit. */
const MAX_WAIT = Duration.minutes(12);

/**
 * On stack deletion, deletes the network interfaces the VPC CNI (`aws-K8S-*` secondary ENIs) and the VPC resource
 * controller (trunk and branch ENIs of security groups for pods) leave detached in the VPC, which would otherwise
 * make the subnet and security group deletions fail. Place it so that node groups depend on it (deleted first)
 * and it depends on the subnets and security groups (deleted after it).
 */
export class VpcCniEniSweeper extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: VpcCniEniSweeperProps) {
    super(scope, id);
    const waitForDetach = props.waitForDetach ?? Duration.minutes(8);
    if (waitForDetach.toSeconds() > MAX_WAIT.toSeconds()) {
      throw new Error(
        `${this.node.path}: waitForDetach must leave the 15-minute Lambda limit room (at most 12 minutes)`,
      );
    }
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Deletes leaked VPC CNI network interfaces of one VPC on stack deletion',
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeNetworkInterfaces'], resources: ['*'] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ec2:DeleteNetworkInterface'],
        resources: [Stack.of(this).formatArn({ service: 'ec2', resource: 'network-interface', resourceName: '*' })],
        conditions: {
          ArnEquals: {
            'ec2:Vpc': Stack.of(this).formatArn({ service: 'ec2', resource: 'vpc', resourceName: props.vpc.vpcId }),
          },
        },
      }),
    );
    // Deleted with the stack; the handler logs what it found and what it gave up on there.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);
    const handler = new lambda.Function(this, 'Handler', {
      description: 'Deletes leaked VPC CNI network interfaces on stack deletion',
      // The Python runtime aws-cdk-lib itself deploys its EKS handlers with (available in every commercial Region).
      runtime: lambda.Runtime.determineLatestPythonRuntime(this),
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, 'vpc-cni-eni-sweeper'), {
        exclude: ['test_*.py', '__pycache__'],
      }),
      // The handler gives up after waitForDetach and reports it; the function outlives that, and CloudFormation
      // (ServiceTimeout) outlives the function and the framework around it.
      timeout: waitForDetach.plus(HANDLER_SLACK),
      role,
      logGroup,
    });
    const provider = new cr.Provider(this, 'Provider', { onEventHandler: handler, logGroup });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: ENI_SWEEPER_RESOURCE_TYPE,
      properties: {
        VpcId: props.vpc.vpcId,
        ClusterName: props.clusterName,
        TimeoutSeconds: String(waitForDetach.toSeconds()),
      },
    });
    setOwnServiceTimeout(
      this.resource.node.defaultChild as CfnResource,
      waitForDetach.plus(HANDLER_SLACK).plus(FRAMEWORK_SLACK),
    );

    acknowledgeFinding(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeNetworkInterfaces supports no resource-level permissions; the delete statement is limited to interfaces in this VPC by the ec2:Vpc condition.',
    );
    acknowledgeFinding(
      role,
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:network-interface/*]',
      'Leaked interface ids are only known at deletion time; the ec2:Vpc condition confines the deletion to the lab VPC.',
    );
    acknowledgeManagedPolicies(
      provider,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The custom resource framework Lambda (aws-cdk-lib) only writes its own logs with this AWS managed policy.',
    );
    acknowledgeFinding(
      this,
      'AwsSolutions-L1',
      'Runtimes follow aws-cdk-lib: the handler uses the newest Python runtime aws-cdk-lib deploys its own EKS handlers with, and the framework Lambda the Node.js runtime aws-cdk-lib chooses.',
    );
    acknowledgeFinding(
      provider,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(handler.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      'The custom resource framework may invoke any version of its own handler function (the :* qualifier); the statement names that one function.',
    );
  }
}
