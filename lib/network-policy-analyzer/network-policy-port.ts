import { portNameProblem } from './port-name';
import { PortSet } from './port-set';
import { isAbsent, isPlainObject } from './plain-object';
import { DEFAULT_PROTOCOL, isPortNumber, isProtocol, Protocol } from './protocol';
import { ContainerPort } from './workload';

/** One NetworkPolicyPort entry of a rule's `ports` list. */
export type PolicyPort =
  /** `port` omitted: every port of the protocol. */
  | { readonly kind: 'every-port'; readonly protocol: Protocol }
  /** A number, or a `port`..`endPort` range. */
  | { readonly kind: 'numbered'; readonly protocol: Protocol; readonly first: number; readonly last: number }
  /** A named container port, resolved against each destination pod. */
  | { readonly kind: 'named'; readonly protocol: Protocol; readonly name: string };

/**
 * The destination ports one entry allows. Named ports resolve against the destination pod's container ports by
 * name AND protocol (API reference: "a numerical or named port on a pod"); for a cluster-external destination,
 * or a pod without such a port, a named port matches nothing.
 */
export function policyPortSet(port: PolicyPort, destinationPorts: readonly ContainerPort[]): PortSet {
  switch (port.kind) {
    case 'every-port':
      return PortSet.allOf(port.protocol);
    case 'numbered':
      return PortSet.range(port.protocol, port.first, port.last);
    case 'named':
      return PortSet.unionOf(
        destinationPorts
          .filter((containerPort) => containerPort.name === port.name && containerPort.protocol === port.protocol)
          .map((containerPort) => PortSet.range(port.protocol, containerPort.containerPort)),
      );
  }
}

export function describePolicyPort(port: PolicyPort): string {
  switch (port.kind) {
    case 'every-port':
      return `${port.protocol} (all ports)`;
    case 'numbered':
      return port.first === port.last
        ? `${port.protocol}/${port.first}`
        : `${port.protocol}/${port.first}-${port.last}`;
    case 'named':
      return `${port.protocol}/${port.name}`;
  }
}

/** Parses one NetworkPolicyPort, appending the API server's validation problems to `problems`. */
export function parsePolicyPort(value: unknown, path: string, problems: string[]): PolicyPort | undefined {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object with protocol, port and endPort`);
    return undefined;
  }
  const { protocol, port, endPort } = value;
  const problemCount = problems.length;
  if (!isAbsent(protocol) && !isProtocol(protocol)) {
    problems.push(`${path}.protocol: "${String(protocol)}" is not one of TCP, UDP, SCTP`);
  }
  const resolvedProtocol = isProtocol(protocol) ? protocol : DEFAULT_PROTOCOL;
  const hasEndPort = !isAbsent(endPort);
  if (hasEndPort && !isPortNumber(endPort)) {
    problems.push(`${path}.endPort: must be an integer from 1 to 65535, got ${JSON.stringify(endPort)}`);
  }
  let parsed: PolicyPort | undefined;
  if (isAbsent(port)) {
    if (hasEndPort) problems.push(`${path}.endPort: may not be specified when port is not specified`);
    parsed = { kind: 'every-port', protocol: resolvedProtocol };
  } else if (typeof port === 'string') {
    const problem = portNameProblem(port);
    if (problem !== undefined) problems.push(`${path}.port: "${port}": ${problem}`);
    if (hasEndPort) problems.push(`${path}.endPort: may not be specified when port is a named port ("${port}")`);
    parsed = { kind: 'named', protocol: resolvedProtocol, name: port };
  } else if (isPortNumber(port)) {
    const last = isPortNumber(endPort) ? endPort : port;
    if (last < port) problems.push(`${path}.endPort: ${last} must be greater than or equal to port ${port}`);
    parsed = { kind: 'numbered', protocol: resolvedProtocol, first: port, last };
  } else {
    problems.push(`${path}.port: must be a port number from 1 to 65535 or a port name, got ${JSON.stringify(port)}`);
  }
  return problems.length === problemCount ? parsed : undefined;
}
