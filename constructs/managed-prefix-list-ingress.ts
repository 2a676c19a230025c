import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/** Construct id of the function aws-cdk-lib shares between all AwsCustomResources of a stack. */
const AWS_CUSTOM_RESOURCE_SINGLETON_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export interface ManagedPrefixListIngressProps {
  /** The security group that gets the inbound rules (a token is fine). */
  readonly securityGroupId: string;
  /**
   * Names of AWS-managed prefix lists, e.g. `com.amazonaws.<region>.vpc-lattice` (may contain the stack's region
   * token). Each name gets its own rule.
   */
  readonly prefixListNames: readonly string[];
  /** Rule description (EC2 allows 255 characters). */
  readonly description: string;
  /**
   * IP protocol of the rules; `-1` is every protocol and port (EC2 then ignores ports).
   * @default '-1'
   */
  readonly ipProtocol?: string;
  /** Ports when `ipProtocol` is tcp or udp. @default all ports of the protocol */
  readonly fromPort?: number;
  readonly toPort?: number;
}

/** Why the deploy fails in a Region that does not publish the list: the path is missing from the response. */
export const PREFIX_LIST_ID_PATH = 'PrefixLists.0.PrefixListId';

/**
 * Inbound rules from AWS-managed prefix lists, found by name at deploy time. Managed prefix list IDs differ per
 * Region and account (https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html),
 * so an environment-agnostic stack cannot know them at synth: an `AwsCustomResource` calls
 * `ec2:DescribeManagedPrefixLists` filtered on `prefix-list-name` in the stack's Region (with the Lambda runtime's
 * SDK, no npm install) and the rule references the ID it returns. A name the Region does not publish fails the
 * deployment (no `PrefixListId` in the response) instead of creating a rule that matches nothing.
 */
export class ManagedPrefixListIngress extends Construct {
  /** The prefix list IDs, by name (deploy-time tokens). */
  readonly prefixListIds: Readonly<Record<string, string>>;
  readonly rules: readonly ec2.CfnSecurityGroupIngress[];

  constructor(scope: Construct, id: string, props: ManagedPrefixListIngressProps) {
    super(scope, id);
    if (props.prefixListNames.length === 0)
      throw new Error('ManagedPrefixListIngress needs at least one prefix list name');
    const ids: Record<string, string> = {};
    const rules: ec2.CfnSecurityGroupIngress[] = [];
    props.prefixListNames.forEach((name, index) => {
      const call: cr.AwsSdkCall = {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: { Filters: [{ Name: 'prefix-list-name', Values: [name] }] },
        outputPaths: [PREFIX_LIST_ID_PATH],
        physicalResourceId: cr.PhysicalResourceId.fromResponse(PREFIX_LIST_ID_PATH),
      };
      const lookup = new cr.AwsCustomResource(this, `Lookup${index}`, {
        resourceType: 'Custom::ManagedPrefixListLookup',
        onCreate: call,
        onUpdate: call,
        installLatestAwsSdk: false,
        // DescribeManagedPrefixLists has no resource-level permissions: the action on `*` is the least it takes
        // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html).
        policy: cr.AwsCustomResourcePolicy.fromStatements([
          new iam.PolicyStatement({ actions: ['ec2:DescribeManagedPrefixLists'], resources: ['*'] }),
        ]),
      });
      const prefixListId = lookup.getResponseField(PREFIX_LIST_ID_PATH);
      ids[name] = prefixListId;
      rules.push(
        new ec2.CfnSecurityGroupIngress(this, `Rule${index}`, {
          groupId: props.securityGroupId,
          ipProtocol: props.ipProtocol ?? '-1',
          fromPort: props.fromPort,
          toPort: props.toPort,
          sourcePrefixListId: prefixListId,
          description: props.description,
        }),
      );
    });
    this.prefixListIds = ids;
    this.rules = rules;
    acknowledgeFinding(
      this,
      'AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeManagedPrefixLists has no resource-level permissions; the lookup function may call only that read-only action.',
    );
    const singleton = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON_ID);
    if (singleton) {
      acknowledgeManagedPolicies(
        singleton,
        ['service-role/AWSLambdaBasicExecutionRole'],
        'The aws-cdk-lib AwsCustomResource function only writes its own log group with this managed policy; its API permissions come from the per-call policies.',
      );
    }
  }
}
