import { cidr } from '../../../../lib/config/ipv4-cidr';
import { assignableIpv4Prefixes, podSubnetCidrs } from '../../../../lib/modules/custom-networking/pod-subnet-layout';

describe('pod subnet layout', () => {
  test('cuts the workshop pod subnets: the first three eighths of 100.64.0.0/16', () => {
    expect(podSubnetCidrs(cidr('100.64.0.0/16'), 3).map((block) => block.text)).toEqual([
      '100.64.0.0/19',
      '100.64.32.0/19',
      '100.64.64.0/19',
    ]);
  });

  test('cuts /27s from a /24', () => {
    expect(podSubnetCidrs(cidr('100.64.7.0/24'), 3).map((block) => block.text)).toEqual([
      '100.64.7.0/27',
      '100.64.7.32/27',
      '100.64.7.64/27',
    ]);
  });

  test('fails for more zones than eighths', () => {
    expect(() => podSubnetCidrs(cidr('100.64.0.0/16'), 9)).toThrow('At most 8 pod subnets fit, asked for 9');
  });

  test.each([
    ['100.64.0.0/19', 510],
    ['100.64.0.0/26', 2],
    ['100.64.0.0/27', 0],
    ['100.64.0.0/28', 0],
  ])(
    'counts the /28 prefixes EC2 can assign in %s: %i (not the first or last, which hold reserved addresses)',
    (text, count) => {
      expect(assignableIpv4Prefixes(cidr(text))).toBe(count);
    },
  );
});
