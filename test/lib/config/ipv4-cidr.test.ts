import {
  cidr,
  cidrContains,
  cidrContainsAddress,
  cidrsOverlap,
  isPrivateCidr,
  parseIpv4Cidr,
  subdivide,
} from '../../../lib/config/ipv4-cidr';

describe('parseIpv4Cidr', () => {
  test('parses a network address and prefix', () => {
    expect(parseIpv4Cidr('10.42.0.0/16')).toMatchObject({ text: '10.42.0.0/16', prefixLength: 16 });
  });

  test.each(['10.42.0.0', '10.42.0/16', '256.0.0.0/8', '10.0.0.0/33', '010.0.0.0/8', 'ten/8', '0x0a.0.0.0/8', '10/8'])(
    'rejects %s with a reason',
    (text) => {
      expect(typeof parseIpv4Cidr(text)).toBe('string');
    },
  );

  test('names the part that is wrong', () => {
    expect(parseIpv4Cidr('10.42/16')).toBe('not an IPv4 CIDR of the form a.b.c.d/n');
    expect(parseIpv4Cidr('10.042.0.0/16')).toBe(
      'each address octet must be a number from 0 to 255 without leading zeros',
    );
    expect(parseIpv4Cidr('10.42.0.0/33')).toBe('the prefix length must be between 0 and 32');
  });

  test('trims surrounding whitespace and normalises the prefix', () => {
    expect(parseIpv4Cidr(' 10.0.0.0/08 ')).toEqual({ text: '10.0.0.0/8', network: 0x0a000000, prefixLength: 8 });
  });

  test('rejects host bits and names the network address', () => {
    expect(parseIpv4Cidr('10.42.96.1/19')).toContain('10.42.96.0/19');
  });
});

describe('relations', () => {
  test('detects overlap in both directions, and adjacency as no overlap', () => {
    expect(cidrsOverlap(cidr('10.42.0.0/16'), cidr('10.42.128.0/20'))).toBe(true);
    expect(cidrsOverlap(cidr('10.42.128.0/20'), cidr('10.42.0.0/16'))).toBe(true);
    expect(cidrsOverlap(cidr('10.42.0.0/16'), cidr('10.43.0.0/16'))).toBe(false);
  });

  test('containment of blocks and addresses', () => {
    expect(cidrContains(cidr('100.64.0.0/10'), cidr('100.64.0.0/16'))).toBe(true);
    expect(cidrContains(cidr('100.64.0.0/16'), cidr('100.64.0.0/10'))).toBe(false);
    expect(cidrContainsAddress(cidr('100.64.0.0/16'), '100.64.255.255')).toBe(true);
    expect(cidrContainsAddress(cidr('100.64.0.0/16'), '100.65.0.0')).toBe(false);
  });

  test('private means RFC 1918 or the 100.64.0.0/10 shared space', () => {
    for (const text of ['10.0.0.0/8', '172.16.0.0/12', '192.168.1.0/24', '100.64.0.0/16']) {
      expect(isPrivateCidr(cidr(text))).toBe(true);
    }
    for (const text of ['172.32.0.0/16', '100.128.0.0/16', '8.8.8.0/24']) expect(isPrivateCidr(cidr(text))).toBe(false);
  });
});

describe('subdivide', () => {
  test('matches Terraform cidrsubnet for the workshop subnets', () => {
    expect(subdivide(cidr('10.42.0.0/16'), 3, 3).text).toBe('10.42.96.0/19');
    expect(subdivide(cidr('100.64.0.0/16'), 3, 2).text).toBe('100.64.64.0/19');
    expect(subdivide(cidr('10.52.0.0/16'), 8, 0).text).toBe('10.52.0.0/24');
  });

  test('refuses an index outside the block', () => {
    expect(() => subdivide(cidr('10.42.0.0/16'), 3, 8)).toThrow(/no block 8/);
  });
});
