import { PREFIX_DELEGATION_WALK } from './prefix-delegation-walk';
import { prefixDelegationExpectations } from './prefix-delegation-expectations';
import { PREFIX_DELEGATION_SETTINGS } from './prefix-delegation-settings';
import { PrefixDelegationStack } from './prefix-delegation-stack';
import { checkWarmTargets, prefixDelegationVpcCniEnv } from './prefix-delegation-vpc-cni';
import { LabConfigError } from '../../config/lab-config-error';
import { isKnownInstanceType, lookupInstanceType, supportsPrefixDelegation } from '../../instance-types/instance-types';
import type { LabPlan } from '../../config/lab-plan-model';
import type { LabModuleDefinition } from '../lab-module';

/** The same size one generation later when that is Nitro-based (t2.medium -> t3.medium, m4.large -> m5.large). */
export function nitroAlternative(instanceType: string): string | undefined {
  const match = /^([a-z]+)(\d+)([a-z]*)\.(.+)$/.exec(instanceType);
  if (!match) return undefined;
  const candidate = `${match[1]}${Number(match[2]) + 1}${match[3]}.${match[4]}`;
  return isKnownInstanceType(candidate) && supportsPrefixDelegation(lookupInstanceType(candidate))
    ? candidate
    : undefined;
}

function validate({ config, nodeGroups }: LabPlan): void {
  // A pinned VPC CNI is at least 1.14 in every lab (lib/vpc-cni/network-policy-agent.ts), past prefix mode's 1.9.0.
  checkWarmTargets(config.prefixDelegation);
  // /28 prefixes need the Nitro System: on other instances the VPC CNI keeps assigning single secondary IPs, and the
  // node group would silently run at secondary-IP density (EKS user guide, cni-increase-ip-addresses-procedure.html).
  for (const group of nodeGroups) {
    if (supportsPrefixDelegation(group.instanceType)) continue;
    const alternative = nitroAlternative(group.instanceType.name);
    throw new LabConfigError(
      group.instanceTypeKey,
      group.instanceType.name,
      `a Nitro-based instance type for node group ${group.name} while prefix-delegation is enabled`,
      `${group.instanceType.name} runs on the Xen hypervisor and cannot be assigned IPv4 prefixes.` +
        (alternative ? ` Try ${alternative}.` : ''),
    );
  }
}

/**
 * Module `prefix-delegation`: /28 prefixes instead of single secondary IPs, the max pods that follow, and the
 * workshop's density proof (workshop section "Prefix delegation", eks-workshop-v2 manifests/modules/networking/prefix).
 */
export const PREFIX_DELEGATION_MODULE: LabModuleDefinition = {
  name: 'prefix-delegation',
  summary:
    'VPC CNI prefix mode (/28 per ENI slot) with its warm targets, node groups created in prefix mode (110 pods on m5.large), and 150 pause pods as density proof.',
  settings: PREFIX_DELEGATION_SETTINGS,
  vpcCniConfiguration: (config) => ({ env: prefixDelegationVpcCniEnv(config.prefixDelegation) }),
  validate,
  walk: PREFIX_DELEGATION_WALK,
  expectations: prefixDelegationExpectations,
  create(scope, foundation) {
    return { stack: new PrefixDelegationStack(scope, 'PrefixDelegation', { foundation }) };
  },
};
