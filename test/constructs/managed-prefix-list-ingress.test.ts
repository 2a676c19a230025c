import { Aws, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ManagedPrefixListIngress, PREFIX_LIST_ID_PATH } from '../../constructs/managed-prefix-list-ingress';

const stack = new Stack();
const ingress = new ManagedPrefixListIngress(stack, 'Ingress', {
  securityGroupId: 'sg-0123456789abcdef0',
  prefixListNames: [`com.amazonaws.${Aws.REGION}.vpc-lattice`, `com.amazonaws.${Aws.REGION}.ipv6.vpc-lattice`],
  description: 'from Lattice',
});
const template = Template.fromStack(stack);

/** The serialized SDK calls of the lookups (`Fn::Join` of the call text and the Region reference). */
function lookupCalls(): string[] {
  return Object.values(template.findResources('Custom::ManagedPrefixListLookup')).map((resource) =>
    JSON.stringify(resource.Properties.Create),
  );
}

describe('ManagedPrefixListIngress', () => {
  test('looks each prefix list up by name at deploy time in the stack Region, with the runtime SDK', () => {
    const calls = lookupCalls();
    expect(calls).toHaveLength(2);
    for (const suffix of ['.vpc-lattice', '.ipv6.vpc-lattice']) {
      expect(
        calls.some(
          (call) =>
            call.includes('describeManagedPrefixLists') &&
            call.includes('prefix-list-name') &&
            call.includes('{"Ref":"AWS::Region"}') &&
            call.includes(`${suffix}\\"]`),
        ),
      ).toBe(true);
    }
    template.allResourcesProperties('Custom::ManagedPrefixListLookup', { InstallLatestAwsSdk: false });
  });

  test('lets the lookup function call only ec2:DescribeManagedPrefixLists', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Action: string }[],
    );
    expect(statements.map((statement) => statement.Action)).toEqual([
      'ec2:DescribeManagedPrefixLists',
      'ec2:DescribeManagedPrefixLists',
    ]);
  });

  test('allows every protocol from each list into the security group, by the ID the lookup returns', () => {
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    ingress.rules.forEach((rule, index) => {
      expect(stack.resolve(rule.sourcePrefixListId)).toEqual(
        stack.resolve(Object.values(ingress.prefixListIds)[index]),
      );
    });
    template.allResourcesProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: 'sg-0123456789abcdef0',
      IpProtocol: '-1',
      Description: 'from Lattice',
      SourcePrefixListId: { 'Fn::GetAtt': [Match.anyValue(), PREFIX_LIST_ID_PATH] },
    });
  });

  test('fails when no prefix list is named', () => {
    expect(
      () =>
        new ManagedPrefixListIngress(new Stack(), 'Empty', {
          securityGroupId: 'sg-1',
          prefixListNames: [],
          description: 'x',
        }),
    ).toThrow('ManagedPrefixListIngress needs at least one prefix list name');
  });
});
