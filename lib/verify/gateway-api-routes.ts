/**
 * Offline reading of Gateway API routes over plain Kubernetes objects (synthesized or fetched from a cluster): which
 * Service, Service port, container port and VPC Lattice health check each backendRef ends up at, how requests are
 * split, and whether cross-namespace references are granted. No aws-cdk-lib here: objects in, findings out.
 *
 * Semantics follow the Gateway API spec (https://gateway-api.sigs.k8s.io/reference/spec/#backendref): a backendRef's
 * group defaults to "" (core), kind to Service, namespace to the route's, weight to 1; `port` is the Service port.
 */

/** The least a Kubernetes object needs for this analysis. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const TARGET_GROUP_POLICY_KIND = 'TargetGroupPolicy';
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

export interface ObjectRef {
  readonly namespace: string;
  readonly name: string;
}

export function refText(ref: ObjectRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/** The share of requests a backend weight receives, in percent with one decimal (`75`, `33.3`). */
export function weightPercent(weight: number, total: number): number {
  return total === 0 ? 0 : Math.round((weight * 1000) / total) / 10;
}

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function find(objects: readonly KubeObject[], kind: string, ref: ObjectRef, group?: string): KubeObject | undefined {
  return objects.find(
    (object) =>
      object.kind === kind &&
      object.metadata.name === ref.name &&
      (object.metadata.namespace ?? 'default') === ref.namespace &&
      (group === undefined || groupOf(object.apiVersion) === group),
  );
}

/** One `backendRefs` entry with the spec's defaults applied. */
export interface BackendRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port?: number;
  readonly weight: number;
  /** Index of the rule it belongs to. */
  readonly rule: number;
}

/** The backendRefs of a route, rule by rule, defaults applied. */
export function routeBackendRefs(route: KubeObject): BackendRef[] {
  const namespace = route.metadata.namespace ?? 'default';
  return asArray(asRecord(route.spec).rules).flatMap((rule, index) =>
    asArray(rule.backendRefs).map((ref) => ({
      group: stringOr(ref.group, ''),
      kind: stringOr(ref.kind, 'Service'),
      namespace: stringOr(ref.namespace, namespace),
      name: stringOr(ref.name, ''),
      port: typeof ref.port === 'number' ? ref.port : undefined,
      weight: typeof ref.weight === 'number' ? ref.weight : 1,
      rule: index,
    })),
  );
}

/** A container port a backend's traffic reaches. */
export interface ReachedContainerPort {
  readonly workload: string;
  readonly container: string;
  readonly port: number;
  readonly name?: string;
  /** Paths of the container's HTTP probes on that port (what the application is known to serve). */
  readonly probePaths: readonly string[];
}

/** The VPC Lattice health check a TargetGroupPolicy sets for a Service. */
export interface TargetGroupHealthCheckFinding {
  readonly policy: string;
  readonly protocol?: string;
  readonly path?: string;
  /** Explicit port, or undefined when the check uses the traffic port. */
  readonly port?: number;
  readonly enabled: boolean;
}

/** Where one backendRef leads, and what is wrong with it (nothing when `problems` is empty). */
export interface BackendResolution {
  readonly ref: BackendRef;
  readonly service?: ObjectRef;
  /** The Service port's target: a container port name or number. */
  readonly targetPort?: string | number;
  readonly containerPorts: readonly ReachedContainerPort[];
  readonly healthCheck?: TargetGroupHealthCheckFinding;
  readonly problems: readonly string[];
}

function labelsMatch(selector: Json, labels: Json): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

function podTemplate(workload: KubeObject): Json {
  return asRecord(asRecord(workload.spec).template);
}

function httpProbePaths(container: Json, port: number, portName: string | undefined): string[] {
  return ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probeKey) => {
    const httpGet = asRecord(asRecord(container[probeKey]).httpGet);
    const probePort = httpGet.port;
    const samePort = probePort === port || (portName !== undefined && probePort === portName);
    return samePort && typeof httpGet.path === 'string' ? [httpGet.path] : [];
  });
}

