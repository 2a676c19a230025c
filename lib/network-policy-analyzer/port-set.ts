import { MAX_PORT, MIN_PORT, Protocol, PROTOCOLS } from './protocol';

/** An inclusive range of port numbers, `[first, last]`. */
export type PortRange = readonly [number, number];

/** The ranges allowed for one protocol, merged and sorted. */
export interface ProtocolPorts {
  readonly protocol: Protocol;
  readonly ranges: readonly PortRange[];
}

type RangesByProtocol = Readonly<Record<Protocol, readonly PortRange[]>>;

/**
 * An immutable set of (protocol, port) pairs stored as merged, sorted ranges per protocol, so unions and
 * intersections of whole policies stay cheap however wide their port ranges are.
 */
export class PortSet {
  static readonly EMPTY = new PortSet({ TCP: [], UDP: [], SCTP: [] });
  static readonly ALL = new PortSet({
    TCP: [[MIN_PORT, MAX_PORT]],
    UDP: [[MIN_PORT, MAX_PORT]],
    SCTP: [[MIN_PORT, MAX_PORT]],
  });

  private constructor(private readonly byProtocol: RangesByProtocol) {}

  static range(protocol: Protocol, first: number, last: number = first): PortSet {
    return new PortSet({ ...PortSet.EMPTY.byProtocol, [protocol]: [[first, last]] });
  }

  static allOf(protocol: Protocol): PortSet {
    return PortSet.range(protocol, MIN_PORT, MAX_PORT);
  }

  /** One merge over all the sets' ranges, rather than a merge per pair. */
  static unionOf(sets: readonly PortSet[]): PortSet {
    const nonEmpty = sets.filter((set) => !set.isEmpty());
    if (nonEmpty.length === 0) return PortSet.EMPTY;
    if (nonEmpty.length === 1) return nonEmpty[0];
    const all = nonEmpty.find((set) => set === PortSet.ALL);
    if (all !== undefined) return all;
    return new PortSet({
      TCP: mergeRanges(nonEmpty.flatMap((set) => set.byProtocol.TCP)),
      UDP: mergeRanges(nonEmpty.flatMap((set) => set.byProtocol.UDP)),
      SCTP: mergeRanges(nonEmpty.flatMap((set) => set.byProtocol.SCTP)),
    });
  }

  has(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].some(([first, last]) => first <= port && port <= last);
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((protocol) => this.byProtocol[protocol].length === 0);
  }

  isAll(): boolean {
    return PROTOCOLS.every((protocol) => {
      const ranges = this.byProtocol[protocol];
      return ranges.length === 1 && ranges[0][0] === MIN_PORT && ranges[0][1] === MAX_PORT;
    });
  }

  rangesOf(protocol: Protocol): readonly PortRange[] {
    return this.byProtocol[protocol];
  }

  /** Non-empty protocols only, in TCP, UDP, SCTP order. */
  entries(): ProtocolPorts[] {
    return PROTOCOLS.filter((protocol) => this.byProtocol[protocol].length > 0).map((protocol) => ({
      protocol,
      ranges: this.byProtocol[protocol],
    }));
  }

  union(other: PortSet): PortSet {
    if (other.isEmpty() || this === other) return this;
    if (this.isEmpty()) return other;
    return new PortSet({
      TCP: mergeRanges([...this.byProtocol.TCP, ...other.byProtocol.TCP]),
      UDP: mergeRanges([...this.byProtocol.UDP, ...other.byProtocol.UDP]),
      SCTP: mergeRanges([...this.byProtocol.SCTP, ...other.byProtocol.SCTP]),
    });
  }

  intersect(other: PortSet): PortSet {
    if (this === other) return this;
    if (this.isEmpty() || other.isEmpty()) return PortSet.EMPTY;
    return new PortSet({
      TCP: intersectRanges(this.byProtocol.TCP, other.byProtocol.TCP),
      UDP: intersectRanges(this.byProtocol.UDP, other.byProtocol.UDP),
      SCTP: intersectRanges(this.byProtocol.SCTP, other.byProtocol.SCTP),
    });
  }

  /** `TCP 80, 8000-8080; UDP 53`, `all ports` or `no ports`. */
  toString(): string {
    if (this.isAll()) return 'all ports';
    if (this.isEmpty()) return 'no ports';
    return this.entries()
      .map(({ protocol, ranges }) => `${protocol} ${ranges.map(formatRange).join(', ')}`)
      .join('; ');
  }
}

function formatRange([first, last]: PortRange): string {
  if (first === MIN_PORT && last === MAX_PORT) return 'all';
  return first === last ? String(first) : `${first}-${last}`;
}

/** Sorts and merges overlapping and adjacent ranges: [[80,80],[81,90]] becomes [[80,90]]. */
function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && first <= previous[1] + 1) {
      previous[1] = Math.max(previous[1], last);
    } else {
      merged.push([first, last]);
    }
  }
  return merged;
}

/** Both inputs are merged and sorted, so one linear sweep finds every overlap. */
function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = Math.max(a[i][0], b[j][0]);
    const last = Math.min(a[i][1], b[j][1]);
    if (first <= last) result.push([first, last]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return result;
}
