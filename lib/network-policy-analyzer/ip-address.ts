import ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 address as an unsigned integer of 32 or 128 bits. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export function addressBits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/**
 * Parses a dotted-quad IPv4 address or an RFC 4291 IPv6 address (with `::` and an optional trailing dotted quad),
 * as the API server does for new objects. ipaddr.js parses; what it would also accept is refused here:
 * - IPv4 in anything but four decimal parts without leading zeros (`010.0.0.1`, `0x0a.0.0.1`, `10.1`), because
 *   parsers disagree on what those mean;
 * - an IPv6 zone (`fe80::1%eth0`), which an ipBlock cannot name.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (!text.includes(':')) {
    return ipaddr.IPv4.isValidFourPartDecimal(text)
      ? { family: 4, value: bytesToValue(ipaddr.IPv4.parse(text).toByteArray()) }
      : undefined;
  }
  const ipv6Text = withEmbeddedIpv4AsGroups(text);
  if (ipv6Text === undefined || !ipaddr.IPv6.isValid(ipv6Text)) return undefined;
  const address = ipaddr.IPv6.parse(ipv6Text);
  return address.zoneId === undefined ? { family: 6, value: bytesToValue(address.toByteArray()) } : undefined;
}

/**
 * `text` with a trailing dotted quad written as two hex groups (`::ffff:192.0.2.1` -> `::ffff:c000:201`), or
 * undefined when that quad is not strict decimal. Done before ipaddr.js sees it because ipaddr.js reads the quad
 * leniently (octal, hex) and turns `::a.b.c.d` into the IPv4-mapped `::ffff:a.b.c.d`, where RFC 4291 and Go's
 * parser keep `::a.b.c.d`.
 */
function withEmbeddedIpv4AsGroups(text: string): string | undefined {
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (!tail.includes('.')) return text;
  if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined;
  const [a, b, c, d] = ipaddr.IPv4.parse(tail).octets;
  return `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function bytesToValue(bytes: readonly number[]): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}