/** The container ports of the pods a Service selects that its target port names or numbers. */
export function reachedContainerPorts(
  objects: readonly KubeObject[],
  service: KubeObject,
  targetPort: string | number,
): ReachedContainerPort[] {
  const namespace = service.metadata.namespace ?? 'default';
  const selector = asRecord(asRecord(service.spec).selector);
  const reached: ReachedContainerPort[] = [];
  for (const workload of objects) {
    if (!WORKLOAD_KINDS.includes(workload.kind) || (workload.metadata.namespace ?? 'default') !== namespace) continue;
    const template = podTemplate(workload);
    if (!labelsMatch(selector, asRecord(asRecord(template.metadata).labels))) continue;
    for (const container of asArray(asRecord(template.spec).containers)) {
      for (const port of asArray(container.ports)) {
        const number = port.containerPort;
        const name = typeof port.name === 'string' ? port.name : undefined;
        if (typeof number !== 'number') continue;
        if (targetPort === number || (typeof targetPort === 'string' && targetPort === name)) {
          reached.push({
            workload: `${workload.kind}/${workload.metadata.name}`,
            container: stringOr(container.name, '?'),
            port: number,
            name,
            probePaths: httpProbePaths(container, number, name),
          });
        }
      }
    }
  }
  return reached;
}

/** The TargetGroupPolicy attached to a Service (same namespace, `targetRef` to the core Service). */
export function targetGroupPolicyFor(objects: readonly KubeObject[], service: ObjectRef): KubeObject | undefined {
  return objects.find((object) => {
    if (object.kind !== TARGET_GROUP_POLICY_KIND || (object.metadata.namespace ?? 'default') !== service.namespace)
      return false;
    const target = asRecord(asRecord(object.spec).targetRef);
    return stringOr(target.group, '') === '' && target.kind === 'Service' && target.name === service.name;
  });
}

function healthCheckOf(policy: KubeObject): TargetGroupHealthCheckFinding {
  const check = asRecord(asRecord(policy.spec).healthCheck);
  return {
    policy: refText({ namespace: policy.metadata.namespace ?? 'default', name: policy.metadata.name }),
    protocol: typeof check.protocol === 'string' ? check.protocol : undefined,
    path: typeof check.path === 'string' ? check.path : undefined,
    port: typeof check.port === 'number' ? check.port : undefined,
    enabled: check.enabled !== false,
  };
}

/**
 * Follows one backendRef: the Service must exist, have the referenced port, and that port's target must be a
 * port of the containers the Service selects. When `requireHealthCheck` is set, a TargetGroupPolicy must give the
 * Service an enabled health check on that container port (explicitly, or by leaving the port to the traffic port).
 */
export function resolveBackend(
  objects: readonly KubeObject[],
  ref: BackendRef,
  options: { readonly requireHealthCheck?: boolean } = {},
): BackendResolution {
  const problems: string[] = [];
  const label = `${refText(ref)}:${ref.port ?? '?'}`;
  if (ref.group !== '' || ref.kind !== 'Service') {
    return {
      ref,
      containerPorts: [],
      problems: [`${label} is a ${ref.kind} of group "${ref.group}"; only core Services are analysed`],
    };
  }
  const service = find(objects, 'Service', ref, '');
  if (!service) return { ref, containerPorts: [], problems: [`Service ${refText(ref)} does not exist`] };
  if (ref.port === undefined)
    return { ref, service: ref, containerPorts: [], problems: [`${label}: a Service backendRef needs a port`] };

  const servicePort = asArray(asRecord(service.spec).ports).find((port) => port.port === ref.port);
  if (!servicePort) {
    return { ref, service: ref, containerPorts: [], problems: [`Service ${refText(ref)} has no port ${ref.port}`] };
  }
  const rawTarget = servicePort.targetPort;
  const targetPort: string | number =
    typeof rawTarget === 'number' || typeof rawTarget === 'string' ? rawTarget : ref.port;
  const containerPorts = reachedContainerPorts(objects, service, targetPort);
  if (containerPorts.length === 0) {
    problems.push(
      `${label}: target port ${JSON.stringify(targetPort)} is no container port of the pods the Service selects`,
    );
  }

  const policy = targetGroupPolicyFor(objects, ref);
  const healthCheck = policy ? healthCheckOf(policy) : undefined;
  if (options.requireHealthCheck) {
    if (!healthCheck) {
      problems.push(`${label}: no TargetGroupPolicy in ${ref.namespace} sets a health check for Service ${ref.name}`);
    } else if (!healthCheck.enabled) {
      problems.push(`${label}: ${healthCheck.policy} disables the health check`);
    } else if (healthCheck.port !== undefined && !containerPorts.some((port) => port.port === healthCheck.port)) {
      const ports = containerPorts.map((port) => port.port).join(', ') || 'none';
      problems.push(
        `${label}: ${healthCheck.policy} checks port ${healthCheck.port}, but traffic reaches container port(s) ${ports}`,
      );
    }
  }
  return { ref, service: ref, targetPort, containerPorts, healthCheck, problems };
}

