import { CILIUM_POD_CIDR_MASK_SIZE } from '../../../manifests/hybrid-nodes/hybrid-nodes-names';
import { CLOUD_NODES_ONLY_AFFINITY } from '../../../manifests/cloud-node-affinity';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../../../manifests/well-known-labels';

/** `requiredDuringScheduling` node affinity to the hybrid nodes (the lab's Cilium agent and operator). */
export function requiredHybridNodeAffinity(): Record<string, unknown> {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: COMPUTE_TYPE_LABEL, operator: 'In', values: [HYBRID_COMPUTE_TYPE] }] },
        ],
      },
    },
  };
}

/**
 * The lab's `cilium-values.yaml`, with the pod CIDR from the config. Cilium runs only on hybrid nodes (the VPC CNI
 * keeps the cloud nodes), allocates each node a /25 from the remote pod network (cluster-pool IPAM; the list must
 * match the cluster's remote pod network), one operator replica (the lab has one hybrid node), no restart of pods
 * it does not manage, and no Envoy DaemonSet.
 * Source: EKS user guide, "Configure CNI for hybrid nodes"
 * https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-cni.html
 */
export function ciliumValues(remotePodCidr: string): Record<string, unknown> {
  return {
    affinity: requiredHybridNodeAffinity(),
    ipam: {
      mode: 'cluster-pool',
      operator: {
        clusterPoolIPv4MaskSize: CILIUM_POD_CIDR_MASK_SIZE,
        clusterPoolIPv4PodCIDRList: [remotePodCidr],
      },
    },
    operator: {
      replicas: 1,
      affinity: requiredHybridNodeAffinity(),
      unmanagedPodWatcher: { restart: false },
    },
    envoy: { enabled: false },
  };
}

/**
 * The lab's `kyverno/values.yaml`: Kyverno must see `Pod/binding` requests (filtered out by default) and read
 * nodes, and its background controller updates pods, so the policy can annotate pods bound to a hybrid node.
 * Beyond the workshop, every controller keeps off the hybrid node (its placement in lib/third-party/kyverno-part.ts).
 */
export function kyvernoValues(): Record<string, unknown> {
  const cloudOnly = CLOUD_NODES_ONLY_AFFINITY.nodeAffinity;
  return {
    config: { resourceFiltersExclude: ['[Binding,*,*]', '[Pod/binding,*,*]'] },
    admissionController: {
      nodeAffinity: cloudOnly,
      rbac: { clusterRole: { extraResources: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }] } },
    },
    cleanupController: { nodeAffinity: cloudOnly },
    reportsController: { nodeAffinity: cloudOnly },
    backgroundController: {
      nodeAffinity: cloudOnly,
      rbac: {
        clusterRole: {
          extraResources: [
            { apiGroups: [''], resources: ['pods', 'pods/binding'], verbs: ['update'] },
            { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
          ],
        },
      },
    },
  };
}
