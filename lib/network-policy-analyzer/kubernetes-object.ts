import { ManifestError } from './manifest-error';
import { isPlainObject, PlainObject } from './plain-object';

/** Objects without `metadata.namespace` live here, as `kubectl apply` without `-n` would place them. */
export const DEFAULT_NAMESPACE = 'default';

/** The fields every manifest object is identified by. */
export interface KubernetesObject {
  readonly kind: string;
  /** The API group (`''` for the core group), or undefined when the manifest has no `apiVersion`. */
  readonly apiGroup: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string;
  readonly metadata: PlainObject;
  readonly spec: PlainObject;
  readonly raw: PlainObject;
}

/** Reads kind, name and namespace; undefined when the value has no string `kind` (not a Kubernetes object). */
export function readKubernetesObject(raw: PlainObject): KubernetesObject | undefined {
  const { kind, apiVersion, metadata, spec } = raw;
  if (typeof kind !== 'string' || kind === '') return undefined;
  const meta = isPlainObject(metadata) ? metadata : {};
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : undefined;
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : DEFAULT_NAMESPACE;
  return {
    kind,
    apiGroup: typeof apiVersion === 'string' ? apiGroupOf(apiVersion) : undefined,
    name,
    namespace,
    metadata: meta,
    spec: isPlainObject(spec) ? spec : {},
    raw,
  };
}

/** `apps/v1` → `apps`; `v1` → `''` (the core group). */
function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * True when the object is `kind` in one of `groups`. A missing apiVersion is accepted; a different group is not,
 * so a Calico or Cilium `NetworkPolicy` is never read as a networking.k8s.io one.
 */
export function isKindOf(object: KubernetesObject, kind: string, groups: readonly string[]): boolean {
  return object.kind === kind && (object.apiGroup === undefined || groups.includes(object.apiGroup));
}

/** `<namespace>/<name>`, failing clearly when the manifest has no name to report. */
export function qualifiedName(object: KubernetesObject): string {
  if (object.name === undefined) {
    throw new ManifestError(`${object.kind} in namespace ${object.namespace} has no metadata.name`);
  }
  return `${object.namespace}/${object.name}`;
}
