import {
  crossNamespaceReferences,
  findRoute,
  type KubeObject,
  type ObjectRef,
  refText,
  weightPercent,
  resolveBackend,
  routeBackendRefs,
  routeSplits,
} from '../gateway-api-routes';
import type { CheckOutcome, CommandResult, LabExpectation, LiveCommand } from '../lab-expectation';
import type { SynthesizedOutput } from '../synthesized-lab';
import { commandJson, kubectl } from '../live/live-commands';

/** The resources a route analysis reads from a live cluster (one `kubectl get -A -o json`). */
export const ROUTE_ANALYSIS_RESOURCES = [
  'httproutes.gateway.networking.k8s.io',
  'referencegrants.gateway.networking.k8s.io',
  'targetgrouppolicies.application-networking.k8s.aws',
  'services',
  'deployments',
  'statefulsets',
] as const;

function synthesizedObjects(lab: SynthesizedOutput): KubeObject[] {
  return lab.kubernetesObjects.map((deployed) => deployed.object);
}

/** The items of `kubectl get ... -o json` (a List), or a reason they cannot be read. */
export function liveObjects(result: CommandResult): KubeObject[] | string {
  const parsed = commandJson<{ items?: unknown }>(result, 'kubectl');
  if (typeof parsed === 'string') return parsed;
  return Array.isArray(parsed.items) ? (parsed.items as KubeObject[]) : 'kubectl returned no item list';
}

function getAllCommand(resources: readonly string[]): LiveCommand {
  return kubectl('get', resources.join(','), '-A', '-o', 'json');
}

/** Evaluates `check` over live objects fetched by the first command. */
function overLiveObjects(check: (objects: readonly KubeObject[]) => CheckOutcome) {
  return (results: readonly CommandResult[]): CheckOutcome => {
    const objects = liveObjects(results[0]);
    return typeof objects === 'string' ? { pass: false, actual: objects } : check(objects);
  };
}

export interface RouteExpectationProps {
  readonly id: string;
  readonly module: string;
  readonly kind: 'HTTPRoute';
  readonly route: ObjectRef;
  readonly source?: string;
}

function routeSubject(props: RouteExpectationProps, what: string): string {
  return `${props.kind} ${refText(props.route)} ${what}`;
}

function withRoute(
  objects: readonly KubeObject[],
  props: RouteExpectationProps,
  check: (route: KubeObject) => CheckOutcome,
): CheckOutcome {
  const route = findRoute(objects, props.kind, props.route);
  return route ? check(route) : { pass: false, actual: `${props.kind} ${refText(props.route)} not found` };
}

function backendsOutcome(objects: readonly KubeObject[], route: KubeObject): CheckOutcome {
  const resolutions = routeBackendRefs(route).map((ref) => resolveBackend(objects, ref, { requireHealthCheck: true }));
  if (resolutions.length === 0) return { pass: false, actual: 'the route has no backendRefs' };
  const problems = resolutions.flatMap((resolution) => resolution.problems);
  const notes: string[] = [];
  const paths = resolutions.map((resolution) => {
    const ports = resolution.containerPorts.map((port) => `${port.workload}:${port.port}`).join('+') || '?';
    const check = resolution.healthCheck;
    const served =
      check?.path === undefined || resolution.containerPorts.some((port) => port.probePaths.includes(check.path!));
    if (check?.path !== undefined && !served) {
      notes.push(
        `${refText(resolution.ref)}: no container probe serves ${check.path}; the health check relies on the app answering it`,
      );
    }
    const health = check
      ? ` (health check ${check.protocol ?? 'HTTP'} ${check.path ?? '/'} on ${check.port ?? 'the traffic port'}, ${check.policy})`
      : '';
    return `${refText(resolution.ref)}:${resolution.ref.port} -> ${JSON.stringify(resolution.targetPort)} -> ${ports}${health}`;
  });
  return problems.length === 0
    ? { pass: true, actual: paths.join('; '), notes }
    : { pass: false, actual: problems.join('; '), notes };
}

/**
 * Every backendRef of the route resolves: the Service exists with the referenced port, the port's target is a port
 * of the containers the Service selects, and a TargetGroupPolicy health-checks that container port. Offline over
 * the synthesized manifests; live over the same kinds read from the cluster.
 */
export function routeBackendsExpectation(props: RouteExpectationProps): LabExpectation {
  return {
    id: props.id,
    module: props.module,
    subject: routeSubject(props, 'backends'),
    expected:
      'each backend is an existing Service port that reaches a container port its TargetGroupPolicy health-checks',
    source: props.source,
    checkOffline: (lab) =>
      withRoute(synthesizedObjects(lab), props, (route) => backendsOutcome(synthesizedObjects(lab), route)),
    live: {
      commands: () => [getAllCommand(ROUTE_ANALYSIS_RESOURCES)],
      interpret: overLiveObjects((objects) => withRoute(objects, props, (route) => backendsOutcome(objects, route))),
    },
  };
}

