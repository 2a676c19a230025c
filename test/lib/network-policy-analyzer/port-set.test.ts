import { PortSet } from '../../../lib/network-policy-analyzer';

describe('PortSet', () => {
  it('merges overlapping and adjacent ranges and sorts them', () => {
    const set = PortSet.unionOf([
      PortSet.range('TCP', 443),
      PortSet.range('TCP', 81, 90),
      PortSet.range('TCP', 80),
      PortSet.range('TCP', 85, 100),
      PortSet.range('UDP', 53),
    ]);
    expect(set.entries()).toEqual([
      {
        protocol: 'TCP',
        ranges: [
          [80, 100],
          [443, 443],
        ],
      },
      { protocol: 'UDP', ranges: [[53, 53]] },
    ]);
  });

  it('intersects per protocol', () => {
    const tcpRange = PortSet.range('TCP', 8000, 9000);
    const mixed = PortSet.unionOf([PortSet.range('TCP', 8080), PortSet.range('TCP', 9000, 9100), PortSet.allOf('UDP')]);
    expect(tcpRange.intersect(mixed).toString()).toBe('TCP 8080, 9000');
    expect(PortSet.ALL.intersect(mixed).toString()).toBe('TCP 8080, 9000-9100; UDP all');
  });

  it('answers membership only for the protocol of a range', () => {
    const set = PortSet.range('SCTP', 9999);
    expect([set.has('SCTP', 9999), set.has('TCP', 9999), set.has('SCTP', 9998)]).toEqual([true, false, false]);
  });

  it('recognises the full and the empty set', () => {
    expect(PortSet.unionOf([PortSet.allOf('TCP'), PortSet.allOf('UDP'), PortSet.allOf('SCTP')]).isAll()).toBe(true);
    expect(PortSet.allOf('TCP').isAll()).toBe(false);
    expect(PortSet.range('TCP', 1).intersect(PortSet.range('TCP', 2)).isEmpty()).toBe(true);
  });
});
