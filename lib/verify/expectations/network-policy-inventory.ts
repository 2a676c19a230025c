/**
 * Exactly these NetworkPolicies exist in some namespaces: offline in what the lab deploys, live in the cluster.
 * Live, it catches what the offline check cannot: a policy left behind (applied by hand, or by an earlier lab
 * step) that would make the connectivity checks disagree with the stage.
 */
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import { findKubernetesObjects } from '../synthesized-lab';
import { commandJson, kubectl } from '../live/live-commands';

export interface NetworkPolicyInventoryProps {
  readonly id: string;
  readonly module: string;
  /** Namespaces looked at; policies elsewhere are ignored. */
  readonly namespaces: readonly string[];
  /** `<namespace>/<name>` of every policy expected in those namespaces. */
  readonly expected: readonly string[];
  readonly source?: string;
}

interface ObjectJson {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

function compare(found: readonly string[], props: NetworkPolicyInventoryProps): CheckOutcome {
  const inScope = [...new Set(found.filter((name) => props.namespaces.includes(name.split('/')[0])))].sort();
  const missing = props.expected.filter((name) => !inScope.includes(name));
  const extra = inScope.filter((name) => !props.expected.includes(name));
  const problems = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`unexpected ${extra.join(', ')}`] : []),
  ];
  return {
    pass: problems.length === 0,
    actual: problems.length === 0 ? inScope.join(', ') || '(none)' : problems.join('; '),
  };
}

function qualifiedName(object: ObjectJson): string {
  return `${object.metadata?.namespace ?? 'default'}/${object.metadata?.name ?? '(unnamed)'}`;
}

/** Reads `kubectl get networkpolicies --all-namespaces -o json`. */
export function interpretNetworkPolicyList(
  result: CommandResult | undefined,
  props: NetworkPolicyInventoryProps,
): CheckOutcome {
  const list = commandJson<{ readonly items?: readonly ObjectJson[] }>(result, 'kubectl');
  if (typeof list === 'string') return { pass: false, actual: list };
  return compare((list.items ?? []).map(qualifiedName), props);
}

export function networkPolicyInventoryExpectation(props: NetworkPolicyInventoryProps): LabExpectation {
  const expected = [...props.expected].sort();
  const sorted = { ...props, expected };
  return {
    id: props.id,
    module: props.module,
    subject: `NetworkPolicies in namespaces ${props.namespaces.join(', ')}`,
    expected: expected.join(', ') || '(none)',
    source: props.source,
    checkOffline: (lab) => compare(findKubernetesObjects(lab, 'NetworkPolicy').map(qualifiedName), sorted),
    live: {
      commands: () => [kubectl('get', 'networkpolicies', '--all-namespaces', '-o', 'json')],
      interpret: (results) => interpretNetworkPolicyList(results[0], sorted),
    },
  };
}
