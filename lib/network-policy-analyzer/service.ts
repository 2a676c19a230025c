import { isKindOf, KubernetesObject, qualifiedName } from './kubernetes-object';
import { Labels, readLabels } from './labels';
import { ManifestError } from './manifest-error';
import { portNameProblem } from './port-name';
import { isAbsent, isList, isPlainObject } from './plain-object';
import { DEFAULT_PROTOCOL, isPortNumber, isProtocol, Protocol } from './protocol';
import { ContainerPort } from './workload';

export interface ServicePort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
  /** A container port number, or the name of a container port on each backend pod. Defaults to `port`. */
  readonly targetPort: number | string;
}

export interface Service {
  /** `<namespace>/<name>`. */
  readonly name: string;
  readonly namespace: string;
  /**
   * Pod labels the Service selects in its own namespace; undefined for a Service without a selector (its
   * endpoints are managed by hand) and for ExternalName Services, which have no backend pods.
   */
  readonly selector: Labels | undefined;
  readonly ports: readonly ServicePort[];
}

export function isServiceObject(object: KubernetesObject): boolean {
  return isKindOf(object, 'Service', ['']);
}

export function readService(object: KubernetesObject): Service {
  const name = qualifiedName(object);
  const where = `Service ${name}`;
  const selector = readLabels(object.spec.selector, `${where}: spec.selector`);
  const { ports } = object.spec;
  if (!isAbsent(ports) && !isList(ports)) throw new ManifestError(`${where}: spec.ports must be a list`);
  return {
    name,
    namespace: object.namespace,
    // The endpoints controller skips Services whose selector is empty, so `selector: {}` selects nothing.
    selector: object.spec.type === 'ExternalName' || selector.size === 0 ? undefined : selector,
    ports: (ports ?? []).map((port, index) => readServicePort(port, `${where}: spec.ports[${index}]`)),
  };
}

function readServicePort(value: unknown, where: string): ServicePort {
  if (!isPlainObject(value)) throw new ManifestError(`${where}: must be an object`);
  const { name, port, protocol, targetPort } = value;
  if (!isPortNumber(port)) {
    throw new ManifestError(`${where}.port: must be an integer from 1 to 65535, got ${JSON.stringify(port)}`);
  }
  if (!isAbsent(protocol) && !isProtocol(protocol)) {
    throw new ManifestError(`${where}.protocol: "${String(protocol)}" is not one of TCP, UDP, SCTP`);
  }
  let target: number | string = port;
  if (typeof targetPort === 'string') {
    const problem = portNameProblem(targetPort);
    if (problem !== undefined) throw new ManifestError(`${where}.targetPort: "${targetPort}": ${problem}`);
    target = targetPort;
  } else if (!isAbsent(targetPort)) {
    if (!isPortNumber(targetPort)) {
      throw new ManifestError(`${where}.targetPort: must be a port number or name, got ${JSON.stringify(targetPort)}`);
    }
    target = targetPort;
  }
  return {
    name: typeof name === 'string' && name !== '' ? name : undefined,
    port,
    protocol: isProtocol(protocol) ? protocol : DEFAULT_PROTOCOL,
    targetPort: target,
  };
}

/**
 * The container port a Service port forwards to on one backend pod, or undefined when that pod declares no port
 * of that name and protocol (the endpoints controller then leaves the pod out for this port).
 */
export function resolveTargetPort(
  servicePort: ServicePort,
  containerPorts: readonly ContainerPort[],
): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  return containerPorts.find((port) => port.name === servicePort.targetPort && port.protocol === servicePort.protocol)
    ?.containerPort;
}
