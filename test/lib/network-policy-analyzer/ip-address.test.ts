import { cidrContainsAddress, isStrictSubset, parseCidr } from '../../../lib/network-policy-analyzer/cidr';
import { parseIpAddress } from '../../../lib/network-policy-analyzer/ip-address';

describe('IP addresses and CIDRs', () => {
  it('parses IPv4 and rejects out-of-range or zero-padded octets', () => {
    expect(parseIpAddress('10.0.0.1')).toEqual({ family: 4, value: 0x0a000001n });
    expect([parseIpAddress('256.0.0.1'), parseIpAddress('010.0.0.1'), parseIpAddress('1.2.3')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('parses IPv6 with :: compression and an embedded IPv4 tail', () => {
    expect(parseIpAddress('2001:db8::1')).toEqual({ family: 6, value: 0x20010db8000000000000000000000001n });
    expect(parseIpAddress('::ffff:192.0.2.1')).toEqual({ family: 6, value: 0xffffc0000201n });
    expect(parseIpAddress('::')).toEqual({ family: 6, value: 0n });
    expect([parseIpAddress('1::2::3'), parseIpAddress('1:2:3:4:5:6:7:8:9'), parseIpAddress('12345::')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuses the forms the IP library would also read: short, hex or octal IPv4, zones, lenient embedded quads', () => {
    const refused = [
      '10.1',
      '0x0a.0.0.1',
      '1.2.3.4 ',
      'fe80::1%eth0',
      '::ffff:010.0.0.1',
      '::ffff:0x0a.0.0.1',
      '::1.2',
    ];
    expect(refused.map((text) => parseIpAddress(text))).toEqual(refused.map(() => undefined));
  });

  it('keeps ::a.b.c.d IPv4-compatible, not IPv4-mapped', () => {
    expect(parseIpAddress('::1.2.3.4')).toEqual({ family: 6, value: 0x01020304n });
  });

  it('clears host bits of a CIDR and tests containment within the same family only', () => {
    const block = parseCidr('192.168.1.77/24');
    if (typeof block === 'string') throw new Error(block);
    expect(block.network).toBe(0xc0a80100n);
    expect(cidrContainsAddress(block, { family: 4, value: 0xc0a801ffn })).toBe(true);
    expect(cidrContainsAddress(block, { family: 4, value: 0xc0a80200n })).toBe(false);
    expect(cidrContainsAddress(block, { family: 6, value: 0xc0a80101n })).toBe(false);
  });

  it('treats /0 as every address of its family', () => {
    const everything = parseCidr('0.0.0.0/0');
    if (typeof everything === 'string') throw new Error(everything);
    expect(cidrContainsAddress(everything, { family: 4, value: 0xffffffffn })).toBe(true);
  });

  it('reports why a CIDR is invalid', () => {
    expect(parseCidr('10.0.0.0/33')).toMatch(/invalid prefix length \(0 to 32 for IPv4\)/);
    expect(parseCidr('2001:db8::/129')).toMatch(/invalid prefix length \(0 to 128 for IPv6\)/);
    expect(parseCidr('10.0.0.0/08')).toMatch(/invalid prefix length/);
  });

  it('accepts only smaller blocks inside the CIDR as strict subsets', () => {
    const outer = parseCidr('10.0.0.0/16');
    const inner = parseCidr('10.0.5.0/24');
    const same = parseCidr('10.0.0.0/16');
    if (typeof outer === 'string' || typeof inner === 'string' || typeof same === 'string') throw new Error('parse');
    expect([isStrictSubset(inner, outer), isStrictSubset(same, outer), isStrictSubset(outer, inner)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
