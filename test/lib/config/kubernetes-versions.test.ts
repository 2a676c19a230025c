import { findKubernetesVersion, KUBERNETES_VERSIONS, supportPhase } from '../../../lib/config/kubernetes-versions';
import { supportedLayerVersions } from '../../../lib/kubectl-layer';

test('every listed version has a kubectl layer, and every layer a listed version', () => {
  expect(KUBERNETES_VERSIONS.map((version) => version.version).sort()).toEqual(supportedLayerVersions().sort());
});

test('every layer package named in the lifecycle table is installed', () => {
  for (const version of KUBERNETES_VERSIONS) {
    expect(() => require.resolve(version.kubectlLayerPackage)).not.toThrow();
  }
});

test('standard support lasts 14 months and extended support 12 more (EKS version lifecycle)', () => {
  for (const version of KUBERNETES_VERSIONS) {
    const months = (from: string, to: string) =>
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
    expect(months(version.eksRelease, version.endOfStandardSupport)).toBe(14);
    expect(months(version.endOfStandardSupport, version.endOfExtendedSupport)).toBe(12);
  }
});

test('support phases change on their end dates', () => {
  const v131 = findKubernetesVersion('1.31')!;
  expect(supportPhase(v131, '2025-11-25')).toBe('standard');
  expect(supportPhase(v131, '2025-11-26')).toBe('extended');
  expect(supportPhase(v131, '2026-11-25')).toBe('extended');
  expect(supportPhase(v131, '2026-11-26')).toBe('ended');
});
