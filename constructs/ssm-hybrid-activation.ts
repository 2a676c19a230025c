import * as path from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

export interface SsmHybridActivationProps {
  /** The IAM role the registered machines assume (trusted by `ssm.amazonaws.com`). */
  readonly role: iam.IRole;
  /** How many machines may register with one activation. */
  readonly registrationLimit: number;
  /** Base of the managed node name (a per-activation suffix is appended). */
  readonly defaultInstanceName: string;
  readonly description: string;
  /**
   * Tag put on the activation, and by SSM on every machine registered with it ("tags assigned to the activation
   * are automatically applied", SSM API reference, CreateActivation). The handler may deregister only machines
   * carrying it.
   */
  readonly scopeTag: { readonly key: string; readonly value: string };
  /**
   * Values whose change must produce a new activation, for example what replaces the machine that registers
   * (its AMI and boot script): a replaced machine cannot reuse a used-up or expired activation.
   */
  readonly generationInputs: Readonly<Record<string, string>>;
  /** Principals other than `reader` denied reading the secret. */
  readonly reader: iam.IRole;
}

/** Directory of the Lambda handler (plain JavaScript; deployed as is). */
export const SSM_HYBRID_ACTIVATION_HANDLER_DIR = path.join(__dirname, 'ssm-hybrid-activation');

/**
 * An AWS Systems Manager hybrid activation created at deploy time by a custom resource. Its id and code go
 * straight from the `CreateActivation` response into a Secrets Manager secret whose resource policy lets only the
 * `reader` role read it; they appear in no template, output, physical resource id or log. On delete (and when a
 * new generation replaces it) the handler deregisters the managed nodes registered with the activation and
 * deletes the activation. Sources: SSM user guide, "Create a hybrid activation to register nodes with Systems
 * Manager" (https://docs.aws.amazon.com/systems-manager/latest/userguide/hybrid-activation-managed-nodes.html);
 * EKS user guide, "Prepare credentials for hybrid nodes"
 * (https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-creds.html).
 */
export class SsmHybridActivation extends Construct {
  /** Holds `{"activationId": ..., "activationCode": ...}` once the custom resource ran. */
  readonly secret: secretsmanager.Secret;
  readonly resource: CustomResource;
  readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: SsmHybridActivationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: `${props.description}: SSM hybrid activation id and code (written at deploy time)`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Only the machine's role may read the activation, whatever other identity policies grant.
    this.secret.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': props.reader.roleArn } },
      }),
    );
    this.secret.grantRead(props.reader);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.handler = new lambda.Function(this, 'Handler', {
      description: 'Creates and deletes an SSM hybrid activation (SsmHybridActivation)',
      // Plain CommonJS with the AWS SDK v3 the Node.js runtimes ship (18 and later).
      runtime: lambda.determineLatestNodeRuntime(this),
      handler: 'index.handler',
      code: lambda.Code.fromAsset(SSM_HYBRID_ACTIVATION_HANDLER_DIR, { exclude: ['*.d.ts'] }),
      timeout: Duration.minutes(2),
      logGroup,
    });
    this.secret.grantWrite(this.handler);
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [props.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      }),
    );
    // No resource-level permissions for these (Service Authorization Reference, AWS Systems Manager).
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'ssm:CreateActivation',
          'ssm:DescribeActivations',
          'ssm:DeleteActivation',
          'ssm:DescribeInstanceInformation',
        ],
        resources: ['*'],
      }),
    );
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ssm:AddTagsToResource'],
        resources: ['*'],
        conditions: { StringEquals: { [`aws:RequestTag/${props.scopeTag.key}`]: props.scopeTag.value } },
      }),
    );
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ssm:DeregisterManagedInstance'],
        resources: [stack.formatArn({ service: 'ssm', resource: 'managed-instance', resourceName: '*' })],
        conditions: { StringEquals: { [`ssm:resourceTag/${props.scopeTag.key}`]: props.scopeTag.value } },
      }),
    );

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.handler,
      logGroup: new logs.LogGroup(this, 'ProviderLogs', {
        retention: logs.RetentionDays.ONE_WEEK,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::SsmHybridActivation',
      properties: {
        IamRoleName: props.role.roleName,
        RegistrationLimit: String(props.registrationLimit),
        DefaultInstanceName: props.defaultInstanceName,
        Description: props.description,
        Tags: [{ Key: props.scopeTag.key, Value: props.scopeTag.value }],
        SecretId: this.secret.secretArn,
        Generation: { ...props.generationInputs },
      },
    });
    // The handler's permissions must outlive the resource: it deregisters and deletes on stack deletion.
    this.resource.node.addDependency(this.handler);

    acknowledgeFinding(
      this.secret,
      'AwsSolutions-SMG4',
      'The secret holds a single-use SSM activation (registration limit 1, expiring after 24 hours); a new activation is written whenever the host is replaced, so rotation has nothing to rotate.',
    );
    acknowledgeFinding(
      this.handler,
      'AwsSolutions-IAM5[Resource::*]',
      'ssm:CreateActivation, DescribeActivations, DeleteActivation, DescribeInstanceInformation and AddTagsToResource (at creation, limited by the aws:RequestTag condition) take no resource ARNs the handler could know beforehand.',
    );
    acknowledgeFinding(
      this.handler,
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:managed-instance/*]',
      'Managed node ids are assigned at registration; the ssm:resourceTag condition limits deregistration to nodes registered with this activation (EKS user guide, Prepare credentials for hybrid nodes).',
    );
    acknowledgeManagedPolicies(
      this,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The handler and the custom resource framework Lambda only write their own logs with this AWS managed policy.',
    );
    acknowledgeFinding(
      this,
      'AwsSolutions-L1',
      'The handler uses the newest Node.js runtime aws-cdk-lib knows, and the framework Lambda the runtime aws-cdk-lib chooses; upgrading aws-cdk-lib moves both forward.',
    );
    acknowledgeFinding(
      provider,
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.handler.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      'The custom resource framework may invoke any version of its own handler function (the :* qualifier); the statement names that one function.',
    );
  }
}
