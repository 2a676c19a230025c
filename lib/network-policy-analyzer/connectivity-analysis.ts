import { didYouMean } from '../text/closest-match';
import { buildClusterInventory, ClusterInventory, IgnoredObject } from './cluster-inventory';
import { CompiledRule } from './compiled-rule';
import { ConnectivityQueryError } from './connectivity-query-error';
import { ConnectivityWarning } from './connectivity-warning';
import { IpAddress, parseIpAddress } from './ip-address';
import { PolicyDirection } from './network-policy';
import { DirectionPolicies, PolicyIndex } from './policy-index';
import { PortSet } from './port-set';
import { DEFAULT_PROTOCOL, isPortNumber, Protocol } from './protocol';
import {
  DirectionDecision,
  explainVerdict,
  ReachabilityVerdict,
  ServiceReachabilityVerdict,
} from './reachability-verdict';
import { resolveTargetPort, Service, ServicePort } from './service';
import { findVpcCniCaveats } from './vpc-cni-caveats';
import { Workload } from './workload';

/**
 * One end of a connection: a workload by `<namespace>/<name>`, or a cluster-external address (what ipBlock peers
 * describe), e.g. `{ external: '203.0.113.10' }`.
 */
export type Endpoint = string | { readonly external: string };

/** What one workload may open towards another: destination pod ports, per protocol. */
export interface Connection {
  readonly from: string;
  readonly to: string;
  readonly allowed: PortSet;
}

type ResolvedEndpoint =
  | { readonly kind: 'workload'; readonly index: number; readonly name: string }
  | { readonly kind: 'external'; readonly address: IpAddress; readonly name: string };

/**
 * Analyses plain Kubernetes objects (parsed YAML or cdk8s `chart.toJson()` output). To model something the
 * manifests lack, such as CoreDNS in kube-system, append its Deployment and Service objects to `objects`.
 *
 * Throws ManifestError (InvalidNetworkPolicyError for a policy the API server would reject) on unusable input.
 */
export function analyzeConnectivity(objects: readonly unknown[]): ConnectivityAnalysis {
  return new ConnectivityAnalysis(buildClusterInventory(objects));
}

/**
 * NetworkPolicy semantics of networking.k8s.io/v1: a connection is allowed when egress is allowed at the source
 * AND ingress is allowed at the destination; each direction is open unless a policy of that type selects the
 * pod, and then only what the union of those policies' rules allows.
 */
export class ConnectivityAnalysis {
  readonly workloads: readonly Workload[];
  private readonly index: PolicyIndex;
  private readonly indexByName: ReadonlyMap<string, number>;
  private cachedConnections: readonly Connection[] | undefined;
  private cachedWarnings: readonly ConnectivityWarning[] | undefined;

  constructor(readonly inventory: ClusterInventory) {
    this.workloads = inventory.workloads;
    this.index = new PolicyIndex(inventory);
    this.indexByName = new Map(this.workloads.map((workload, index) => [workload.name, index]));
  }

  /** `<namespace>/<name>` of every workload, sorted. */
  get workloadNames(): readonly string[] {
    return this.workloads.map((workload) => workload.name);
  }

  /** Input objects of kinds the analysis does not model. */
  get ignoredObjects(): readonly IgnoredObject[] {
    return this.inventory.ignored;
  }

  /** Amazon VPC CNI caveats for the whole input; they never change a verdict. */
  get warnings(): readonly ConnectivityWarning[] {
    this.cachedWarnings ??= findVpcCniCaveats({
      inventory: this.inventory,
      index: this.index,
      allowedBetween: (source, destination) => this.allowedBetween(source, destination),
      egressAllowedBetween: (source, destination) =>
        this.egressPorts(
          { kind: 'workload', index: source, name: this.workloads[source].name },
          { kind: 'workload', index: destination, name: this.workloads[destination].name },
        ),
    });
    return this.cachedWarnings;
  }

