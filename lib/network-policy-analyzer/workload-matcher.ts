import { LabelSelector, selectorMatches } from './label-selector';
import { Labels } from './labels';
import { Workload } from './workload';

/** Which workloads a selector pair picks, as a flag per workload index (1 = matched). */
export type WorkloadMask = Uint8Array;

/**
 * Evaluates podSelector/namespaceSelector pairs against every workload once and caches the result by selector
 * content, so equal selectors in many policies cost one pass, and pair queries become array lookups.
 */
export class WorkloadMatcher {
  private readonly cache = new Map<string, WorkloadMask>();

  constructor(
    private readonly workloads: readonly Workload[],
    private readonly namespaceLabels: ReadonlyMap<string, Labels>,
  ) {}

  /**
   * Pods matching `podSelector` (all pods when undefined) in the namespaces `namespaceSelector` matches, or only in
   * `ownNamespace` when there is no namespaceSelector (NetworkPolicyPeer semantics from the API reference).
   */
  match(
    podSelector: LabelSelector | undefined,
    namespaceSelector: LabelSelector | undefined,
    ownNamespace: string,
  ): WorkloadMask {
    const key = JSON.stringify([podSelector, namespaceSelector ?? ownNamespace]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const namespaceMatches = new Map<string, boolean>();
    const mask = new Uint8Array(this.workloads.length);
    this.workloads.forEach((workload, index) => {
      let inNamespace = namespaceMatches.get(workload.namespace);
      if (inNamespace === undefined) {
        inNamespace =
          namespaceSelector === undefined
            ? workload.namespace === ownNamespace
            : selectorMatches(namespaceSelector, this.namespaceLabels.get(workload.namespace) ?? new Map());
        namespaceMatches.set(workload.namespace, inNamespace);
      }
      if (inNamespace && (podSelector === undefined || selectorMatches(podSelector, workload.labels))) mask[index] = 1;
    });
    this.cache.set(key, mask);
    return mask;
  }
}
