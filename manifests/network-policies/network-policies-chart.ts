import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import type { Construct } from 'constructs';
import { LAB_NETWORK_POLICIES, type LabNetworkPolicyKey } from './lab-network-policies';

export interface NetworkPoliciesChartProps {
  /** The policies to deploy (one lab stage); two variants of the same policy cannot be deployed together. */
  readonly policies: readonly LabNetworkPolicyKey[];
}

/**
 * The network policies lab's NetworkPolicy objects for one stage. Typed `KubeNetworkPolicy` rather than the
 * cdk8s-plus L2: the L2 derives selectors from its own constructs, and the workshop's selectors (an empty
 * namespaceSelector, a podSelector without namespaceSelector) must come out exactly as written, with no
 * cdk8s-generated label anywhere.
 */
export class NetworkPoliciesChart extends Chart {
  /** `<namespace>/<name>` of each policy, in the order given. */
  readonly policyNames: readonly string[];

  constructor(scope: Construct, id: string, props: NetworkPoliciesChartProps) {
    super(scope, id);
    const names: string[] = [];
    for (const key of props.policies) {
      const policy = LAB_NETWORK_POLICIES[key];
      const qualified = `${policy.namespace}/${policy.name}`;
      if (names.includes(qualified)) {
        throw new Error(
          `NetworkPolicy ${qualified} is listed twice (policy ${key}); a stage deploys one variant of each policy`,
        );
      }
      names.push(qualified);
      new k8s.KubeNetworkPolicy(this, `${policy.namespace}-${policy.name}`, {
        metadata: { name: policy.name, namespace: policy.namespace },
        spec: policy.spec,
      });
    }
    this.policyNames = names;
  }
}
