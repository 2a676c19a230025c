/**
 * Offline Kubernetes NetworkPolicy connectivity analysis (networking.k8s.io/v1 semantics) with Amazon VPC CNI
 * caveats. Plain objects in, verdicts out: no aws-cdk-lib or cdk8s dependency.
 */
export { analyzeConnectivity, ConnectivityAnalysis } from './connectivity-analysis';
export type { Connection, Endpoint } from './connectivity-analysis';
export { buildClusterInventory, NO_KIND } from './cluster-inventory';
export type { ClusterInventory, IgnoredObject } from './cluster-inventory';
export { describeRule } from './compiled-rule';
export type { RuleReference } from './compiled-rule';
export { buildConnectivityReport, formatConnectivityMatrix } from './connectivity-report';
export type { ConnectionReport, ConnectivityReport } from './connectivity-report';
export { ConnectivityQueryError } from './connectivity-query-error';
export { EKS_NETWORK_POLICY_CONSIDERATIONS, formatWarning, VPC_CNI_NAMED_PORT_ISSUES } from './connectivity-warning';
export type { ConnectivityWarning, WarningCode } from './connectivity-warning';
export { InvalidNetworkPolicyError } from './invalid-network-policy-error';
export { ManifestError } from './manifest-error';
export { loadManifests, parseManifests } from './manifest-loader';
export type { LoadedManifests } from './manifest-loader';
export type { NetworkPolicy, PolicyDirection, PolicyRule } from './network-policy';
export { PortSet } from './port-set';
export type { PortRange, ProtocolPorts } from './port-set';
export { PROTOCOLS } from './protocol';
export type { Protocol } from './protocol';
export type { DirectionDecision, ReachabilityVerdict, ServiceReachabilityVerdict } from './reachability-verdict';
export { MAX_PORT_PROTOCOL_COMBINATIONS_PER_CIDR } from './vpc-cni-caveats';
export type { ContainerPort, Workload } from './workload';
