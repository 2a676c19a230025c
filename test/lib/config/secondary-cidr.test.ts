import { readLabConfig } from '../../../lib/lab-app';
import { TEST_DAY } from '../../support/lab-fixtures';

// The custom networking lab's secondary CIDR: EC2 associates /16 to /28 blocks that do not overlap the VPC's CIDRs,
// from the RFC 1918 block of the primary CIDR or from 100.64.0.0/10 (Amazon VPC user guide, "IPv4 CIDR block
// association restrictions"); the lab also keeps it apart from its other CIDRs and asks for /24 or larger.
const read = (secondaryCidr: string) =>
  readLabConfig({ modules: 'custom-networking', secondaryCidr }, { today: TEST_DAY });

describe('secondaryCidr', () => {
  test('defaults to the workshop 100.64.0.0/16', () => {
    expect(readLabConfig({ modules: 'custom-networking' }, { today: TEST_DAY }).secondaryCidr.text).toBe(
      '100.64.0.0/16',
    );
  });

  test('fails when it overlaps the VPC CIDR', () => {
    expect(() => read('10.42.128.0/20')).toThrow(
      `Invalid context 'secondaryCidr': received "10.42.128.0/20"; allowed: a CIDR that does not overlap vpcCidr (10.42.0.0/16).`,
    );
  });

  test('allows a block of the VPC CIDR RFC 1918 range next to it (10.43.0.0/16)', () => {
    expect(read('10.43.0.0/16').secondaryCidr.text).toBe('10.43.0.0/16');
  });

  test('fails when it is outside RFC 1918 and 100.64.0.0/10 (8.8.0.0/16)', () => {
    expect(() => read('8.8.0.0/16')).toThrow(
      /Invalid context 'secondaryCidr': received "8\.8\.0\.0\/16"; allowed: a private IPv4 CIDR \(inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16, 100\.64\.0\.0\/10\).*It is not a private range\./,
    );
  });

  test('fails just past the end of 100.64.0.0/10 (100.128.0.0/16)', () => {
    expect(() => read('100.128.0.0/16')).toThrow(/received "100\.128\.0\.0\/16".*It is not a private range\./);
  });

  test('allows the last /16 of 100.64.0.0/10 (100.127.0.0/16)', () => {
    expect(read('100.127.0.0/16').secondaryCidr.text).toBe('100.127.0.0/16');
  });

  test('fails for another RFC 1918 block than the VPC CIDR (EC2 refuses to associate it)', () => {
    expect(() => read('192.168.0.0/16')).toThrow(
      `Invalid context 'secondaryCidr': received "192.168.0.0/16"; allowed: a CIDR inside 100.64.0.0/10 or inside 10.0.0.0/8 (the block of vpcCidr).`,
    );
  });

  test('fails when it is smaller than /24', () => {
    expect(() => read('100.64.0.0/25')).toThrow(
      /Invalid context 'secondaryCidr': received "100\.64\.0\.0\/25"; allowed: a private IPv4 CIDR .* from \/16 to \/24\. A \/25 block is outside that size range\./,
    );
  });

  test('allows /24', () => {
    expect(read('100.64.0.0/24').secondaryCidr.text).toBe('100.64.0.0/24');
  });

  test('fails when it is larger than /16 (EC2 associates at most a /16)', () => {
    expect(() => read('100.64.0.0/15')).toThrow(
      /received "100\.64\.0\.0\/15".*A \/15 block is outside that size range\./,
    );
  });

  test('fails when it overlaps the remote pod network (the later key, remotePodCidr, is named)', () => {
    expect(() => read('10.53.0.0/16')).toThrow(
      `Invalid context 'remotePodCidr': received "10.53.0.0/16"; allowed: a CIDR that does not overlap secondaryCidr (10.53.0.0/16).`,
    );
  });

  test('fails when it is not a CIDR', () => {
    expect(() => read('100.64.0.0')).toThrow(
      /received "100\.64\.0\.0".*It is not an IPv4 CIDR of the form a\.b\.c\.d\/n\./,
    );
  });
});
