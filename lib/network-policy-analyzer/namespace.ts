import { isKindOf, KubernetesObject } from './kubernetes-object';
import { Labels, NO_LABELS, readLabels } from './labels';
import { ManifestError } from './manifest-error';
import { NAMESPACE_NAME_LABEL } from '../../manifests/well-known-labels';

export function isNamespaceObject(object: KubernetesObject): boolean {
  return isKindOf(object, 'Namespace', ['']);
}

/**
 * A namespace's labels as the cluster would hold them: the manifest's labels plus `kubernetes.io/metadata.name`,
 * which always equals the name whatever the manifest says. Namespaces only referenced (never defined) get that
 * label alone.
 */
export function namespaceLabels(name: string, declared: Labels = NO_LABELS): Labels {
  return new Map([...declared, [NAMESPACE_NAME_LABEL, name]]);
}

export function readNamespace(object: KubernetesObject): { name: string; labels: Labels } {
  if (object.name === undefined) throw new ManifestError('Namespace has no metadata.name');
  return {
    name: object.name,
    labels: namespaceLabels(
      object.name,
      readLabels(object.metadata.labels, `Namespace ${object.name}: metadata.labels`),
    ),
  };
}
