import type { InstanceType } from '../../instance-types/instance-types';

/**
 * The CPU nodeadm reserves for Kubernetes on a hybrid node (kubelet `kubeReserved`), in millicores: 6% of the first
 * core, 1% of the second, 0.5% of the third and fourth, 0.25% of the rest, each range rounded down as nodeadm's
 * integer arithmetic does (awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go: getCPUMillicoresToReserve,
 * applied to hybrid nodes by withHybridReservedResources). 70m on 2 vCPUs.
 */
export function hybridNodeKubeReservedCpuMillicores(vcpus: number): number {
  const total = vcpus * 1000;
  const ranges: readonly (readonly [start: number, end: number, perTenThousand: number])[] = [
    [0, 1000, 600],
    [1000, 2000, 100],
    [2000, 4000, 50],
    [4000, Number.POSITIVE_INFINITY, 25],
  ];
  return ranges.reduce(
    (sum, [start, end, perTenThousand]) =>
      total <= start ? sum : sum + Math.floor(((Math.min(total, end) - start) * perTenThousand) / 10000),
    0,
  );
}

/**
 * CPU requested on the hybrid node by pods that are not the lab's: kube-proxy's 100m (the EKS kube-proxy add-on's
 * DaemonSet, which runs on hybrid nodes too). The Cilium agent and operator request none (chart defaults; the lab's
 * values add none); the VPC CNI and the controllers keep off the node.
 */
export const HYBRID_NODE_DAEMON_CPU_MILLICORES = 100;

/** Where the scheduler is expected to put the cloud-bursting pods, from the host's size and the pods' request. */
export interface BurstPlacementEstimate {
  readonly replicas: number;
  readonly podCpuMillicores: number;
  readonly instanceTypeName: string;
  readonly vcpus: number;
  /** The host's allocatable CPU: its vCPUs minus nodeadm's reservation. */
  readonly allocatableCpuMillicores: number;
  /** How many such pods the hybrid node holds beside kube-proxy. */
  readonly hybridCapacity: number;
  /** Whether every replica fits on the hybrid node; otherwise it fills up and the rest burst to EC2 nodes. */
  readonly allFitOnHybrid: boolean;
  /** Pods expected on the hybrid node (all, or about `hybridCapacity`) and on EC2 nodes. */
  readonly onHybrid: number;
  readonly onCloud: number;
}

/**
 * The placement of `replicas` pods of `podCpuMillicores` that prefer the hybrid node: the scheduler's fit check
 * admits a pod while the node's allocatable CPU covers the requests on it. An estimate ("about"): other pods someone
 * puts on the host change it; the live checks count the room actually left.
 */
export function estimateBurstPlacement(
  instanceType: InstanceType,
  podCpuMillicores: number,
  replicas: number,
): BurstPlacementEstimate {
  if (!(podCpuMillicores > 0)) throw new Error(`a pod CPU request must be positive (got ${podCpuMillicores}m)`);
  const allocatable = instanceType.vcpus * 1000 - hybridNodeKubeReservedCpuMillicores(instanceType.vcpus);
  const hybridCapacity = Math.max(0, Math.floor((allocatable - HYBRID_NODE_DAEMON_CPU_MILLICORES) / podCpuMillicores));
  const onHybrid = Math.min(replicas, hybridCapacity);
  return {
    replicas,
    podCpuMillicores,
    instanceTypeName: instanceType.name,
    vcpus: instanceType.vcpus,
    allocatableCpuMillicores: allocatable,
    hybridCapacity,
    allFitOnHybrid: replicas <= hybridCapacity,
    onHybrid,
    onCloud: replicas - onHybrid,
  };
}

/**
 * The estimate in words: `all 3 on the hybrid node`, or `the hybrid node full (about 9 there) and the other 6 on EC2
 * nodes`.
 */
export function describeBurstPlacement(estimate: BurstPlacementEstimate): string {
  return estimate.allFitOnHybrid
    ? `all ${estimate.replicas} on the hybrid node`
    : `the hybrid node full (about ${estimate.onHybrid} there) and the other ${estimate.onCloud} on EC2 nodes`;
}

/** Where the estimate comes from: `m5.large: 2000m - 70m kube-reserved - 100m kube-proxy = 1830m, room for 9 pods ...`. */
export function describeHybridCapacity(estimate: BurstPlacementEstimate): string {
  const capacity = estimate.vcpus * 1000;
  const free = estimate.allocatableCpuMillicores - HYBRID_NODE_DAEMON_CPU_MILLICORES;
  return (
    `${estimate.instanceTypeName}: ${capacity}m - ${capacity - estimate.allocatableCpuMillicores}m kube-reserved - ` +
    `${HYBRID_NODE_DAEMON_CPU_MILLICORES}m kube-proxy = ${free}m, ` +
    `room for ${estimate.hybridCapacity} pods of ${estimate.podCpuMillicores}m`
  );
}
