import { BASE_DEFAULTS } from '../../config/base-context-keys';
import type { LabConfig } from '../../config/lab-config';
import { renderMaxPodsMarkdownTable } from '../../node-groups/pod-density';
import { DEFAULT_CUSTOM_NETWORKING_INSTANCE_TYPE } from '../custom-networking/custom-networking-settings';

/**
 * Xen-based types in the table, shown to make the non-Nitro fallback visible (prefix delegation is rejected at synth
 * for them; the VPC CNI would keep assigning secondary IPs).
 */
export const NON_NITRO_EXAMPLES = ['m4.large', 't2.medium'] as const;

/** The lab's instance types (the `default` and `custom-networking` node groups) followed by the non-Nitro examples. */
export function labInstanceTypes(config?: Pick<LabConfig, 'nodeInstanceType' | 'customNetworking'>): string[] {
  const used = config
    ? [config.nodeInstanceType.name, config.customNetworking.instanceType.name]
    : [BASE_DEFAULTS.nodeInstanceType, DEFAULT_CUSTOM_NETWORKING_INSTANCE_TYPE];
  return [...new Set<string>([...used, ...NON_NITRO_EXAMPLES])];
}

/**
 * The README's max-pods table for the prefix-delegation section, generated from the pod density calculator
 * (lib/verify/pod-density.ts) so it is never typed by hand. For `npm run docs` (bin/generate-readme-tables.ts).
 */
export function prefixDelegationMaxPodsTable(instanceTypes: readonly string[] = labInstanceTypes()): string {
  return renderMaxPodsMarkdownTable(instanceTypes);
}
