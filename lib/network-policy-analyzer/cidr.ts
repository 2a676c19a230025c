import { addressBits, IpAddress, parseIpAddress } from './ip-address';

/** An IPv4 or IPv6 CIDR block. */
export interface Cidr {
  /** As written in the manifest. */
  readonly text: string;
  readonly family: 4 | 6;
  /** The address with its host bits cleared. */
  readonly network: bigint;
  readonly prefixLength: number;
}

/** Decimal without leading zeros: ipaddr.js's `parseCIDR` reads `/08` as 8; like a zero-padded octet, it is refused. */
const PREFIX_LENGTH = /^(0|[1-9]\d{0,2})$/;

/**
 * Parses `address/prefix`. Host bits may be set, as in the API reference's own example `192.168.1.1/24`; they
 * are ignored. Returns the reason as a string when the text is not a CIDR.
 */
export function parseCidr(text: string): Cidr | string {
  const slash = text.indexOf('/');
  if (slash < 0) return `"${text}" is not a CIDR (expected address/prefix-length, e.g. 10.0.0.0/16)`;
  const address = parseIpAddress(text.slice(0, slash));
  if (address === undefined) return `"${text}" does not start with a valid IPv4 or IPv6 address`;
  const prefixText = text.slice(slash + 1);
  const bits = addressBits(address.family);
  if (!PREFIX_LENGTH.test(prefixText) || Number(prefixText) > bits) {
    return `"${text}" has an invalid prefix length (0 to ${bits} for IPv${address.family})`;
  }
  const prefixLength = Number(prefixText);
  return { text, family: address.family, network: address.value & mask(address.family, prefixLength), prefixLength };
}

// Addresses are bigints (see IpAddress), so containment is one mask-and-compare per address; ipaddr.js's `match`
// would need an address object rebuilt for every pod and policy rule the analyzer checks.
function mask(family: 4 | 6, prefixLength: number): bigint {
  const bits = BigInt(addressBits(family));
  const hostBits = bits - BigInt(prefixLength);
  return ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
}

export function cidrContainsAddress(block: Cidr, address: IpAddress): boolean {
  return block.family === address.family && (address.value & mask(block.family, block.prefixLength)) === block.network;
}

/** True when `inner` lies inside `outer` and is smaller: the API server's rule for an ipBlock's `except` entries. */
export function isStrictSubset(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.family === outer.family &&
    inner.prefixLength > outer.prefixLength &&
    cidrContainsAddress(outer, { family: inner.family, value: inner.network })
  );
}
