/**
 * Labels Kubernetes and Amazon EKS put on namespaces and nodes themselves. The lab selects by them (policies,
 * affinities, ENIConfig lookup, checks), so each key is written here once.
 */

/** On every namespace, its name (NetworkPolicy namespace selectors use it). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** On every node, its Availability Zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** On every node of a managed node group, the node group's name. */
export const NODEGROUP_NAME_LABEL = 'eks.amazonaws.com/nodegroup';

/** On every EKS Hybrid Node, `hybrid`; EKS add-ons that cannot run there have anti-affinity to it. */
export const COMPUTE_TYPE_LABEL = 'eks.amazonaws.com/compute-type';
export const HYBRID_COMPUTE_TYPE = 'hybrid';
