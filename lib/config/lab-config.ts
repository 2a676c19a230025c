import type { KubernetesVersionLifecycle } from './kubernetes-versions';
import type { Ipv4Cidr } from './ipv4-cidr';
import type { InstanceType } from '../instance-types/instance-types';
import type { ModuleName } from '../modules/module-registry';
import type { CustomNetworkingSettings } from '../modules/custom-networking/custom-networking-settings';
import type { HybridNodesSettings } from '../modules/hybrid-nodes/hybrid-nodes-settings';
import type { NetworkPoliciesSettings } from '../modules/network-policies/network-policies-settings';
import type { PrefixDelegationSettings } from '../modules/prefix-delegation/prefix-delegation-settings';
import type { VpcLatticeSettings } from '../modules/vpc-lattice/vpc-lattice-settings';

/** Everything the app needs from context, validated once and frozen. Nothing else reads context. */
export interface LabConfig {
  readonly clusterName: string;
  readonly kubernetesVersion: KubernetesVersionLifecycle;
  readonly vpcCidr: Ipv4Cidr;
  readonly secondaryCidr: Ipv4Cidr;
  readonly remoteNodeCidr: Ipv4Cidr;
  readonly remotePodCidr: Ipv4Cidr;
  readonly nodeInstanceType: InstanceType;
  /** Pinned `vpc-cni` add-on version; undefined lets EKS pick the default for the cluster version. */
  readonly vpcCniVersion?: string;
  readonly adminPrincipalArn?: string;
  /** The AWS Load Balancer Controller and the internet-facing `ui-nlb` Service. */
  readonly exposeUi: boolean;
  /** Who may reach anything the lab exposes publicly. */
  readonly inboundCidrs: readonly string[];
  readonly allowWorldAccess: boolean;
  /** Enabled modules, in registry order. */
  readonly modules: readonly ModuleName[];
  readonly customNetworking: CustomNetworkingSettings;
  readonly prefixDelegation: PrefixDelegationSettings;
  readonly networkPolicies: NetworkPoliciesSettings;
  readonly vpcLattice: VpcLatticeSettings;
  readonly hybridNodes: HybridNodesSettings;
  /** Non-fatal findings for `cdk synth` to print as warnings (id + message). */
  readonly warnings: readonly ConfigWarning[];
}

export interface ConfigWarning {
  readonly id: string;
  readonly message: string;
}

export function isModuleEnabled(config: LabConfig, module: ModuleName): boolean {
  return config.modules.includes(module);
}
