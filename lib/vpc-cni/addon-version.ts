import { compareBuild, parse, type SemVer } from 'semver';

/**
 * The EKS build suffix of an add-on or image version: `v1.19.2-eksbuild.1` is EKS build 1 of upstream v1.19.2.
 * Semver would read it as a prerelease and sort it before v1.19.2; it ships after, so it is read as build metadata.
 */
const EKS_BUILD_SUFFIX = /-(eksbuild\.\d+)$/;

/**
 * An EKS add-on version (`v1.19.2-eksbuild.1`, with or without the `v` and the build suffix) as a semver whose
 * `build` holds the EKS build (`1.19.2+eksbuild.1`), or undefined when it is not a version (`latest`).
 */
export function parseAddonVersion(version: string): SemVer | undefined {
  return parse(version.trim().replace(EKS_BUILD_SUFFIX, '+$1')) ?? undefined;
}

/**
 * Whether add-on version `version` is at least `minimum`; false when either is not a version. The order:
 * - the upstream version decides first, by semver precedence (so an upstream `-rc.1` still sorts before its release);
 * - EKS builds of the same upstream version order by their number (eksbuild.10 after eksbuild.9);
 * - a version without a build suffix (an image tag `v1.19.2`, a minimum `v1.9.0`) sorts before its EKS builds, so
 *   `v1.9.0-eksbuild.1` is at least `v1.9.0`, and `v1.14.0` is not at least `v1.14.0-eksbuild.3`.
 */
export function addonVersionAtLeast(version: string, minimum: string): boolean {
  const have = parseAddonVersion(version);
  const need = parseAddonVersion(minimum);
  // compareBuild is semver's compare, then the build identifiers (numeric ones numerically) as a tie-break.
  return have !== undefined && need !== undefined && compareBuild(have, need) >= 0;
}
