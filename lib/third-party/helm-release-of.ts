import type { HelmReleaseSpec } from '../../constructs/helm-release-spec';
import type { PartContract } from './part-contract';

/** The Helm chart, version, release and namespace a part's contract pins. */
export function helmReleaseOf(part: PartContract): HelmReleaseSpec {
  if (part.delivery.type !== 'helm-chart') throw new Error(`${part.id} is not delivered as a Helm chart`);
  const { repository, chart, release, namespace } = part.delivery;
  return { repository, chart, release, namespace, version: part.version.pinned };
}