  /** Every destination port (per protocol) `from` may open towards `to`. */
  allowedPorts(from: Endpoint, to: Endpoint): PortSet {
    const source = this.resolve(from);
    const destination = this.resolve(to);
    assertNotBothExternal(source, destination);
    const egress = this.egressPorts(source, destination);
    return egress.isEmpty() ? egress : egress.intersect(this.ingressPorts(destination, source));
  }

  /** One entry per ordered pair of distinct workloads, in workload-name order. */
  connections(): readonly Connection[] {
    if (this.cachedConnections === undefined) {
      const connections: Connection[] = [];
      for (let source = 0; source < this.workloads.length; source++) {
        for (let destination = 0; destination < this.workloads.length; destination++) {
          if (source === destination) continue;
          connections.push({
            from: this.workloads[source].name,
            to: this.workloads[destination].name,
            allowed: this.allowedBetween(source, destination),
          });
        }
      }
      this.cachedConnections = connections;
    }
    return this.cachedConnections;
  }

  /**
   * Can `from` open a connection to `to` on `port`? `port` is the destination pod port, or the name of one of the
   * destination workload's container ports. The verdict says which rules allowed it or which isolation denied it.
   */
  canReach(
    from: Endpoint,
    to: Endpoint,
    port: number | string,
    protocol: Protocol = DEFAULT_PROTOCOL,
  ): ReachabilityVerdict {
    const source = this.resolve(from);
    const destination = this.resolve(to);
    assertNotBothExternal(source, destination);
    return this.decide(source, destination, this.destinationPort(destination, port, protocol), protocol);
  }

  /**
   * Can `from` reach Service `service` (`<namespace>/<name>`) on `servicePort` (its number or name)? The Service
   * resolves to the workloads its selector matches and each one's target port; policies act on that pod port.
   * `protocol` is needed only when one port number is served on several protocols (DNS on 53/UDP and 53/TCP).
   */
  canReachService(
    from: Endpoint,
    service: string,
    servicePort: number | string,
    protocol?: Protocol,
  ): ServiceReachabilityVerdict {
    const source = this.resolve(from);
    const target = this.findService(service);
    const port = findServicePort(target, servicePort, protocol);
    const backends = this.backendsOf(target).flatMap((backend) => {
      const targetPort = resolveTargetPort(port, this.workloads[backend].containerPorts);
      if (targetPort === undefined) return [];
      const destination: ResolvedEndpoint = { kind: 'workload', index: backend, name: this.workloads[backend].name };
      return [this.decide(source, destination, targetPort, port.protocol)];
    });
    const allowed = backends.length > 0 && backends.every((backend) => backend.allowed);
    const serviceWarnings = this.warnings.filter(
      (warning) =>
        warning.code === 'service-port-differs-from-container-port' &&
        warning.service === target.name &&
        warning.workloads.includes(source.name),
    );
    return {
      allowed,
      from: source.name,
      service: target.name,
      servicePort: port.port,
      protocol: port.protocol,
      backends,
      explanation: explainService(source.name, target, port, backends),
      warnings: uniqueWarnings([...serviceWarnings, ...backends.flatMap((backend) => backend.warnings)]),
    };
  }

  private allowedBetween(source: number, destination: number): PortSet {
    const from: ResolvedEndpoint = { kind: 'workload', index: source, name: this.workloads[source].name };
    const to: ResolvedEndpoint = { kind: 'workload', index: destination, name: this.workloads[destination].name };
    const egress = this.egressPorts(from, to);
    return egress.isEmpty() ? egress : egress.intersect(this.ingressPorts(to, from));
  }

  private egressPorts(source: ResolvedEndpoint, destination: ResolvedEndpoint): PortSet {
    if (source.kind === 'external') return PortSet.ALL;
    return unionOfMatchingRules(this.index.egress[source.index], destination);
  }

  private ingressPorts(destination: ResolvedEndpoint, source: ResolvedEndpoint): PortSet {
    if (destination.kind === 'external') return PortSet.ALL;
    return unionOfMatchingRules(this.index.ingress[destination.index], source, destination.index);
  }

