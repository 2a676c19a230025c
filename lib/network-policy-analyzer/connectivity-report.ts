import { ConnectivityAnalysis } from './connectivity-analysis';
import { PortRange } from './port-set';
import { Protocol } from './protocol';

/** The CLI's `--json` output: exactly these two keys. */
export interface ConnectivityReport {
  readonly workloads: readonly string[];
  readonly connections: readonly ConnectionReport[];
}

export interface ConnectionReport {
  readonly from: string;
  readonly to: string;
  /** Destination pod ports, merged and sorted, per protocol (TCP, UDP, SCTP order); empty when nothing is allowed. */
  readonly allowed: readonly { readonly protocol: Protocol; readonly ranges: readonly PortRange[] }[];
}

export function buildConnectivityReport(analysis: ConnectivityAnalysis): ConnectivityReport {
  return {
    workloads: analysis.workloadNames,
    connections: analysis.connections().map(({ from, to, allowed }) => ({
      from,
      to,
      allowed: allowed.entries().map(({ protocol, ranges }) => ({ protocol, ranges })),
    })),
  };
}

/** Matrix symbols: every port of every protocol, some ports, none, and the diagonal (a workload and itself). */
const ALL = 'A';
const SOME = 'P';
const NONE = '-';
const SELF = '\\';

/**
 * A readable matrix (row = source, column = destination) followed by the exact ports of every partially
 * allowed pair.
 */
export function formatConnectivityMatrix(analysis: ConnectivityAnalysis): string {
  const names = analysis.workloadNames;
  if (names.length === 0) return 'No workloads found.\n';
  const connections = analysis.connections();
  const width = String(names.length).length + 1;
  const cell = (text: string): string => text.padStart(width);
  const lines = ['Workloads:', ...names.map((name, index) => `  ${cell(String(index + 1))}  ${name}`), ''];
  lines.push(`Connections (row = from, column = to; ${ALL} = all ports, ${SOME} = some ports, ${NONE} = none):`);
  lines.push(`  ${cell('')}  ${names.map((_, index) => cell(String(index + 1))).join('')}`);
  let position = 0;
  const partial: string[] = [];
  names.forEach((from, row) => {
    const cells = names.map((_, column) => {
      if (row === column) return cell(SELF);
      const { to, allowed } = connections[position++];
      if (allowed.isAll()) return cell(ALL);
      if (allowed.isEmpty()) return cell(NONE);
      partial.push(`  ${from} -> ${to}: ${allowed.toString()}`);
      return cell(SOME);
    });
    lines.push(`  ${cell(String(row + 1))}  ${cells.join('')}`);
  });
  if (partial.length > 0) lines.push('', 'Partially allowed:', ...partial);
  return `${lines.join('\n')}\n`;
}
