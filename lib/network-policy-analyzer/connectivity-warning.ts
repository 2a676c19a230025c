/**
 * The Amazon EKS user guide's considerations for Kubernetes network policies on the Amazon VPC CNI: the places where
 * its network policy agent departs from the Kubernetes specification.
 */
export const EKS_NETWORK_POLICY_CONSIDERATIONS =
  'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html#cni-network-policy-considerations';

/** Controller bug reports about named ports in ingress rules (resolved against the wrong pod, or not at all). */
export const VPC_CNI_NAMED_PORT_ISSUES: readonly string[] = [
  'https://github.com/aws/amazon-network-policy-controller-k8s/issues/52',
  'https://github.com/aws/amazon-network-policy-controller-k8s/issues/81',
];

export type WarningCode =
  | 'service-port-differs-from-container-port'
  | 'named-port-in-ingress-rule'
  | 'bare-pod-without-owner'
  | 'too-many-port-protocol-combinations';

/**
 * Where the Amazon VPC CNI may enforce something other than what the specification says. A warning never changes
 * a verdict: verdicts follow the Kubernetes API; warnings say where EKS may disagree and why.
 */
export interface ConnectivityWarning {
  readonly code: WarningCode;
  readonly message: string;
  /**
   * Workloads (`<namespace>/<name>`) whose traffic the warning concerns: the clients for a Service port warning,
   * the selected pods for a named-port warning, the pod for a bare-pod warning, the subject for too many ports.
   */
  readonly workloads: readonly string[];
  /** The NetworkPolicy concerned, when there is one. */
  readonly policy?: string;
  /** The Service concerned, when there is one. */
  readonly service?: string;
  /** For too-many-port-protocol-combinations: the peer (workload name or CIDR) that exceeds the limit. */
  readonly peer?: string;
  /** Documentation, and bug reports where the documentation is silent. */
  readonly references: readonly string[];
}

/** `warning [code] message (see url, url)`: one line, as the CLI prints it. */
export function formatWarning(warning: ConnectivityWarning): string {
  return `warning [${warning.code}] ${warning.message} (see ${warning.references.join(', ')})`;
}