/** How one rule of a route splits requests. */
export interface RuleSplit {
  readonly rule: number;
  readonly total: number;
  readonly backends: readonly { readonly backend: string; readonly weight: number; readonly percent: number }[];
}

/** The request split of every rule (Gateway API: share = weight / sum of the rule's weights). */
export function routeSplits(route: KubeObject): RuleSplit[] {
  const byRule = new Map<number, BackendRef[]>();
  for (const ref of routeBackendRefs(route)) byRule.set(ref.rule, [...(byRule.get(ref.rule) ?? []), ref]);
  return [...byRule.entries()].map(([rule, refs]) => {
    const total = refs.reduce((sum, ref) => sum + ref.weight, 0);
    return {
      rule,
      total,
      backends: refs.map((ref) => ({
        backend: `${refText(ref)}:${ref.port ?? '?'}`,
        weight: ref.weight,
        percent: weightPercent(ref.weight, total),
      })),
    };
  });
}

/** A reference from a route to an object in another namespace, and the ReferenceGrant that allows it. */
export interface CrossNamespaceReference {
  readonly from: ObjectRef;
  readonly to: BackendRef;
  /** `namespace/name` of the granting ReferenceGrant, when one exists. */
  readonly grantedBy?: string;
}

/**
 * Every backendRef of a route that leaves the route's namespace, with the ReferenceGrant in the target namespace
 * that allows it: `from` must list the route's group, kind and namespace, `to` the backend's group and kind, and
 * the backend's name unless `to` omits it (https://gateway-api.sigs.k8s.io/api-types/referencegrant/).
 */
export function crossNamespaceReferences(objects: readonly KubeObject[], route: KubeObject): CrossNamespaceReference[] {
  const from: ObjectRef = { namespace: route.metadata.namespace ?? 'default', name: route.metadata.name };
  const routeGroup = groupOf(route.apiVersion);
  return routeBackendRefs(route)
    .filter((ref) => ref.namespace !== from.namespace)
    .map((ref) => {
      const grant = objects.find((object) => {
        if (object.kind !== 'ReferenceGrant' || groupOf(object.apiVersion) !== GATEWAY_API_GROUP) return false;
        if ((object.metadata.namespace ?? 'default') !== ref.namespace) return false;
        const spec = asRecord(object.spec);
        const fromOk = asArray(spec.from).some(
          (entry) => entry.group === routeGroup && entry.kind === route.kind && entry.namespace === from.namespace,
        );
        const toOk = asArray(spec.to).some(
          (entry) =>
            stringOr(entry.group, '') === ref.group &&
            entry.kind === ref.kind &&
            (entry.name === undefined || entry.name === ref.name),
        );
        return fromOk && toOk;
      });
      return {
        from,
        to: ref,
        grantedBy: grant ? refText({ namespace: ref.namespace, name: grant.metadata.name }) : undefined,
      };
    });
}

/** The route of a kind and name among objects (`HTTPRoute`, `checkout/checkoutroute`). */
export function findRoute(objects: readonly KubeObject[], kind: string, ref: ObjectRef): KubeObject | undefined {
  return find(objects, kind, ref, GATEWAY_API_GROUP);
}
