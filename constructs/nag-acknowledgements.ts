import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding id for one AWS managed policy (AwsSolutions-IAM4 reports one finding per policy). */
export function managedPolicyFinding(policyName: string): string {
  return `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policyName}]`;
}

/**
 * Records why a cdk-nag AwsSolutions finding is accepted for `scope` and everything below it. The reason must
 * convince a security reviewer: what the resource is, and why the finding is acceptable for the lab.
 */
export function acknowledgeFinding(scope: IConstruct, findingId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: findingId, reason });
}

export function acknowledgeManagedPolicies(scope: IConstruct, policyNames: readonly string[], reason: string): void {
  for (const name of policyNames) acknowledgeFinding(scope, managedPolicyFinding(name), reason);
}

interface PolicyStatementJson {
  readonly Action?: string | readonly string[];
  readonly Resource?: string | readonly string[];
}

/**
 * Acknowledges the AwsSolutions-IAM5 wildcard findings of a published policy document (one finding per wildcard
 * action and resource), for policies that are adopted verbatim from a vendor's documentation.
 */
export function acknowledgePublishedPolicyWildcards(
  scope: IConstruct,
  document: { readonly Statement: readonly PolicyStatementJson[] },
  reason: string,
): void {
  const asList = (value: string | readonly string[] | undefined): readonly string[] =>
    value === undefined ? [] : typeof value === 'string' ? [value] : value;
  const findings = new Set<string>();
  for (const statement of document.Statement) {
    for (const action of asList(statement.Action))
      if (action.includes('*')) findings.add(`AwsSolutions-IAM5[Action::${action}]`);
    for (const resource of asList(statement.Resource))
      if (resource.includes('*')) findings.add(`AwsSolutions-IAM5[Resource::${resource}]`);
  }
  for (const finding of findings) acknowledgeFinding(scope, finding, reason);
}
