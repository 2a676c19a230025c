import type { LabConfig } from './config/lab-config';
import type { LabModuleModel } from './config/lab-module-model';
import type { LabPlan } from './config/lab-plan-model';
import { installedParts } from './lab-parts';
import { plannedNodeGroups } from './node-groups/planned-node-groups';
import { kubeletMaxPods } from './node-groups/pod-density';
import { NETWORK_POLICY_VPC_CNI_CONFIGURATION } from './vpc-cni/network-policy-agent';
import { mergeVpcCniContributions, vpcCniSetting } from './vpc-cni/vpc-cni-configuration';

/** The plan of a configuration: `modules` are the models of every registered module (the enabled ones are used). */
export function planLab(config: LabConfig, modules: readonly LabModuleModel[]): LabPlan {
  const enabled = enabledModules(config, modules);
  const vpcCniConfiguration = mergeVpcCniContributions([
    { source: 'base', configuration: NETWORK_POLICY_VPC_CNI_CONFIGURATION },
    ...enabled.map((module) => ({
      source: `module ${module.name}`,
      configuration: module.vpcCniConfiguration?.(config) ?? {},
    })),
  ]);
  const prefixDelegation = vpcCniSetting(vpcCniConfiguration, 'env.ENABLE_PREFIX_DELEGATION') === 'true';
  const customNetworking = vpcCniSetting(vpcCniConfiguration, 'env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') === 'true';
  // ipamd of every node reads the same aws-node environment, so with custom networking on, the nodes of every node
  // group take pod addresses from their zone's ENIConfig subnet and EKS computes their max pods accordingly.
  const nodeGroups = plannedNodeGroups(config, enabled).map((plan) => ({
    ...plan,
    podAddressSource: customNetworking ? ('eniconfig-subnets' as const) : plan.podAddressSource,
    maxPods: kubeletMaxPods(plan.instanceType.name, { customNetworking, prefixDelegation }),
  }));
  return {
    config,
    vpcCniConfiguration,
    prefixDelegation,
    customNetworking,
    nodeGroups,
    parts: installedParts(config, enabled),
  };
}

/** The models of the enabled modules, in the configuration's order. */
export function enabledModules(config: LabConfig, modules: readonly LabModuleModel[]): LabModuleModel[] {
  return config.modules.map((name) => {
    const module = modules.find((candidate) => candidate.name === name);
    if (!module) throw new Error(`Module ${name} is enabled but not registered`);
    return module;
  });
}

/**
 * The VPC CNI mode the nodes start in, as a tag value: `secondary-ips` or `prefix-delegation`, with
 * `+custom-networking` when pods draw addresses from the ENIConfig subnets.
 */
export function vpcCniModeOf(plan: LabPlan): string {
  return `${plan.prefixDelegation ? 'prefix-delegation' : 'secondary-ips'}${plan.customNetworking ? '+custom-networking' : ''}`;
}
