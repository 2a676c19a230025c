import { ClusterInventory } from './cluster-inventory';
import { CompiledRule } from './compiled-rule';
import { selectorMatches } from './label-selector';
import { NetworkPolicy } from './network-policy';
import { WorkloadMatcher } from './workload-matcher';

/** The policies and rules that apply to one workload in one direction. */
export interface DirectionPolicies {
  /** Policies that select the workload and affect this direction; empty means not isolated. */
  readonly isolatingPolicies: readonly NetworkPolicy[];
  /** The rules of those policies, in policy then rule order. */
  readonly rules: readonly CompiledRule[];
}

/** For each workload (by index in the inventory), which policies select it and which rules govern it. */
export class PolicyIndex {
  readonly ingress: readonly DirectionPolicies[];
  readonly egress: readonly DirectionPolicies[];
  /** Every policy whose podSelector picks the workload, whatever its policyTypes. */
  readonly selectingPolicies: readonly (readonly NetworkPolicy[])[];

  constructor(inventory: ClusterInventory) {
    const { workloads } = inventory;
    const matcher = new WorkloadMatcher(workloads, inventory.namespaceLabels);
    const ingress = workloads.map(() => ({ isolatingPolicies: [] as NetworkPolicy[], rules: [] as CompiledRule[] }));
    const egress = workloads.map(() => ({ isolatingPolicies: [] as NetworkPolicy[], rules: [] as CompiledRule[] }));
    const selecting = workloads.map((): NetworkPolicy[] => []);
    for (const policy of inventory.policies) {
      // Rules of a direction the policy does not affect are ignored, as policyTypes says.
      const ingressRules = policy.affectsIngress
        ? policy.ingressRules.map((rule) => new CompiledRule(policy, rule, matcher, workloads))
        : [];
      const egressRules = policy.affectsEgress
        ? policy.egressRules.map((rule) => new CompiledRule(policy, rule, matcher, workloads))
        : [];
      workloads.forEach((workload, index) => {
        if (workload.namespace !== policy.namespace || !selectorMatches(policy.podSelector, workload.labels)) return;
        selecting[index].push(policy);
        if (policy.affectsIngress) {
          ingress[index].isolatingPolicies.push(policy);
          ingress[index].rules.push(...ingressRules);
        }
        if (policy.affectsEgress) {
          egress[index].isolatingPolicies.push(policy);
          egress[index].rules.push(...egressRules);
        }
      });
    }
    this.ingress = ingress;
    this.egress = egress;
    this.selectingPolicies = selecting;
  }
}
