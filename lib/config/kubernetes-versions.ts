/**
 * Amazon EKS lifecycle of the Kubernetes versions this lab can create, as data.
 * Source: EKS user guide, "Understand the Kubernetes version lifecycle on EKS" (release calendar)
 * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 * Standard support lasts 14 months from the EKS release, extended support 12 more months at a higher
 * control-plane price; once extended support ends EKS refuses to create clusters of that version.
 * A version is listed only when a matching `@aws-cdk/lambda-layer-kubectl-vNN` package is a dependency.
 */
export interface KubernetesVersionLifecycle {
  readonly version: string;
  readonly eksRelease: string;
  readonly endOfStandardSupport: string;
  readonly endOfExtendedSupport: string;
  /** npm package that provides the kubectl/helm Lambda layer for this version. */
  readonly kubectlLayerPackage: string;
}

export const KUBERNETES_VERSIONS: readonly KubernetesVersionLifecycle[] = [
  {
    version: '1.31',
    eksRelease: '2024-09-26',
    endOfStandardSupport: '2025-11-26',
    endOfExtendedSupport: '2026-11-26',
    kubectlLayerPackage: '@aws-cdk/lambda-layer-kubectl-v31',
  },
  {
    version: '1.32',
    eksRelease: '2025-01-23',
    endOfStandardSupport: '2026-03-23',
    endOfExtendedSupport: '2027-03-23',
    kubectlLayerPackage: '@aws-cdk/lambda-layer-kubectl-v32',
  },
  {
    version: '1.33',
    eksRelease: '2025-05-29',
    endOfStandardSupport: '2026-07-29',
    endOfExtendedSupport: '2027-07-29',
    kubectlLayerPackage: '@aws-cdk/lambda-layer-kubectl-v33',
  },
  {
    version: '1.34',
    eksRelease: '2025-10-02',
    endOfStandardSupport: '2026-12-02',
    endOfExtendedSupport: '2027-12-02',
    kubectlLayerPackage: '@aws-cdk/lambda-layer-kubectl-v34',
  },
  {
    version: '1.35',
    eksRelease: '2026-01-27',
    endOfStandardSupport: '2027-03-27',
    endOfExtendedSupport: '2028-03-27',
    kubectlLayerPackage: '@aws-cdk/lambda-layer-kubectl-v35',
  },
];

/** The default: the newest version in standard support on the day this table was last reviewed (2026-11-26). */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

export type SupportPhase = 'not-yet-released' | 'standard' | 'extended' | 'ended';

/**
 * Where `version` stands on `day` (an ISO date, UTC). Support phases end on their end date: EKS auto-upgrades
 * clusters on the end-of-extended-support date and no longer creates that version from then on.
 */
export function supportPhase(lifecycle: KubernetesVersionLifecycle, day: string): SupportPhase {
  if (day < lifecycle.eksRelease) return 'not-yet-released';
  if (day < lifecycle.endOfStandardSupport) return 'standard';
  if (day < lifecycle.endOfExtendedSupport) return 'extended';
  return 'ended';
}

export function findKubernetesVersion(version: string): KubernetesVersionLifecycle | undefined {
  return KUBERNETES_VERSIONS.find((candidate) => candidate.version === version);
}
