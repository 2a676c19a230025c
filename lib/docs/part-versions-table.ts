import { DEFAULT_KUBERNETES_VERSION } from '../config/kubernetes-versions';
import { EKS_ADDON_VERSIONS, type EksAddonName, eksAddonVersion } from '../third-party/eks-addon-versions';
import type { FactSource } from '../third-party/part-contract';
import { THIRD_PARTY_PARTS } from '../third-party/third-party-parts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function sourceLink(source: FactSource): string {
  if ('url' in source) return `[docs](${source.url})`;
  return `[${source.repository}@${source.ref}](https://github.com/${source.repository}/blob/${source.ref}/${source.path})`;
}

/**
 * What the lab installs, from the parts' contracts: pinned version (EKS add-ons at the default Kubernetes version),
 * the newest release on the day it was checked and where, the workshop's version when the lab differs, and the
 * Kubernetes versions the pinned version supports.
 */
export function partVersionsTable(): string {
  const rows = THIRD_PARTY_PARTS.map((part) => {
    const addon = part.id in EKS_ADDON_VERSIONS ? (part.id as EksAddonName) : undefined;
    const pinned = addon
      ? `${eksAddonVersion(addon, DEFAULT_KUBERNETES_VERSION) ?? 'EKS default'} (Kubernetes ${DEFAULT_KUBERNETES_VERSION})`
      : `${part.version.pinned}${part.version.appVersion ? ` (app ${part.version.appVersion})` : ''}`;
    const newest = `${part.version.newestAvailable.value} (${sourceLink(part.version.newestAvailable.source)})`;
    const workshop = part.version.workshop
      ? `${part.version.workshop.version}: ${part.version.workshop.whyDifferent}`
      : '–';
    const kubernetes = `${part.kubernetes.min}-${part.kubernetes.max}`;
    return `| ${cell(part.title)} | ${cell(pinned)} | ${cell(newest)} | ${kubernetes} | ${cell(workshop)} |`;
  });
  const checkedOn = [...new Set(THIRD_PARTY_PARTS.map((part) => part.version.checkedOn))].join(', ');
  return [
    `| Part | Installed | Newest on ${checkedOn} | Kubernetes | Workshop version, and why the lab differs |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    "EKS add-on versions for every Kubernetes version are in `lib/third-party/eks-addon-versions.ts`; each part's runtime",
    'contract (CRDs it needs and installs, webhooks, hooks, placement) is in `lib/third-party/`, read from its source at',
    'the pinned tag.',
    '',
  ].join('\n');
}
