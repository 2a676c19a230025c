import { type Ipv4Cidr, subdivide } from '../../config/ipv4-cidr';

/**
 * The secondary CIDR is cut into eighths and the first ones become pod subnets, one per Availability Zone, as the
 * workshop does (`cidrsubnet("100.64.0.0/16", 3, i)` -> 100.64.0.0/19, 100.64.32.0/19, 100.64.64.0/19).
 */
export const POD_SUBNET_NEW_BITS = 3;

/** IPv4 addresses in a /28 prefix, the unit prefix delegation assigns. */
const PREFIX_LENGTH = 28;

/** The pod subnet CIDRs for `count` Availability Zones. */
export function podSubnetCidrs(secondaryCidr: Ipv4Cidr, count: number): Ipv4Cidr[] {
  if (count > 2 ** POD_SUBNET_NEW_BITS)
    throw new Error(`At most ${2 ** POD_SUBNET_NEW_BITS} pod subnets fit, asked for ${count}`);
  return Array.from({ length: count }, (_, index) => subdivide(secondaryCidr, POD_SUBNET_NEW_BITS, index));
}

/**
 * How many /28 prefixes EC2 can assign from a subnet: every aligned /28 except the first (it holds the four addresses
 * AWS reserves at the start of a subnet) and the last (it holds the reserved broadcast address), per the Amazon VPC user
 * guide, "Subnet CIDR blocks". A /27 has none; a /26 has two.
 */
export function assignableIpv4Prefixes(subnet: Ipv4Cidr): number {
  if (subnet.prefixLength > PREFIX_LENGTH) return 0;
  return Math.max(0, 2 ** (PREFIX_LENGTH - subnet.prefixLength) - 2);
}
