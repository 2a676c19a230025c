import type { PartContract } from './part-contract';

const minor = (version: string) => Number(version.split('.')[1]);

/** Whether the part's contract covers that Kubernetes minor version. */
export function supportsKubernetes(part: PartContract, version: string): boolean {
  return minor(part.kubernetes.min) <= minor(version) && minor(version) <= minor(part.kubernetes.max);
}

/** The parts that do not support the version, each as `title version (supports min-max: basis)`. */
export function unsupportedParts(parts: readonly PartContract[], version: string): string[] {
  return parts
    .filter((part) => !supportsKubernetes(part, version))
    .map(
      (part) =>
        `${part.title} ${part.version.pinned} supports Kubernetes ${part.kubernetes.min}-${part.kubernetes.max} (${part.kubernetes.basis})`,
    );
}
