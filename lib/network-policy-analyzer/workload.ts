import { isKindOf, KubernetesObject, qualifiedName } from './kubernetes-object';
import { Labels, readLabels } from './labels';
import { ManifestError } from './manifest-error';
import { isAbsent, isList, isPlainObject, PlainObject } from './plain-object';
import { DEFAULT_PROTOCOL, isPortNumber, isProtocol, Protocol } from './protocol';

/** A port a container declares; named ports in policies and Services resolve against these. */
export interface ContainerPort {
  readonly name: string | undefined;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

/** The controller kinds whose pods the analyzer models, with the API groups they are served from. */
const WORKLOAD_KINDS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  Pod: [''],
};

/**
 * The pods of one controller (or one bare Pod). All its pods share labels and ports, so NetworkPolicy treats them
 * alike and one workload stands for all of them.
 */
export interface Workload {
  /** `<namespace>/<metadata.name>` of the controller or Pod. */
  readonly name: string;
  readonly namespace: string;
  readonly kind: string;
  /** The pod template's labels (a bare Pod's own labels). */
  readonly labels: Labels;
  readonly containerPorts: readonly ContainerPort[];
  /** A Pod object without `metadata.ownerReferences`. */
  readonly isBarePod: boolean;
}

export function isWorkloadObject(object: KubernetesObject): boolean {
  const groups = WORKLOAD_KINDS[object.kind];
  return groups !== undefined && isKindOf(object, object.kind, groups);
}

export function readWorkload(object: KubernetesObject): Workload {
  const name = qualifiedName(object);
  const where = `${object.kind} ${name}`;
  const podTemplate = podTemplateOf(object);
  const podMetadata = isPlainObject(podTemplate.metadata) ? podTemplate.metadata : {};
  const podSpec = isPlainObject(podTemplate.spec) ? podTemplate.spec : {};
  const isPod = object.kind === 'Pod';
  return {
    name,
    namespace: object.namespace,
    kind: object.kind,
    labels: readLabels(podMetadata.labels, `${where}: ${isPod ? 'metadata' : 'pod template metadata'}.labels`),
    containerPorts: readContainerPorts(podSpec, where),
    isBarePod: isPod && !hasOwner(object.metadata),
  };
}

/** The object that carries pod `metadata` and `spec`: the Pod itself, a CronJob's job template's pod template, or `spec.template`. */
function podTemplateOf(object: KubernetesObject): PlainObject {
  if (object.kind === 'Pod') return { metadata: object.metadata, spec: object.spec };
  if (object.kind === 'CronJob') {
    const jobTemplate = isPlainObject(object.spec.jobTemplate) ? object.spec.jobTemplate : {};
    const jobSpec = isPlainObject(jobTemplate.spec) ? jobTemplate.spec : {};
    return isPlainObject(jobSpec.template) ? jobSpec.template : {};
  }
  return isPlainObject(object.spec.template) ? object.spec.template : {};
}

function hasOwner(metadata: PlainObject): boolean {
  return isList(metadata.ownerReferences) && metadata.ownerReferences.length > 0;
}

/**
 * Ports of `spec.containers` only: the Service endpoints controller resolves named target ports against these,
 * and the NetworkPolicy reference speaks of "a named port on a pod" in the same sense.
 */
function readContainerPorts(podSpec: PlainObject, where: string): ContainerPort[] {
  if (isAbsent(podSpec.containers)) return [];
  if (!isList(podSpec.containers)) throw new ManifestError(`${where}: spec.containers must be a list`);
  const ports: ContainerPort[] = [];
  podSpec.containers.forEach((container, containerIndex) => {
    if (!isPlainObject(container) || isAbsent(container.ports)) return;
    if (!isList(container.ports)) {
      throw new ManifestError(`${where}: containers[${containerIndex}].ports must be a list`);
    }
    container.ports.forEach((port, portIndex) => {
      ports.push(readContainerPort(port, `${where}: containers[${containerIndex}].ports[${portIndex}]`));
    });
  });
  return ports;
}

function readContainerPort(value: unknown, where: string): ContainerPort {
  if (!isPlainObject(value)) throw new ManifestError(`${where}: must be an object`);
  const { name, containerPort, protocol } = value;
  if (!isPortNumber(containerPort)) {
    throw new ManifestError(
      `${where}.containerPort: must be an integer from 1 to 65535, got ${JSON.stringify(containerPort)}`,
    );
  }
  if (!isAbsent(protocol) && !isProtocol(protocol)) {
    throw new ManifestError(`${where}.protocol: "${String(protocol)}" is not one of TCP, UDP, SCTP`);
  }
  if (!isAbsent(name) && typeof name !== 'string') throw new ManifestError(`${where}.name: must be a string`);
  return {
    name: typeof name === 'string' && name !== '' ? name : undefined,
    containerPort,
    protocol: isProtocol(protocol) ? protocol : DEFAULT_PROTOCOL,
  };
}
