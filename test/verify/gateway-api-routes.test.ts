import {
  crossNamespaceReferences,
  findRoute,
  type KubeObject,
  resolveBackend,
  routeBackendRefs,
  routeSplits,
  weightPercent,
} from '../../lib/verify/gateway-api-routes';

const labels = { app: 'web' };

function service(namespace: string, targetPort: string | number = 'http', name = 'web'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort }] },
  };
}

function deployment(namespace: string, probePath = '/health'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace },
    spec: {
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'web',
              ports: [{ name: 'http', containerPort: 8080 }],
              livenessProbe: { httpGet: { path: probePath, port: 8080 } },
            },
          ],
        },
      },
    },
  };
}

function policy(
  namespace: string,
  healthCheck: Record<string, unknown> = { enabled: true, path: '/health', port: 8080, protocol: 'HTTP' },
): KubeObject {
  return {
    apiVersion: 'application-networking.k8s.aws/v1alpha1',
    kind: 'TargetGroupPolicy',
    metadata: { name: 'web-policy', namespace },
    spec: { targetRef: { group: '', kind: 'Service', name: 'web' }, healthCheck },
  };
}

function route(backendRefs: Record<string, unknown>[]): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'split', namespace: 'a' },
    spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs }] },
  };
}

function grant(
  namespace: string,
  to: Record<string, unknown>,
  fromNamespace = 'a',
  fromKind = 'HTTPRoute',
): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'allow', namespace },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: fromNamespace }], to: [to] },
  };
}

const cluster = [service('a'), deployment('a'), policy('a'), service('b'), deployment('b'), policy('b')];

describe('routeBackendRefs', () => {
  test('applies the Gateway API defaults: core group, kind Service, the route namespace, weight 1', () => {
    expect(routeBackendRefs(route([{ name: 'web', port: 80 }]))).toEqual([
      { group: '', kind: 'Service', namespace: 'a', name: 'web', port: 80, weight: 1, rule: 0 },
    ]);
  });
});

describe('resolveBackend', () => {
  const [local] = routeBackendRefs(route([{ name: 'web', port: 80 }]));

  test('follows Service port 80 to the named container port 8080 checked by the TargetGroupPolicy', () => {
    const resolution = resolveBackend(cluster, local, { requireHealthCheck: true });
    expect(resolution.problems).toEqual([]);
    expect(resolution.targetPort).toBe('http');
    expect(resolution.containerPorts).toEqual([
      { workload: 'Deployment/web', container: 'web', port: 8080, name: 'http', probePaths: ['/health'] },
    ]);
    expect(resolution.healthCheck).toMatchObject({ policy: 'a/web-policy', port: 8080, path: '/health' });
  });

  test('follows a numeric target port too', () => {
    const objects = [service('a', 8080), deployment('a'), policy('a')];
    expect(resolveBackend(objects, local, { requireHealthCheck: true }).problems).toEqual([]);
  });

  test('fails when the Service does not exist', () => {
    expect(resolveBackend([deployment('a')], local).problems).toEqual(['Service a/web does not exist']);
  });

  test('fails when the Service has no such port', () => {
    const [wrongPort] = routeBackendRefs(route([{ name: 'web', port: 81 }]));
    expect(resolveBackend(cluster, wrongPort).problems).toEqual(['Service a/web has no port 81']);
  });

  test('fails when the target port is no container port of the selected pods', () => {
    const objects = [service('a', 'grpc'), deployment('a'), policy('a')];
    expect(resolveBackend(objects, local).problems).toEqual([
      'a/web:80: target port "grpc" is no container port of the pods the Service selects',
    ]);
  });

  test('fails when no TargetGroupPolicy sets a health check and one is required', () => {
    expect(resolveBackend([service('a'), deployment('a')], local, { requireHealthCheck: true }).problems).toEqual([
      'a/web:80: no TargetGroupPolicy in a sets a health check for Service web',
    ]);
  });

  test('fails when the health check probes another port than the traffic reaches', () => {
    const objects = [service('a'), deployment('a'), policy('a', { enabled: true, path: '/health', port: 9090 })];
    expect(resolveBackend(objects, local, { requireHealthCheck: true }).problems).toEqual([
      'a/web:80: a/web-policy checks port 9090, but traffic reaches container port(s) 8080',
    ]);
  });

  test('allows a health check without port (it then uses the traffic port)', () => {
    const objects = [service('a'), deployment('a'), policy('a', { enabled: true, path: '/health' })];
    expect(resolveBackend(objects, local, { requireHealthCheck: true }).problems).toEqual([]);
  });

  test('ignores a TargetGroupPolicy of another namespace', () => {
    const objects = [service('a'), deployment('a'), policy('b')];
    expect(resolveBackend(objects, local, { requireHealthCheck: true }).problems).toHaveLength(1);
  });
});

describe('routeSplits', () => {
  test('gives each backend weight / total of its rule', () => {
    expect(
      routeSplits(
        route([
          { name: 'web', port: 80, weight: 25 },
          { name: 'web', namespace: 'b', port: 80, weight: 75 },
        ]),
      ),
    ).toEqual([
      {
        rule: 0,
        total: 100,
        backends: [
          { backend: 'a/web:80', weight: 25, percent: 25 },
          { backend: 'b/web:80', weight: 75, percent: 75 },
        ],
      },
    ]);
  });

  test('rounds shares to one decimal and counts a missing weight as 1', () => {
    const [split] = routeSplits(
      route([
        { name: 'web', port: 80 },
        { name: 'web', namespace: 'b', port: 80, weight: 2 },
      ]),
    );
    expect(split.backends.map((backend) => backend.percent)).toEqual([33.3, 66.7]);
  });

  test('gives a rule whose weights are all 0 no share instead of dividing by zero', () => {
    expect([weightPercent(0, 0), weightPercent(5, 5), weightPercent(0, 5)]).toEqual([0, 100, 0]);
  });
});

describe('crossNamespaceReferences', () => {
  const split = route([
    { name: 'web', port: 80 },
    { name: 'web', namespace: 'b', port: 80 },
  ]);

  test('finds the ReferenceGrant in the backend namespace that allows the route', () => {
    const references = crossNamespaceReferences(
      [...cluster, grant('b', { group: '', kind: 'Service', name: 'web' })],
      split,
    );
    expect(references.map((reference) => [reference.to.namespace, reference.grantedBy])).toEqual([['b', 'b/allow']]);
  });

  test('accepts a grant without a name (every Service of the namespace)', () => {
    expect(crossNamespaceReferences([grant('b', { group: '', kind: 'Service' })], split)[0].grantedBy).toBe('b/allow');
  });

  test.each([
    ['in the route namespace', grant('a', { group: '', kind: 'Service', name: 'web' })],
    ['for another Service', grant('b', { group: '', kind: 'Service', name: 'other' })],
    ['from another namespace', grant('b', { group: '', kind: 'Service' }, 'c')],
    ['for another route kind', grant('b', { group: '', kind: 'Service' }, 'a', 'GRPCRoute')],
  ])('does not count a grant %s', (_case, candidate) => {
    expect(crossNamespaceReferences([candidate], split)[0].grantedBy).toBeUndefined();
  });
});

describe('findRoute', () => {
  test('finds a route by kind, namespace and name in the Gateway API group only', () => {
    const r = route([]);
    expect(findRoute([r], 'HTTPRoute', { namespace: 'a', name: 'split' })).toBe(r);
    expect(
      findRoute([{ ...r, apiVersion: 'example.com/v1' }], 'HTTPRoute', { namespace: 'a', name: 'split' }),
    ).toBeUndefined();
  });
});
