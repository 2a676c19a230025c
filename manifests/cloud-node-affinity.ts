import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from './well-known-labels';

/**
 * Pod affinity that keeps a workload off EKS Hybrid Nodes. Controllers that need EKS Pod Identity or that serve
 * webhooks must run on cloud nodes in clusters that also have hybrid nodes (EKS user guide, "Configure webhooks for
 * hybrid nodes"); without hybrid nodes the rule matches every node and changes nothing.
 */
export const CLOUD_NODES_ONLY_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: COMPUTE_TYPE_LABEL, operator: 'NotIn', values: [HYBRID_COMPUTE_TYPE] }] },
      ],
    },
  },
} as const;
