import type { KubernetesVersionLifecycle } from './kubernetes-versions';
import type { Ipv4Cidr } from './ipv4-cidr';
import type { InstanceType } from '../instance-types/instance-types';

/**
 * The settings of each module, by key prefix (`config.prefixDelegation`). Empty here: each module's settings file
 * adds its entry (`declare module '.../lab-config' { interface ModuleSettingsByPrefix { ... } }`), so the config
 * knows every module's settings type without importing any module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ModuleSettingsByPrefix {}

/** Everything the app needs from context, validated once and frozen. Nothing else reads context. */
export interface LabConfig extends ModuleSettingsByPrefix {
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
  /** `adminPrincipalArn=none`: the lab has no admin access entry on purpose (a deployed one may be removed). */
  readonly adminAccessDeclined?: boolean;
  /** The AWS Load Balancer Controller and the internet-facing `ui-nlb` Service. */
  readonly exposeUi: boolean;
  /** Who may reach anything the lab exposes publicly. */
  readonly inboundCidrs: readonly string[];
  readonly allowWorldAccess: boolean;
  /** Enabled modules, by name, in registry order. */
  readonly modules: readonly string[];
  /** Non-fatal findings for `cdk synth` to print as warnings (id + message). */
  readonly warnings: readonly ConfigWarning[];
}

export interface ConfigWarning {
  readonly id: string;
  readonly message: string;
}

export function isModuleEnabled(config: LabConfig, module: string): boolean {
  return config.modules.includes(module);
}
