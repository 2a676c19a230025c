import { Cidr, isStrictSubset, parseCidr } from './cidr';
import { describeIpBlock, IpBlock } from './ip-block';
import { describeSelector, LabelSelector, parseLabelSelector } from './label-selector';
import { isAbsent, isList, isPlainObject } from './plain-object';

/** One entry of a rule's `from` or `to` list. */
export type PolicyPeer =
  | {
      readonly kind: 'pods';
      /** Absent: every pod of the selected namespaces. */
      readonly podSelector: LabelSelector | undefined;
      /** Absent: the policy's own namespace only. */
      readonly namespaceSelector: LabelSelector | undefined;
    }
  | { readonly kind: 'ip-block'; readonly ipBlock: IpBlock };

export function describePeer(peer: PolicyPeer): string {
  if (peer.kind === 'ip-block') return `ipBlock ${describeIpBlock(peer.ipBlock)}`;
  const parts: string[] = [];
  if (peer.namespaceSelector !== undefined) parts.push(`namespaceSelector ${describeSelector(peer.namespaceSelector)}`);
  if (peer.podSelector !== undefined) parts.push(`podSelector ${describeSelector(peer.podSelector)}`);
  return parts.join(' and ');
}

/**
 * Parses a NetworkPolicyPeer. As the API server does, it rejects a peer with no selector and no ipBlock (`{}`
 * in `from`/`to` is an error, not "everything") and an ipBlock combined with a selector.
 */
export function parsePolicyPeer(value: unknown, path: string, problems: string[]): PolicyPeer | undefined {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object with podSelector, namespaceSelector or ipBlock`);
    return undefined;
  }
  const { podSelector, namespaceSelector, ipBlock } = value;
  const problemCount = problems.length;
  const hasPodSelector = !isAbsent(podSelector);
  const hasNamespaceSelector = !isAbsent(namespaceSelector);
  if (!isAbsent(ipBlock)) {
    if (hasPodSelector || hasNamespaceSelector) {
      problems.push(`${path}: may not specify both ipBlock and another peer`);
      return undefined;
    }
    const block = parseIpBlock(ipBlock, `${path}.ipBlock`, problems);
    return block === undefined ? undefined : { kind: 'ip-block', ipBlock: block };
  }
  if (!hasPodSelector && !hasNamespaceSelector) {
    problems.push(
      `${path}: must specify a peer (podSelector, namespaceSelector or ipBlock); an empty peer {} is invalid — ` +
        'omit from/to entirely to allow every peer',
    );
    return undefined;
  }
  const peer: PolicyPeer = {
    kind: 'pods',
    podSelector: hasPodSelector ? parseLabelSelector(podSelector, `${path}.podSelector`, problems) : undefined,
    namespaceSelector: hasNamespaceSelector
      ? parseLabelSelector(namespaceSelector, `${path}.namespaceSelector`, problems)
      : undefined,
  };
  return problems.length === problemCount ? peer : undefined;
}

function parseIpBlock(value: unknown, path: string, problems: string[]): IpBlock | undefined {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object with cidr and except`);
    return undefined;
  }
  if (typeof value.cidr !== 'string' || value.cidr === '') {
    problems.push(`${path}.cidr: required`);
    return undefined;
  }
  const cidr = parseCidr(value.cidr);
  if (typeof cidr === 'string') {
    problems.push(`${path}.cidr: ${cidr}`);
    return undefined;
  }
  const except: Cidr[] = [];
  if (!isAbsent(value.except)) {
    if (!isList(value.except)) {
      problems.push(`${path}.except: must be a list of CIDRs`);
      return undefined;
    }
    value.except.forEach((entry, index) => {
      const entryPath = `${path}.except[${index}]`;
      const excluded = typeof entry === 'string' ? parseCidr(entry) : `${JSON.stringify(entry)} is not a CIDR string`;
      if (typeof excluded === 'string') problems.push(`${entryPath}: ${excluded}`);
      else if (!isStrictSubset(excluded, cidr))
        problems.push(`${entryPath}: ${excluded.text} must be a strict subset of ${cidr.text}`);
      else except.push(excluded);
    });
  }
  return { cidr, except };
}
