import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * The subset of Kyverno's `kyverno.io/v1` ClusterPolicy the lab uses (Kyverno docs, "Mutate Rules" and "Mutate
 * Existing resources", https://kyverno.io/docs/writing-policies/mutate/; "External Data Sources",
 * https://kyverno.io/docs/writing-policies/external-data-sources/). Fields are typed so a misspelt key fails `tsc`.
 */
export const KYVERNO_API_VERSION = 'kyverno.io/v1';

export interface KyvernoResourceFilter {
  readonly resources: { readonly kinds: readonly string[] };
}

export type KyvernoContextEntry =
  | { readonly name: string; readonly variable: { readonly jmesPath: string; readonly default?: string } }
  | { readonly name: string; readonly apiCall: { readonly urlPath: string; readonly jmesPath: string } };

export interface KyvernoCondition {
  readonly key: string;
  readonly operator: 'Equals' | 'NotEquals' | 'In' | 'AnyIn' | 'AllIn' | 'NotIn' | 'AnyNotIn' | 'AllNotIn';
  readonly value: string | readonly string[];
}

export interface KyvernoMutateTarget {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface KyvernoRule {
  readonly name: string;
  readonly match: { readonly any: readonly KyvernoResourceFilter[] };
  readonly context?: readonly KyvernoContextEntry[];
  readonly preconditions?: { readonly all?: readonly KyvernoCondition[]; readonly any?: readonly KyvernoCondition[] };
  readonly mutate: {
    readonly targets?: readonly KyvernoMutateTarget[];
    readonly patchStrategicMerge: Readonly<Record<string, unknown>>;
  };
}

export interface KyvernoClusterPolicyProps {
  readonly name: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * What the API server does with a request the policy's webhook cannot answer (Kyverno down).
   * @default Fail (Kyverno's default: the request is rejected)
   */
  readonly failurePolicy?: 'Fail' | 'Ignore';
  readonly rules: readonly KyvernoRule[];
}

/** A Kyverno ClusterPolicy. */
export class KyvernoClusterPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: KyvernoClusterPolicyProps) {
    super(scope, id, {
      apiVersion: KYVERNO_API_VERSION,
      kind: 'ClusterPolicy',
      metadata: { name: props.name, ...(props.annotations ? { annotations: { ...props.annotations } } : {}) },
      spec: {
        ...(props.failurePolicy ? { webhookConfiguration: { failurePolicy: props.failurePolicy } } : {}),
        rules: props.rules,
      },
    });
  }
}
