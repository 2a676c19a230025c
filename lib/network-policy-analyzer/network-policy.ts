import { InvalidNetworkPolicyError } from './invalid-network-policy-error';
import { isKindOf, KubernetesObject, qualifiedName } from './kubernetes-object';
import { LabelSelector, MATCH_ALL, parseLabelSelector } from './label-selector';
import { parsePolicyPeer, PolicyPeer } from './network-policy-peer';
import { parsePolicyPort, PolicyPort } from './network-policy-port';
import { isAbsent, isList, isPlainObject } from './plain-object';

export type PolicyDirection = 'ingress' | 'egress';

/** One entry of `spec.ingress` or `spec.egress`. */
export interface PolicyRule {
  readonly direction: PolicyDirection;
  /** Position in the policy's list, for `spec.ingress[0]`-style references. */
  readonly index: number;
  /** Undefined when `from`/`to` is absent or empty: the rule matches every peer. */
  readonly peers: readonly PolicyPeer[] | undefined;
  /** Undefined when `ports` is absent or empty: the rule matches every port of every protocol. */
  readonly ports: readonly PolicyPort[] | undefined;
}

export interface NetworkPolicy {
  /** `<namespace>/<name>`. */
  readonly name: string;
  readonly namespace: string;
  /** Pods of the policy's namespace it applies to; `{}` selects them all. */
  readonly podSelector: LabelSelector;
  /** Whether the policy isolates its pods for ingress (policyTypes includes Ingress, explicitly or by default). */
  readonly affectsIngress: boolean;
  /** Whether the policy isolates its pods for egress. */
  readonly affectsEgress: boolean;
  readonly ingressRules: readonly PolicyRule[];
  readonly egressRules: readonly PolicyRule[];
}

export function isNetworkPolicyObject(object: KubernetesObject): boolean {
  return isKindOf(object, 'NetworkPolicy', ['networking.k8s.io', 'extensions']);
}

/**
 * Parses and validates a NetworkPolicy, throwing InvalidNetworkPolicyError with every problem the API server
 * would report.
 */
export function readNetworkPolicy(object: KubernetesObject): NetworkPolicy {
  const name = qualifiedName(object);
  const { spec } = object;
  const problems: string[] = [];
  // podSelector is required by the API, but a manifest that omits it decodes to the empty selector (all pods).
  const podSelector = isAbsent(spec.podSelector)
    ? MATCH_ALL
    : parseLabelSelector(spec.podSelector, 'spec.podSelector', problems);
  const ingressRules = parseRules(spec.ingress, 'ingress', problems);
  const egressRules = parseRules(spec.egress, 'egress', problems);
  const policyTypes = parsePolicyTypes(spec.policyTypes, problems);
  if (problems.length > 0) throw new InvalidNetworkPolicyError(name, problems);
  // API reference, policyTypes: without it every policy affects Ingress, and Egress only when it has egress
  // rules. The API server's defaulting treats an empty policyTypes as unspecified and `egress: []` as no rules.
  const defaulted = policyTypes === undefined || policyTypes.length === 0;
  return {
    name,
    namespace: object.namespace,
    podSelector,
    affectsIngress: defaulted || policyTypes.includes('Ingress'),
    affectsEgress: defaulted ? egressRules.length > 0 : policyTypes.includes('Egress'),
    ingressRules,
    egressRules,
  };
}

function parsePolicyTypes(value: unknown, problems: string[]): readonly string[] | undefined {
  if (isAbsent(value)) return undefined;
  if (!isList(value)) {
    problems.push('spec.policyTypes: must be a list of "Ingress" and/or "Egress"');
    return undefined;
  }
  if (value.length > 2) problems.push('spec.policyTypes: may not specify more than two policyTypes');
  const types: string[] = [];
  value.forEach((type, index) => {
    if (type === 'Ingress' || type === 'Egress') types.push(type);
    else problems.push(`spec.policyTypes[${index}]: "${String(type)}" is not one of Ingress, Egress`);
  });
  return types;
}

function parseRules(value: unknown, direction: PolicyDirection, problems: string[]): PolicyRule[] {
  if (isAbsent(value)) return [];
  const path = `spec.${direction}`;
  if (!isList(value)) {
    problems.push(`${path}: must be a list of rules`);
    return [];
  }
  const peerField = direction === 'ingress' ? 'from' : 'to';
  return value.flatMap((rule, index) => {
    const rulePath = `${path}[${index}]`;
    // A null list item decodes to the zero-value rule, which is `{}`: every peer on every port.
    const fields = isAbsent(rule) ? {} : rule;
    if (!isPlainObject(fields)) {
      problems.push(`${rulePath}: must be an object with ${peerField} and ports`);
      return [];
    }
    const peers = parseList(fields[peerField], `${rulePath}.${peerField}`, problems, parsePolicyPeer);
    const ports = parseList(fields.ports, `${rulePath}.ports`, problems, parsePolicyPort);
    return [{ direction, index, peers, ports }];
  });
}

/** An absent or empty list means "no restriction" for both `from`/`to` and `ports`: returned as undefined. */
function parseList<T>(
  value: unknown,
  path: string,
  problems: string[],
  parseItem: (item: unknown, itemPath: string, problems: string[]) => T | undefined,
): readonly T[] | undefined {
  if (isAbsent(value)) return undefined;
  if (!isList(value)) {
    problems.push(`${path}: must be a list`);
    return undefined;
  }
  if (value.length === 0) return undefined;
  return value.flatMap((item, index) => {
    const parsed = parseItem(item, `${path}[${index}]`, problems);
    return parsed === undefined ? [] : [parsed];
  });
}
