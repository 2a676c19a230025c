/**
 * Exactly these NetworkPolicies exist in some namespaces: offline in what the lab deploys, live in the cluster.
 * Live, it catches what the offline check cannot: a policy left behind (applied by hand, or by an earlier lab
 * step) that would make the connectivity checks disagree with the stage.
 */
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';

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
  if (!result || result.exitCode !== 0)
    return { pass: false, actual: `kubectl failed: ${result?.stderr.trim() || 'no result'}` };
  try {
    const list = JSON.parse(result.stdout) as { readonly items?: readonly ObjectJson[] };
    return compare((list.items ?? []).map(qualifiedName), props);
  } catch {
    return { pass: false, actual: 'kubectl printed no JSON' };
  }
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
    checkOffline: (lab) =>
      compare(
        lab.kubernetesObjects
          .filter(({ object }) => object.kind === 'NetworkPolicy')
          .map(({ object }) => qualifiedName(object)),
        sorted,
      ),
    live: {
      commands: () => [{ program: 'kubectl', args: ['get', 'networkpolicies', '--all-namespaces', '-o', 'json'] }],
      interpret: (results) => interpretNetworkPolicyList(results[0], sorted),
    },
  };
}
