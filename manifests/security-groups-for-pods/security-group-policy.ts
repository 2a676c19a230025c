import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * API group and version of `SecurityGroupPolicy`, served by the EKS-managed VPC resource controller
 * (aws/amazon-vpc-resource-controller-k8s `config/crd/bases/vpcresources.k8s.aws_securitygrouppolicies.yaml`).
 */
export const SECURITY_GROUP_POLICY_API_VERSION = 'vpcresources.k8s.aws/v1beta1';
export const SECURITY_GROUP_POLICY_KIND = 'SecurityGroupPolicy';

/** The CRD's `groupIds` bounds (minItems 1, maxItems 16). */
export const SECURITY_GROUP_POLICY_MAX_GROUPS = 16;

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

export interface SecurityGroupPolicyProps {
  readonly name: string;
  readonly namespace: string;
  /** Pods whose labels match; exactly one of `podSelector` and `serviceAccountSelector` (EKS user guide). */
  readonly podSelector?: LabelSelector;
  /** Pods whose service account's labels match. */
  readonly serviceAccountSelector?: LabelSelector;
  /** Security group IDs (tokens are fine) for the branch network interface of every selected pod. */
  readonly securityGroupIds: readonly string[];
}

export class InvalidSecurityGroupPolicyError extends Error {
  constructor(name: string, problem: string) {
    super(`SecurityGroupPolicy ${name}: ${problem}`);
    this.name = 'InvalidSecurityGroupPolicyError';
  }
}

function selectorJson(selector: LabelSelector): Record<string, unknown> {
  return {
    ...(selector.matchLabels ? { matchLabels: { ...selector.matchLabels } } : {}),
    ...(selector.matchExpressions
      ? {
          matchExpressions: selector.matchExpressions.map((requirement) => ({
            key: requirement.key,
            operator: requirement.operator,
            ...(requirement.values ? { values: [...requirement.values] } : {}),
          })),
        }
      : {}),
  };
}

/**
 * `SecurityGroupPolicy` (vpcresources.k8s.aws/v1beta1): the VPC resource controller gives every pod it selects a
 * branch network interface carrying exactly these security groups. Pods pick it up only when they are created
 * (its mutating webhook runs at pod admission), so a policy must exist before the pods it targets.
 * https://docs.aws.amazon.com/eks/latest/userguide/sg-pods-example-deployment.html
 */
export class SecurityGroupPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: SecurityGroupPolicyProps) {
    const selectors = [props.podSelector, props.serviceAccountSelector].filter((selector) => selector !== undefined);
    if (selectors.length !== 1) {
      throw new InvalidSecurityGroupPolicyError(
        props.name,
        `set exactly one of podSelector and serviceAccountSelector (got ${selectors.length}); the EKS user guide requires one or the other`,
      );
    }
    const count = props.securityGroupIds.length;
    if (count < 1 || count > SECURITY_GROUP_POLICY_MAX_GROUPS) {
      throw new InvalidSecurityGroupPolicyError(
        props.name,
        `securityGroupIds has ${count} entries; the CRD allows 1 to ${SECURITY_GROUP_POLICY_MAX_GROUPS}`,
      );
    }
    super(scope, id, {
      apiVersion: SECURITY_GROUP_POLICY_API_VERSION,
      kind: SECURITY_GROUP_POLICY_KIND,
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        ...(props.podSelector ? { podSelector: selectorJson(props.podSelector) } : {}),
        ...(props.serviceAccountSelector ? { serviceAccountSelector: selectorJson(props.serviceAccountSelector) } : {}),
        securityGroups: { groupIds: [...props.securityGroupIds] },
      },
    });
  }
}
