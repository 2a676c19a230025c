import { CfnResource, type IAspect, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct, IConstruct } from 'constructs';

export interface FunctionLogGroupsProps {
  readonly retention: logs.RetentionDays;
}

/** `AWS::Lambda::Function` resources written as raw CloudFormation by aws-cdk-lib's custom resource providers. */
const FUNCTION_TYPE = 'AWS::Lambda::Function';

/** Functions this aspect already pointed at a group (a property override cannot be read back; synth may repeat). */
const MARKED = new WeakSet<CfnResource>();

/**
 * Gives every Lambda function a log group the stack owns (retention set, deleted with the stack) and points the
 * function at it (`LoggingConfig.LogGroup`). Without it Lambda writes to `/aws/lambda/<function>`, a group it
 * creates outside the stack, which `cdk destroy` leaves behind with no retention: aws-cdk-lib's own functions (the
 * kubectl provider, custom resource frameworks, AwsCustomResource) do exactly that. Functions that already log to a
 * group of their own are left alone. The functions it visits write with their role's AWSLambdaBasicExecutionRole
 * (logs:CreateLogStream and logs:PutLogEvents on every group); a function with a role of its own must log to a group
 * its construct creates and grants.
 */
export class FunctionLogGroups implements IAspect {
  constructor(private readonly props: FunctionLogGroupsProps) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || node.cfnResourceType !== FUNCTION_TYPE || MARKED.has(node)) return;
    if (node instanceof lambda.CfnFunction) {
      const logging = node.loggingConfig as lambda.CfnFunction.LoggingConfigProperty | undefined;
      if (logging?.logGroup !== undefined) return;
    }
    const scope = node.node.scope as Construct;
    const group = new logs.LogGroup(scope, `${node.node.id}LogGroup`, {
      retention: this.props.retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    node.addPropertyOverride('LoggingConfig.LogGroup', group.logGroupName);
    MARKED.add(node);
  }
}
