import { CILIUM_CHART } from '../../../manifests/hybrid-nodes/hybrid-nodes-names';
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
        clusterPoolIPv4MaskSize: CILIUM_CHART.podCidrMaskSize,
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
 */
export function kyvernoValues(): Record<string, unknown> {
  return {
    config: { resourceFiltersExclude: ['[Binding,*,*]', '[Pod/binding,*,*]'] },
    admissionController: {
      rbac: { clusterRole: { extraResources: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }] } },
    },
    backgroundController: {
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
