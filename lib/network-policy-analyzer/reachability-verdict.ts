import { describeRule, RuleReference } from './compiled-rule';
import { ConnectivityWarning } from './connectivity-warning';
import { PolicyDirection } from './network-policy';
import { Protocol } from './protocol';

/** How one direction of a connection was decided: egress at the source, or ingress at the destination. */
export interface DirectionDecision {
  readonly direction: PolicyDirection;
  /**
   * The workload whose policies decide this direction, or undefined when that end is a cluster-external address
   * (NetworkPolicy does not govern it).
   */
  readonly subject: string | undefined;
  /** True when at least one policy selecting the subject affects this direction. */
  readonly isolated: boolean;
  /** `<namespace>/<name>` of those policies. */
  readonly isolatingPolicies: readonly string[];
  readonly allowed: boolean;
  /** Every rule that allows the connection (empty when not isolated or when denied). */
  readonly allowingRules: readonly RuleReference[];
}

/** The answer to "can `from` open a connection to `to` on `protocol`/`port`?", with the reasons. */
export interface ReachabilityVerdict {
  readonly allowed: boolean;
  /** A workload name, or `external <address>`. */
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  /** The destination port policies act on: the pod port (for a Service, its resolved target port). */
  readonly port: number;
  readonly egress: DirectionDecision;
  readonly ingress: DirectionDecision;
  /** One readable sentence: which rule allowed it, or which isolation denied it. */
  readonly explanation: string;
  /** Amazon VPC CNI caveats that concern this connection. */
  readonly warnings: readonly ConnectivityWarning[];
}

/** The answer for a connection through a Service, decided per backend workload on its target port. */
export interface ServiceReachabilityVerdict {
  /** True when the Service has at least one backend and every backend accepts the connection. */
  readonly allowed: boolean;
  readonly from: string;
  /** `<namespace>/<name>` of the Service. */
  readonly service: string;
  readonly servicePort: number;
  readonly protocol: Protocol;
  /** One verdict per backend workload, on the port the Service forwards to on that backend. */
  readonly backends: readonly ReachabilityVerdict[];
  readonly explanation: string;
  readonly warnings: readonly ConnectivityWarning[];
}

/** `egress from shop/web is allowed by NetworkPolicy shop/web-out spec.egress[0]`, and so on. */
export function explainDirection(decision: DirectionDecision, peer: string, protocol: Protocol, port: number): string {
  const { direction, subject } = decision;
  const preposition = direction === 'egress' ? 'from' : 'to';
  if (subject === undefined) return `${direction} ${preposition} an external address is not governed by NetworkPolicy`;
  if (!decision.isolated) {
    const type = direction === 'egress' ? 'Egress' : 'Ingress';
    return `${subject} is not isolated for ${direction} (no NetworkPolicy of type ${type} selects it)`;
  }
  const policies = decision.isolatingPolicies.map((policy) => `NetworkPolicy ${policy}`).join(', ');
  if (decision.allowed) {
    return `${direction} ${preposition} ${subject} is allowed by ${decision.allowingRules.map(describeRule).join(', ')}`;
  }
  const peerRole = direction === 'egress' ? 'to' : 'from';
  return (
    `${subject} is isolated for ${direction} by ${policies} and no ${direction} rule allows ` +
    `${peerRole} ${peer} on ${protocol}/${port}`
  );
}

/** The whole verdict in one sentence, leading with whatever denied the connection. */
export function explainVerdict(
  from: string,
  to: string,
  protocol: Protocol,
  port: number,
  egress: DirectionDecision,
  ingress: DirectionDecision,
): string {
  const egressText = explainDirection(egress, to, protocol, port);
  const ingressText = explainDirection(ingress, from, protocol, port);
  const connection = `${from} -> ${to} on ${protocol}/${port}`;
  if (egress.allowed && ingress.allowed) return `${connection} is allowed: ${egressText}; ${ingressText}.`;
  const reasons = [egress.allowed ? undefined : egressText, ingress.allowed ? undefined : ingressText];
  return `${connection} is denied: ${reasons.filter((reason) => reason !== undefined).join('; ')}.`;
}
