/**
 * Kubernetes resource quantities as the API prints them (`200m`, `1930m`, `2`, `7564856Ki`, `1.5Gi`), read into
 * numbers so a live check can add pod requests and compare them with a node's allocatable resources
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/).
 */
import type { ContainerJson, PodJson } from './kube-objects';

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity in base units (cores, bytes, pods), or undefined when it is not one. */
export function parseQuantity(text: string): number | undefined {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!match) return undefined;
  const factor = SUFFIX_FACTORS[match[2]];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

function containerRequest(container: ContainerJson, resource: string): number {
  const value = container.resources?.requests?.[resource];
  return value === undefined ? 0 : (parseQuantity(value) ?? 0);
}

/**
 * What the scheduler counts a pod as requesting: the sum over its containers, or the largest init container when
 * that is more, since init containers run one at a time before the others (pod overhead is not counted; the lab
 * sets no RuntimeClass).
 */
export function podRequest(pod: PodJson, resource: string): number {
  const containers = (pod.spec?.containers ?? []).reduce(
    (sum, container) => sum + containerRequest(container, resource),
    0,
  );
  const init = Math.max(
    0,
    ...(pod.spec?.initContainers ?? []).map((container) => containerRequest(container, resource)),
  );
  return Math.max(containers, init);
}
