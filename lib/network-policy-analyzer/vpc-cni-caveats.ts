import { ClusterInventory } from './cluster-inventory';
import { CompiledRule } from './compiled-rule';
import {
  ConnectivityWarning,
  EKS_NETWORK_POLICY_CONSIDERATIONS,
  VPC_CNI_NAMED_PORT_ISSUES,
} from './connectivity-warning';
import { describePolicyPort, PolicyPort, policyPortSet } from './network-policy-port';
import { DirectionPolicies, PolicyIndex } from './policy-index';
import { PortSet } from './port-set';
import { resolveTargetPort } from './service';
import { Workload } from './workload';

/** EKS: the maximum number of port and protocol combinations the agent supports for one peer CIDR. */
export const MAX_PORT_PROTOCOL_COMBINATIONS_PER_CIDR = 24;

export interface CaveatContext {
  readonly inventory: ClusterInventory;
  readonly index: PolicyIndex;
  /** Spec verdict for a pair of workload indices. */
  readonly allowedBetween: (source: number, destination: number) => PortSet;
  /** What the source's egress rules alone allow towards the destination. */
  readonly egressAllowedBetween: (source: number, destination: number) => PortSet;
}

/**
 * The ways the Amazon VPC CNI network policy agent may enforce something other than the specification, found in
 * these manifests. Each is a warning with its reference; verdicts stay those of the Kubernetes API.
 */
export function findVpcCniCaveats(context: CaveatContext): ConnectivityWarning[] {
  return [
    ...servicePortCaveats(context),
    ...namedPortCaveats(context),
    ...barePodCaveats(context),
    ...portCombinationCaveats(context),
  ];
}

/**
 * EKS considerations: "For any of your Kubernetes services, the service port must be the same as the container
 * port. If you're using named ports, use the same name in the service spec too." It matters for egress-isolated
 * clients whose egress rules allow the pod port but not the Service port their packets carry (ingress is decided
 * on the destination pod's port either way).
 */
function servicePortCaveats({
  inventory,
  index,
  allowedBetween,
  egressAllowedBetween,
}: CaveatContext): ConnectivityWarning[] {
  const { workloads } = inventory;
  const egressIsolated = workloads.flatMap((_, source) =>
    index.egress[source].isolatingPolicies.length > 0 ? [source] : [],
  );
  if (egressIsolated.length === 0) return [];
  const warnings: ConnectivityWarning[] = [];
  for (const service of inventory.services.values()) {
    const { selector } = service;
    if (selector === undefined) continue;
    const backends = workloads.flatMap((workload, backendIndex) =>
      workload.namespace === service.namespace &&
      [...selector].every(([key, value]) => workload.labels.get(key) === value)
        ? [backendIndex]
        : [],
    );
    for (const port of service.ports) {
      const nameDiffers = typeof port.targetPort === 'string' && port.name !== port.targetPort;
      const mismatched = backends.flatMap((backend) => {
        const targetPort = resolveTargetPort(port, workloads[backend].containerPorts);
        return targetPort !== undefined && (targetPort !== port.port || nameDiffers) ? [{ backend, targetPort }] : [];
      });
      // Only clients whose rules tell the two ports apart are affected: a rule without ports (or one that also
      // allows the Service port) lets the packet through whichever port the agent compares.
      const clients = egressIsolated.filter((source) =>
        mismatched.some(({ backend, targetPort }) => {
          if (!allowedBetween(source, backend).has(port.protocol, targetPort)) return false;
          return nameDiffers || !egressAllowedBetween(source, backend).has(port.protocol, port.port);
        }),
      );
      if (clients.length === 0) continue;
      const clientNames = clients.map((client) => workloads[client].name);
      const differentNumbers = [...new Set(mismatched.map(({ targetPort }) => targetPort))].filter(
        (targetPort) => targetPort !== port.port,
      );
      const differences = [
        differentNumbers.length === 0
          ? undefined
          : `forwards port ${port.port}/${port.protocol} to container port ${differentNumbers.join(', ')}`,
        nameDiffers
          ? `names its port ${port.name === undefined ? '(no name)' : `"${port.name}"`} but targets the container port named "${port.targetPort}"`
          : undefined,
      ].filter((difference) => difference !== undefined);
      warnings.push({
        code: 'service-port-differs-from-container-port',
        message:
          `Service ${service.name} ${differences.join(' and ')}; the egress-isolated ${plural(clients.length, 'client')} ` +
          `${clientNames.join(', ')} ${clients.length === 1 ? 'is' : 'are'} allowed by the specification, but EKS requires ` +
          'the service port to equal the container port (and the same name for named ports), so the VPC CNI may drop ' +
          'this traffic',
        workloads: clientNames,
        service: service.name,
        references: [EKS_NETWORK_POLICY_CONSIDERATIONS],
      });
    }
  }
  return warnings;
}

/**
 * Named ports in ingress rules: the EKS considerations ask that named ports be used consistently with the Service
 * spec, and the VPC CNI's policy controller has had defects resolving them in ingress rules (against the source pod,
 * or not at all), so a numeric port is the portable choice.
 */