  private decide(
    source: ResolvedEndpoint,
    destination: ResolvedEndpoint,
    port: number,
    protocol: Protocol,
  ): ReachabilityVerdict {
    const egress = this.decideDirection('egress', source, destination, destination, port, protocol);
    const ingress = this.decideDirection('ingress', destination, source, destination, port, protocol);
    let explanation = explainVerdict(source.name, destination.name, protocol, port, egress, ingress);
    if (source.kind === 'workload' && destination.kind === 'workload' && source.index === destination.index) {
      explanation += ` (This is between two pods of ${source.name}; a pod can always reach itself.)`;
    }
    return {
      allowed: egress.allowed && ingress.allowed,
      from: source.name,
      to: destination.name,
      protocol,
      port,
      egress,
      ingress,
      explanation,
      warnings: this.warningsForConnection(source.name, destination.name, ingress),
    };
  }

  private decideDirection(
    direction: PolicyDirection,
    subject: ResolvedEndpoint,
    peer: ResolvedEndpoint,
    destination: ResolvedEndpoint,
    port: number,
    protocol: Protocol,
  ): DirectionDecision {
    if (subject.kind === 'external') {
      return {
        direction,
        subject: undefined,
        isolated: false,
        isolatingPolicies: [],
        allowed: true,
        allowingRules: [],
      };
    }
    const policies = (direction === 'egress' ? this.index.egress : this.index.ingress)[subject.index];
    const isolated = policies.isolatingPolicies.length > 0;
    const allowingRules = policies.rules
      .filter((rule) => ruleMatchesPeer(rule, peer) && rule.portsTowards(towards(destination)).has(protocol, port))
      .map((rule) => rule.reference);
    return {
      direction,
      subject: subject.name,
      isolated,
      isolatingPolicies: policies.isolatingPolicies.map((policy) => policy.name),
      allowed: !isolated || allowingRules.length > 0,
      allowingRules,
    };
  }

  private warningsForConnection(from: string, to: string, ingress: DirectionDecision): ConnectivityWarning[] {
    const allowingPolicies = new Set(ingress.allowingRules.map((rule) => rule.policy));
    return this.warnings.filter((warning) => {
      switch (warning.code) {
        case 'bare-pod-without-owner':
          return warning.workloads.includes(from) || warning.workloads.includes(to);
        case 'named-port-in-ingress-rule':
          return warning.policy !== undefined && allowingPolicies.has(warning.policy);
        case 'too-many-port-protocol-combinations':
          return (
            (warning.workloads[0] === to && warning.peer === from) ||
            (warning.workloads[0] === from && warning.peer === to)
          );
        case 'service-port-differs-from-container-port':
          return false;
      }
    });
  }

  private resolve(endpoint: Endpoint): ResolvedEndpoint {
    if (typeof endpoint !== 'string') {
      const address = parseIpAddress(endpoint.external);
      if (address === undefined) {
        throw new ConnectivityQueryError(`"${endpoint.external}" is not an IPv4 or IPv6 address`);
      }
      return { kind: 'external', address, name: `external ${endpoint.external}` };
    }
    const index = this.indexByName.get(endpoint);
    if (index === undefined) {
      const hint = didYouMean(endpoint, [...this.indexByName.keys()]);
      throw new ConnectivityQueryError(
        `no workload named ${endpoint} (workloads are named <namespace>/<name>).${hint === '' ? '' : ` ${hint}`}`,
      );
    }
    return { kind: 'workload', index, name: endpoint };
  }

  private destinationPort(destination: ResolvedEndpoint, port: number | string, protocol: Protocol): number {
    if (typeof port === 'number') {
      if (!isPortNumber(port)) throw new ConnectivityQueryError(`${port} is not a port number from 1 to 65535`);
      return port;
    }
    if (destination.kind === 'external') {
      throw new ConnectivityQueryError(
        `an external address has no named ports; ask about a port number instead of "${port}"`,
      );
    }
    const match = this.workloads[destination.index].containerPorts.find(
      (containerPort) => containerPort.name === port && containerPort.protocol === protocol,
    );
    if (match === undefined) {
      throw new ConnectivityQueryError(`${destination.name} declares no ${protocol} container port named "${port}"`);
    }
    return match.containerPort;
  }

