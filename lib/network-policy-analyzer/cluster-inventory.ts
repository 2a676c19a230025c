import { KubernetesObject, readKubernetesObject } from './kubernetes-object';
import { Labels } from './labels';
import { ManifestError } from './manifest-error';
import { isNamespaceObject, namespaceLabels, readNamespace } from './namespace';
import { isNetworkPolicyObject, NetworkPolicy, readNetworkPolicy } from './network-policy';
import { isList, isPlainObject } from './plain-object';
import { isServiceObject, readService, Service } from './service';
import { isWorkloadObject, readWorkload, Workload } from './workload';

/** An input object the analysis does not use, reported so that nothing disappears silently. */
export interface IgnoredObject {
  readonly kind: string;
  /** `<namespace>/<name>`, or the bare name when the object has no namespace. */
  readonly name: string;
}

/** Everything the analysis reads from the manifests, classified and validated. */
export interface ClusterInventory {
  /** Sorted by name. */
  readonly workloads: readonly Workload[];
  /** Every namespace defined or referenced, with the labels namespaceSelectors see. */
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** By `<namespace>/<name>`. */
  readonly services: ReadonlyMap<string, Service>;
  readonly policies: readonly NetworkPolicy[];
  readonly ignored: readonly IgnoredObject[];
}

/**
 * Classifies plain Kubernetes objects (parsed YAML, `chart.toJson()` output). `List` documents are expanded, null
 * entries (empty YAML documents) skipped, and objects of other kinds reported in `ignored`.
 */
export function buildClusterInventory(objects: readonly unknown[]): ClusterInventory {
  const workloads = new Map<string, Workload>();
  const services = new Map<string, Service>();
  const policies = new Map<string, NetworkPolicy>();
  const definedNamespaces = new Map<string, Labels>();
  const ignored: IgnoredObject[] = [];

  for (const object of flattenLists(objects)) {
    if (isWorkloadObject(object)) {
      addUnique(workloads, readWorkload(object), 'workload');
    } else if (isServiceObject(object)) {
      addUnique(services, readService(object), 'Service');
    } else if (isNetworkPolicyObject(object)) {
      addUnique(policies, readNetworkPolicy(object), 'NetworkPolicy');
    } else if (isNamespaceObject(object)) {
      const namespace = readNamespace(object);
      if (definedNamespaces.has(namespace.name))
        throw new ManifestError(`Namespace ${namespace.name} is defined twice`);
      definedNamespaces.set(namespace.name, namespace.labels);
    } else {
      ignored.push({ kind: object.kind, name: displayName(object) });
    }
  }

  const namespaces = new Map(definedNamespaces);
  const referenced = [...workloads.values(), ...services.values(), ...policies.values()].map((item) => item.namespace);
  for (const name of referenced) {
    if (!namespaces.has(name)) namespaces.set(name, namespaceLabels(name));
  }
  return {
    workloads: [...workloads.values()].sort((a, b) => compareNames(a.name, b.name)),
    namespaceLabels: namespaces,
    services,
    policies: [...policies.values()],
    ignored,
  };
}

/** The kind reported for ignored documents that have none. */
export const NO_KIND = '(no kind)';

/** Plain code-point order, so reports are stable across locales. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* flattenLists(objects: readonly unknown[]): Generator<KubernetesObject> {
  for (const [index, value] of objects.entries()) {
    if (value === null || value === undefined) continue;
    if (!isPlainObject(value)) {
      throw new ManifestError(`input item ${index + 1} is not a Kubernetes object (got ${describeValue(value)})`);
    }
    // A document without `kind` (a Helm values file in a scanned folder, say) is reported as ignored, not fatal.
    const object = readKubernetesObject(value) ?? readKubernetesObject({ ...value, kind: NO_KIND });
    if (object === undefined) continue;
    // `kind: List` (kubectl's output) and typed lists such as `DeploymentList` both carry their objects in items.
    if (object.kind.endsWith('List') && isList(value.items)) {
      yield* flattenLists(value.items);
    } else {
      yield object;
    }
  }
}

function addUnique<T extends { readonly name: string }>(target: Map<string, T>, item: T, what: string): void {
  if (target.has(item.name)) {
    throw new ManifestError(`two ${what} objects are named ${item.name}; names must be unique per namespace`);
  }
  target.set(item.name, item);
}

function displayName(object: KubernetesObject): string {
  const name = object.name ?? '(unnamed)';
  return typeof object.metadata.namespace === 'string' ? `${object.namespace}/${name}` : name;
}

function describeValue(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the string "${value}"` : String(value);
}