export interface ExpectedBackendWeight {
  readonly backend: ObjectRef;
  readonly weight: number;
}

export interface RouteSplitExpectationProps extends RouteExpectationProps {
  /** The backends of the route's first rule, in order, with their weights. */
  readonly weights: readonly ExpectedBackendWeight[];
  /** The backend whose share the check states in words (`75% of requests to checkoutv2/checkout`). */
  readonly highlight: ObjectRef;
}

function describeWeights(weights: readonly ExpectedBackendWeight[]): string {
  const total = weights.reduce((sum, entry) => sum + entry.weight, 0);
  return weights
    .map((entry) => `${refText(entry.backend)} ${entry.weight} (${weightPercent(entry.weight, total)}%)`)
    .join(', ');
}

function splitOutcome(route: KubeObject, props: RouteSplitExpectationProps): CheckOutcome {
  const [first] = routeSplits(route);
  if (!first) return { pass: false, actual: 'the route has no backendRefs' };
  const actual = routeBackendRefs(route).filter((ref) => ref.rule === first.rule);
  const described = describeWeights(actual.map((ref) => ({ backend: ref, weight: ref.weight })));
  const matches =
    actual.length === props.weights.length &&
    actual.every(
      (ref, index) =>
        ref.namespace === props.weights[index].backend.namespace &&
        ref.name === props.weights[index].backend.name &&
        ref.weight === props.weights[index].weight,
    );
  const highlighted = actual.find(
    (ref) => ref.namespace === props.highlight.namespace && ref.name === props.highlight.name,
  );
  const share = highlighted
    ? `; ${weightPercent(highlighted.weight, first.total)}% of requests to ${refText(props.highlight)}`
    : '';
  if (first.total <= 0) return { pass: false, actual: `${described}: the weights add up to 0, no request is routed` };
  return { pass: matches, actual: `${described}, total ${first.total}${share}` };
}

/** The route splits requests between its backends with the configured weights (they add up to a positive total). */
export function routeSplitExpectation(props: RouteSplitExpectationProps): LabExpectation {
  const total = props.weights.reduce((sum, entry) => sum + entry.weight, 0);
  const highlighted = props.weights.find(
    (entry) => entry.backend.namespace === props.highlight.namespace && entry.backend.name === props.highlight.name,
  );
  const share = highlighted
    ? `; ${weightPercent(highlighted.weight, total)}% of requests to ${refText(props.highlight)}`
    : '';
  return {
    id: props.id,
    module: props.module,
    subject: routeSubject(props, 'weights'),
    expected: `${describeWeights(props.weights)}, total ${total}${share}`,
    source: props.source,
    checkOffline: (lab) => withRoute(synthesizedObjects(lab), props, (route) => splitOutcome(route, props)),
    live: {
      commands: () => [
        kubectl('get', 'httproutes.gateway.networking.k8s.io', '-n', props.route.namespace, '-o', 'json'),
      ],
      interpret: overLiveObjects((objects) => withRoute(objects, props, (route) => splitOutcome(route, props))),
    },
  };
}

function grantsOutcome(objects: readonly KubeObject[], route: KubeObject): CheckOutcome {
  const references = crossNamespaceReferences(objects, route);
  if (references.length === 0) return { pass: true, actual: 'no cross-namespace backendRefs' };
  const ungranted = references.filter((reference) => reference.grantedBy === undefined);
  const described = references.map(
    (reference) =>
      `${refText(reference.to)} ${reference.grantedBy ? `granted by ReferenceGrant ${reference.grantedBy}` : 'NOT granted'}`,
  );
  return { pass: ungranted.length === 0, actual: described.join('; ') };
}

/** Every backendRef of the route into another namespace is allowed by a ReferenceGrant in that namespace. */
export function crossNamespaceGrantExpectation(props: RouteExpectationProps): LabExpectation {
  return {
    id: props.id,
    module: props.module,
    subject: routeSubject(props, 'cross-namespace backendRefs'),
    expected: 'each granted by a ReferenceGrant in the backend namespace',
    source: props.source,
    checkOffline: (lab) =>
      withRoute(synthesizedObjects(lab), props, (route) => grantsOutcome(synthesizedObjects(lab), route)),
    live: {
      commands: () => [
        getAllCommand(['httproutes.gateway.networking.k8s.io', 'referencegrants.gateway.networking.k8s.io']),
      ],
      interpret: overLiveObjects((objects) => withRoute(objects, props, (route) => grantsOutcome(objects, route))),
    },
  };
}