function namedPortCaveats({ inventory, index }: CaveatContext): ConnectivityWarning[] {
  return inventory.policies.flatMap((policy) => {
    if (!policy.affectsIngress) return [];
    const named = policy.ingressRules.flatMap((rule) =>
      (rule.ports ?? [])
        .filter((port) => port.kind === 'named')
        .map((port) => `spec.ingress[${rule.index}] ${describePolicyPort(port)}`),
    );
    if (named.length === 0) return [];
    const selected = inventory.workloads.flatMap((workload, workloadIndex) =>
      index.selectingPolicies[workloadIndex].includes(policy) ? [workload.name] : [],
    );
    return [
      {
        code: 'named-port-in-ingress-rule',
        message:
          `NetworkPolicy ${policy.name} uses named ports in ingress rules (${named.join(', ')}); the VPC CNI network ` +
          'policy controller has resolved such ports incorrectly or not at all in some versions, so prefer the numeric ' +
          'container port',
        workloads: selected,
        policy: policy.name,
        references: [EKS_NETWORK_POLICY_CONSIDERATIONS, ...VPC_CNI_NAMED_PORT_ISSUES],
      } satisfies ConnectivityWarning,
    ];
  });
}

/**
 * EKS considerations: "Standalone Pods that don't have a metadata.ownerReferences set can't have network policies
 * applied to them." Only matters when some policy selects the pod.
 */
function barePodCaveats({ inventory, index }: CaveatContext): ConnectivityWarning[] {
  return inventory.workloads.flatMap((workload, workloadIndex) => {
    const policies = index.selectingPolicies[workloadIndex];
    if (!workload.isBarePod || policies.length === 0) return [];
    return [
      {
        code: 'bare-pod-without-owner',
        message:
          `Pod ${workload.name} has no metadata.ownerReferences, so on EKS the VPC CNI does not apply the network ` +
          `policies that select it (${policies.map((policy) => policy.name).join(', ')}); run it from a Deployment or ` +
          'another controller',
        workloads: [workload.name],
        references: [EKS_NETWORK_POLICY_CONSIDERATIONS],
      } satisfies ConnectivityWarning,
    ];
  });
}

/**
 * EKS documents a maximum of 24 port and protocol combinations per peer CIDR across all policies; selectors
 * resolve to pod IPs, each one a CIDR of its own, and the same CIDR in several rules or policies adds up.
 */
function portCombinationCaveats({ inventory, index }: CaveatContext): ConnectivityWarning[] {
  const { workloads } = inventory;
  const warnings: ConnectivityWarning[] = [];
  workloads.forEach((workload, workloadIndex) => {
    for (const [direction, policies] of [
      ['ingress', index.ingress[workloadIndex]],
      ['egress', index.egress[workloadIndex]],
    ] as const) {
      if (portEntryCount(policies) <= MAX_PORT_PROTOCOL_COMBINATIONS_PER_CIDR) continue;
      const combinationsByPeer = new Map<string, Set<string>>();
      for (const rule of policies.rules) {
        for (const { peer, destination } of rulePeers(rule, direction, workloadIndex, workloads)) {
          const combinations = combinationsByPeer.get(peer) ?? new Set<string>();
          for (const port of rule.rule.ports ?? []) {
            for (const combination of portCombinations(port, destination)) combinations.add(combination);
          }
          combinationsByPeer.set(peer, combinations);
        }
      }
      for (const [peer, combinations] of combinationsByPeer) {
        if (combinations.size <= MAX_PORT_PROTOCOL_COMBINATIONS_PER_CIDR) continue;
        warnings.push({
          code: 'too-many-port-protocol-combinations',
          message:
            `${workload.name} has ${combinations.size} port/protocol combinations for ${direction} peer ${peer}; EKS ` +
            `supports at most ${MAX_PORT_PROTOCOL_COMBINATIONS_PER_CIDR} per peer CIDR, so the VPC CNI may not enforce ` +
            'all of them; merge them into port ranges (endPort)',
          workloads: [workload.name],
          peer,
          references: [EKS_NETWORK_POLICY_CONSIDERATIONS],
        });
      }
    }
  });
  return warnings;
}

/** An upper bound of the combinations any one peer can reach: the port entries of all rules together. */
function portEntryCount(policies: DirectionPolicies): number {
  return policies.rules.reduce((count, rule) => count + (rule.rule.ports?.length ?? 0), 0);
}

/** Each peer a rule resolves to (a workload's pods, or an ipBlock CIDR), with the workload its ports resolve on. */
function rulePeers(
  rule: CompiledRule,
  direction: 'ingress' | 'egress',
  subject: number,
  workloads: readonly Workload[],
): { peer: string; destination: Workload | undefined }[] {
  const peers: { peer: string; destination: Workload | undefined }[] = [];
  const subjectWorkload = workloads[subject];
  workloads.forEach((workload, peerIndex) => {
    if (peerIndex !== subject && rule.matchesWorkload(peerIndex)) {
      peers.push({ peer: workload.name, destination: direction === 'ingress' ? subjectWorkload : workload });
    }
  });
  for (const peer of rule.rule.peers ?? []) {
    if (peer.kind === 'ip-block') {
      peers.push({ peer: peer.ipBlock.cidr.text, destination: direction === 'ingress' ? subjectWorkload : undefined });
    }
  }
  return peers;
}

function portCombinations(port: PolicyPort, destination: Workload | undefined): string[] {
  if (port.kind !== 'named') return [describePolicyPort(port)];
  const resolved = policyPortSet(port, destination?.containerPorts ?? []);
  return resolved.entries().flatMap(({ protocol, ranges }) => ranges.map(([first]) => `${protocol}/${first}`));
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
