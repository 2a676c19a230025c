import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR block, parsed and normalised (the network address has no host bits set). */
export interface Ipv4Cidr {
  readonly text: string;
  /** Network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefixLength: number;
}

/** The RFC 6598 shared address space, which EC2 lets any VPC add as a secondary CIDR. */
export const SHARED_ADDRESS_SPACE = '100.64.0.0/10';

/** The private ranges the lab accepts: RFC 1918 and the shared address space. */
export const PRIVATE_RANGES: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  SHARED_ADDRESS_SPACE,
];

// ipaddr.js parses and validates. A block keeps its network as a 32-bit number (callers add host offsets to it), so
// overlap, containment and subdivision below stay integer comparisons: ipaddr.js matches one address against a
// range but has no overlap or subdivision.
export function ipv4ToNumber(octets: readonly number[]): number {
  return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** The shape of a config CIDR; ipaddr.js then decides whether its numbers are an address and a prefix length. */
const IPV4_CIDR_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/;

/**
 * Parses `a.b.c.d/n`, four decimal octets without leading zeros: ipaddr.js's plain `parse` also reads `10.1`,
 * `0x0a.0.0.1` and octal `010.0.0.1`, which AWS reads differently or refuses. Returns a reason string instead of
 * throwing so callers can name their own context key.
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | string {
  const trimmed = text.trim();
  if (!IPV4_CIDR_SHAPE.test(trimmed)) return 'not an IPv4 CIDR of the form a.b.c.d/n';
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(trimmed)) {
    return ipaddr.IPv4.isValidFourPartDecimal(trimmed.split('/')[0])
      ? 'the prefix length must be between 0 and 32'
      : 'each address octet must be a number from 0 to 255 without leading zeros';
  }
  const [address, prefixLength] = ipaddr.IPv4.parseCIDR(trimmed);
  const network = ipv4ToNumber(ipaddr.IPv4.networkAddressFromCIDR(trimmed).octets);
  if (network !== ipv4ToNumber(address.octets)) {
    return `host bits are set; the network address of this block is ${numberToIpv4(network)}/${prefixLength}`;
  }
  return { text: `${numberToIpv4(network)}/${prefixLength}`, network, prefixLength };
}

/** Parses a CIDR that is known to be valid (constants, test fixtures). */
export function cidr(text: string): Ipv4Cidr {
  const parsed = parseIpv4Cidr(text);
  if (typeof parsed === 'string') throw new Error(`${text}: ${parsed}`);
  return parsed;
}

export function cidrSize(block: Ipv4Cidr): number {
  return 2 ** (32 - block.prefixLength);
}

export function lastAddress(block: Ipv4Cidr): number {
  return block.network + cidrSize(block) - 1;
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return outer.network <= inner.network && lastAddress(inner) <= lastAddress(outer);
}

export function cidrContainsAddress(block: Ipv4Cidr, address: string): boolean {
  const trimmed = address.trim();
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return false;
  const value = ipv4ToNumber(ipaddr.IPv4.parse(trimmed).octets);
  return block.network <= value && value <= lastAddress(block);
}

/** The private range a block lies in, if any. */
export function privateRangeOf(block: Ipv4Cidr): string | undefined {
  return PRIVATE_RANGES.find((range) => cidrContains(cidr(range), block));
}

export function isPrivateCidr(block: Ipv4Cidr): boolean {
  return privateRangeOf(block) !== undefined;
}

/**
 * The `index`-th block of `newBits` more prefix bits inside `block` (Terraform's `cidrsubnet`):
 * `subdivide(10.42.0.0/16, 3, 3)` is `10.42.96.0/19`.
 */
export function subdivide(block: Ipv4Cidr, newBits: number, index: number): Ipv4Cidr {
  const prefixLength = block.prefixLength + newBits;
  if (prefixLength > 32) throw new Error(`cannot split ${block.text} into /${prefixLength} blocks`);
  if (index < 0 || index >= 2 ** newBits) throw new Error(`${block.text} has no block ${index} of /${prefixLength}`);
  const network = block.network + index * 2 ** (32 - prefixLength);
  return { text: `${numberToIpv4(network)}/${prefixLength}`, network, prefixLength };
}
