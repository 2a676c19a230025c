import { documentation, github } from './fact-sources';
import type { FactSource } from './part-contract';

export type EksAddonName = 'vpc-cni' | 'kube-proxy' | 'coredns' | 'eks-pod-identity-agent';

/** Let EKS choose its default version of the add-on for the cluster version (no `AddonVersion` in the template). */
export const EKS_DEFAULT_VERSION = 'eks-default';

export interface EksAddonVersions {
  /** The add-on version per Kubernetes minor version, or {@link EKS_DEFAULT_VERSION} where no source lists one. */
  readonly byKubernetesVersion: Readonly<Record<string, string>>;
  /** The newest version listed. */
  readonly newest: string;
  readonly source: FactSource;
  /** Where a row comes from another source than `source`. */
  readonly notes?: string;
}

/**
 * Versions of the EKS add-ons the lab installs, per Kubernetes version, as the EKS user guide lists them ("latest
 * version of the Amazon EKS add-on type for each Kubernetes version"). A `kubernetesVersion` bump updates each add-on
 * to the version of the new Kubernetes version after the control plane (EKS never updates add-ons by itself:
 * "Amazon EKS doesn't automatically update an add-on ... after you update your cluster to a new Kubernetes minor
 * version", EKS user guide, "Amazon EKS add-ons").
 */
export const EKS_ADDON_VERSIONS: Readonly<Record<EksAddonName, EksAddonVersions>> = {
  'kube-proxy': {
    byKubernetesVersion: {
      '1.31': 'v1.31.14-eksbuild.20',
      '1.32': 'v1.32.13-eksbuild.16',
      '1.33': 'v1.33.10-eksbuild.13',
      '1.34': 'v1.34.6-eksbuild.13',
      '1.35': 'v1.35.3-eksbuild.13',
      '1.36': 'v1.36.0-eksbuild.14',
    },
    newest: 'v1.36.0-eksbuild.14',
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html'),
  },
  coredns: {
    byKubernetesVersion: {
      '1.31': 'v1.11.4-eksbuild.40',
      '1.32': 'v1.11.4-eksbuild.40',
      '1.33': 'v1.12.4-eksbuild.18',
      '1.34': 'v1.13.2-eksbuild.11',
      '1.35': 'v1.14.3-eksbuild.3',
      '1.36': 'v1.14.3-eksbuild.3',
    },
    newest: 'v1.14.3-eksbuild.3',
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html'),
  },
  'vpc-cni': {
    byKubernetesVersion: {
      '1.31': 'v1.20.4-eksbuild.1',
      '1.32': 'v1.20.4-eksbuild.1',
      '1.33': 'v1.20.4-eksbuild.1',
      '1.34': 'v1.20.4-eksbuild.1',
      '1.35': 'v1.21.1-eksbuild.1',
      '1.36': EKS_DEFAULT_VERSION,
    },
    newest: 'v1.21.1-eksbuild.1',
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html'),
    notes:
      'The user guide lists v1.20.4-eksbuild.1 for 1.28-1.34 and no 1.35 or 1.36 row in the copy read; 1.35 is the version awslabs/cdk-eks-blueprints maps to it (lib/addons/vpc-cni/index.ts, 2026-07-01); for 1.36 EKS picks its default.',
  },
  'eks-pod-identity-agent': {
    byKubernetesVersion: {
      '1.31': 'v1.3.10-eksbuild.2',
      '1.32': 'v1.3.10-eksbuild.2',
      '1.33': 'v1.3.10-eksbuild.2',
      '1.34': 'v1.3.10-eksbuild.2',
      '1.35': 'v1.3.10-eksbuild.2',
      '1.36': EKS_DEFAULT_VERSION,
    },
    newest: 'v1.3.10-eksbuild.2',
    source: github('awslabs/cdk-eks-blueprints', '0b82904', 'lib/addons/eks-pod-identity-agent/index.ts'),
    notes:
      'The user guide publishes no per-version table for this add-on; the map is the one awslabs/cdk-eks-blueprints keeps (2026-04-08); for 1.36 EKS picks its default.',
  },
};

/** The version to pin for an add-on on a Kubernetes version (undefined: EKS chooses its default). */
export function eksAddonVersion(addon: EksAddonName, kubernetesVersion: string): string | undefined {
  const version = EKS_ADDON_VERSIONS[addon].byKubernetesVersion[kubernetesVersion];
  if (version === undefined) throw new Error(`No ${addon} add-on version is known for Kubernetes ${kubernetesVersion}`);
  return version === EKS_DEFAULT_VERSION ? undefined : version;
}

/** The version a part is installed at on a Kubernetes version: the add-on table for EKS add-ons, else its pin. */
export function installedVersion(
  part: { readonly id: string; readonly version: { readonly pinned: string } },
  kubernetesVersion: string,
): string {
  if (!(part.id in EKS_ADDON_VERSIONS)) return part.version.pinned;
  return eksAddonVersion(part.id as EksAddonName, kubernetesVersion) ?? `EKS default for ${kubernetesVersion}`;
}
