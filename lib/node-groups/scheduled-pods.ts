/**
 * The pods the lab itself schedules, for capacity checks. Kubelet `maxPods` limits every pod on a node, host-network
 * pods included, so DaemonSet pods count against it on every node.
 *
 * The count and where each number comes from:
 * - DaemonSets, one pod per node: `aws-node` (the `vpc-cni` add-on), `kube-proxy` (the `kube-proxy` add-on) and
 *   `eks-pod-identity-agent` (the Pod Identity agent add-on), all installed by the base (lib/base/lab-cluster.ts).
 *   The network policy agent runs as a container of `aws-node`, not as a pod of its own.
 * - CoreDNS: the `coredns` add-on runs 2 replicas by default.
 * - External Secrets Operator (constructs/external-secrets-operator.ts, chart defaults): controller, webhook and
 *   cert-controller, 1 replica each = 3.
 * - Retail app: one replica of each application service and each data store (manifests/retail-app).
 * Workloads of other modules (controllers, test clients) are not counted: callers that know them add them.
 */
import { APP_SERVICE_NAMES, DATA_STORES } from '../../manifests/retail-app/retail-app-components';

export const DAEMONSET_PODS_PER_NODE = ['aws-node', 'kube-proxy', 'eks-pod-identity-agent'] as const;

/** Cluster-wide pods of the base lab besides the retail app, by workload. */
export const BASE_CLUSTER_PODS: Readonly<Record<string, number>> = Object.freeze({
  coredns: 2,
  'external-secrets': 3,
});

/** Retail app pods: every application service and data store runs one replica. */
export function retailAppPodCount(): number {
  return APP_SERVICE_NAMES.length + Object.keys(DATA_STORES).length;
}

/** Pods the base lab schedules on a cluster of `nodes` nodes. */
export interface ScheduledPods {
  readonly daemonSetPods: number;
  readonly clusterPods: number;
  readonly retailAppPods: number;
  readonly total: number;
}

export function baseLabScheduledPods(nodes: number): ScheduledPods {
  const daemonSetPods = DAEMONSET_PODS_PER_NODE.length * nodes;
  const clusterPods = Object.values(BASE_CLUSTER_PODS).reduce((sum, count) => sum + count, 0);
  const retailAppPods = retailAppPodCount();
  return { daemonSetPods, clusterPods, retailAppPods, total: daemonSetPods + clusterPods + retailAppPods };
}
