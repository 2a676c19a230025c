import { IpAddress } from './ip-address';
import { ipBlockContains } from './ip-block';
import { NetworkPolicy, PolicyRule } from './network-policy';
import { policyPortSet } from './network-policy-port';
import { PortSet } from './port-set';
import { Workload } from './workload';
import { WorkloadMask, WorkloadMatcher } from './workload-matcher';

/** Where a rule sits, for explanations: `NetworkPolicy shop/allow-web spec.ingress[0]`. */
export interface RuleReference {
  readonly policy: string;
  readonly direction: PolicyRule['direction'];
  readonly index: number;
}

export function describeRule(reference: RuleReference): string {
  return `NetworkPolicy ${reference.policy} spec.${reference.direction}[${reference.index}]`;
}

/**
 * A policy rule with its peers resolved to workloads and its ports cached per destination, so checking one pair
 * of workloads is a lookup rather than a selector evaluation.
 */
export class CompiledRule {
  readonly reference: RuleReference;
  /** Undefined when the rule has no `from`/`to`: every peer, in the cluster or outside it. */
  private readonly peerMask: WorkloadMask | undefined;
  /** Set when the rule has no named ports: then its ports are the same for every destination. */
  private readonly fixedPorts: PortSet | undefined;
  private readonly portsByDestination = new Map<number, PortSet>();

  constructor(
    readonly policy: NetworkPolicy,
    readonly rule: PolicyRule,
    matcher: WorkloadMatcher,
    private readonly workloads: readonly Workload[],
  ) {
    this.reference = { policy: policy.name, direction: rule.direction, index: rule.index };
    this.peerMask = rule.peers === undefined ? undefined : peerMaskOf(rule, policy, matcher, workloads.length);
    const ports = rule.ports;
    if (ports === undefined) this.fixedPorts = PortSet.ALL;
    else if (ports.every((port) => port.kind !== 'named')) {
      this.fixedPorts = PortSet.unionOf(ports.map((port) => policyPortSet(port, [])));
    }
  }

  /** ipBlock peers never match pods: the concept page reserves them for cluster-external addresses. */
  matchesWorkload(index: number): boolean {
    return this.peerMask === undefined || this.peerMask[index] === 1;
  }

  /** Selector peers never match cluster-external addresses; ipBlock peers match them unless excepted. */
  matchesExternal(address: IpAddress): boolean {
    return (
      this.rule.peers === undefined ||
      this.rule.peers.some((peer) => peer.kind === 'ip-block' && ipBlockContains(peer.ipBlock, address))
    );
  }

  /** The destination ports the rule allows towards workload `destination`, or towards an external address. */
  portsTowards(destination: number | 'external'): PortSet {
    if (this.fixedPorts !== undefined) return this.fixedPorts;
    const ports = this.rule.ports ?? [];
    if (destination === 'external') return PortSet.unionOf(ports.map((port) => policyPortSet(port, [])));
    let resolved = this.portsByDestination.get(destination);
    if (resolved === undefined) {
      const containerPorts = this.workloads[destination].containerPorts;
      resolved = PortSet.unionOf(ports.map((port) => policyPortSet(port, containerPorts)));
      this.portsByDestination.set(destination, resolved);
    }
    return resolved;
  }
}

function peerMaskOf(rule: PolicyRule, policy: NetworkPolicy, matcher: WorkloadMatcher, size: number): WorkloadMask {
  const mask = new Uint8Array(size);
  for (const peer of rule.peers ?? []) {
    if (peer.kind === 'ip-block') continue;
    const matched = matcher.match(peer.podSelector, peer.namespaceSelector, policy.namespace);
    for (let index = 0; index < size; index++) mask[index] |= matched[index];
  }
  return mask;
}
