import { lookupInstanceType, supportsPrefixDelegation } from '../../lib/instance-types/instance-types';
import { IPV4_ADDRESSES_PER_PREFIX, type PodNetworkingOptions } from '../../lib/node-groups/pod-density';

/**
 * An independent model of VPC CNI addressing, built up from ENIs, slots and prefixes, that the tests check the
 * max-pods formulas of lib/node-groups/pod-density.ts against.
 */
export interface AddressingNeeds {
  /** How the VPC CNI will hand out addresses: prefixes only when asked for and supported by the instance. */
  readonly addressing: 'prefix' | 'secondary-ip';
  /** Pods that need an address of their own (host-network pods do not). */
  readonly pods: number;
  /** ENIs attached to the node, the primary ENI included (it is always attached, even when it carries no pods). */
  readonly enis: number;
  /** Secondary IPv4 addresses assigned for pods; 0 in prefix mode. */
  readonly secondaryIps: number;
  /** /28 prefixes assigned for pods; 0 in secondary-IP mode. */
  readonly prefixes: number;
  /** False when the instance has fewer ENIs than `enis`: these pods cannot all get addresses on one node. */
  readonly fits: boolean;
}

/**
 * The fewest ENIs and secondary IPs, or ENIs and /28 prefixes, that give `pods` pods their own addresses on one node of
 * this instance type. `pods` counts pods that need an address (not hostNetwork ones). Warm targets (WARM_IP_TARGET,
 * WARM_PREFIX_TARGET) make the VPC CNI hold more than this minimum.
 */
export function addressingNeeds(instanceType: string, pods: number, options: PodNetworkingOptions): AddressingNeeds {
  if (!Number.isInteger(pods) || pods < 0) {
    throw new RangeError(`The number of pods must be a whole number of 0 or more, got ${pods}.`);
  }
  const facts = lookupInstanceType(instanceType);
  const prefixMode = options.prefixDelegation && supportsPrefixDelegation(facts);
  const slotsPerEni = facts.ipv4PerEni - 1;
  const secondaryIps = prefixMode ? 0 : pods;
  const prefixes = prefixMode ? Math.ceil(pods / IPV4_ADDRESSES_PER_PREFIX) : 0;
  const podEnis = Math.ceil((prefixMode ? prefixes : secondaryIps) / slotsPerEni);
  // With custom networking the primary ENI carries no pods but is still attached; without it, the first pod ENI is
  // the primary ENI, and a node always has that one.
  const enis = options.customNetworking ? podEnis + 1 : Math.max(1, podEnis);
  return {
    addressing: prefixMode ? 'prefix' : 'secondary-ip',
    pods,
    enis,
    secondaryIps,
    prefixes,
    fits: enis <= facts.maxEnis,
  };
}