  private findService(name: string): Service {
    const service = this.inventory.services.get(name);
    if (service === undefined) {
      const hint = didYouMean(name, [...this.inventory.services.keys()]);
      throw new ConnectivityQueryError(`no Service named ${name}.${hint === '' ? '' : ` ${hint}`}`);
    }
    return service;
  }

  /** Workloads in the Service's namespace whose pod labels include every selector entry. */
  private backendsOf(service: Service): number[] {
    const { selector } = service;
    if (selector === undefined) return [];
    return this.workloads.flatMap((workload, index) =>
      workload.namespace === service.namespace &&
      [...selector].every(([key, value]) => workload.labels.get(key) === value)
        ? [index]
        : [],
    );
  }
}

function assertNotBothExternal(source: ResolvedEndpoint, destination: ResolvedEndpoint): void {
  if (source.kind === 'external' && destination.kind === 'external') {
    throw new ConnectivityQueryError('NetworkPolicy does not govern traffic between two external addresses');
  }
}

function towards(destination: ResolvedEndpoint): number | 'external' {
  return destination.kind === 'workload' ? destination.index : 'external';
}

function ruleMatchesPeer(rule: CompiledRule, peer: ResolvedEndpoint): boolean {
  return peer.kind === 'workload' ? rule.matchesWorkload(peer.index) : rule.matchesExternal(peer.address);
}

/**
 * What one direction allows: everything when no policy isolates it, otherwise the union over the rules whose
 * peers include `peer` of the ports each allows towards the destination (`destinationIndex` for ingress, the peer
 * itself for egress).
 */
function unionOfMatchingRules(policies: DirectionPolicies, peer: ResolvedEndpoint, destinationIndex?: number): PortSet {
  if (policies.isolatingPolicies.length === 0) return PortSet.ALL;
  const destination = destinationIndex ?? towards(peer);
  const allowed: PortSet[] = [];
  for (const rule of policies.rules) {
    if (ruleMatchesPeer(rule, peer)) allowed.push(rule.portsTowards(destination));
  }
  return PortSet.unionOf(allowed);
}

function findServicePort(service: Service, servicePort: number | string, protocol: Protocol | undefined): ServicePort {
  const candidates = service.ports.filter(
    (port) =>
      (typeof servicePort === 'number' ? port.port === servicePort : port.name === servicePort) &&
      (protocol === undefined || port.protocol === protocol),
  );
  const wanted = `${protocol === undefined ? '' : `${protocol} `}port ${servicePort}`;
  if (candidates.length === 0) {
    const known = service.ports.map((port) => `${port.name ?? '(unnamed)'} ${port.port}/${port.protocol}`).join(', ');
    throw new ConnectivityQueryError(`Service ${service.name} has no ${wanted} (it has: ${known || 'no ports'})`);
  }
  if (candidates.length > 1) {
    throw new ConnectivityQueryError(
      `Service ${service.name} serves ${wanted} on several protocols; pass the protocol`,
    );
  }
  return candidates[0];
}

function explainService(
  from: string,
  service: Service,
  port: ServicePort,
  backends: readonly ReachabilityVerdict[],
): string {
  const subject = `${from} -> Service ${service.name} port ${port.port}/${port.protocol}`;
  if (service.selector === undefined) return `${subject} is denied: the Service has no selector, so no backend pods.`;
  if (backends.length === 0) {
    return `${subject} is denied: no workload matches the selector and declares target port ${port.targetPort}.`;
  }
  const denied = backends.filter((backend) => !backend.allowed);
  const details = backends.map((backend) => backend.explanation).join(' ');
  if (denied.length === 0) return `${subject} is allowed on every backend. ${details}`;
  const which = denied.length === backends.length ? 'every backend' : `${denied.length} of ${backends.length} backends`;
  return `${subject} is denied by ${which}. ${details}`;
}

function uniqueWarnings(warnings: readonly ConnectivityWarning[]): ConnectivityWarning[] {
  return [...new Set(warnings)];
}
