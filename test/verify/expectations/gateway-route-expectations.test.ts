import {
  crossNamespaceGrantExpectation,
  liveObjects,
  routeBackendsExpectation,
  routeSplitExpectation,
} from '../../../lib/verify/expectations/gateway-route-expectations';
import type { KubeObject } from '../../../lib/verify/gateway-api-routes';
import type { CommandResult, LiveContext } from '../../../lib/verify/lab-expectation';
import type { LabSynthesis } from '../../../lib/lab-app';

const labels = { app: 'web' };
const objectsIn = (namespace: string, healthPort = 8080): KubeObject[] => [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace },
    spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace },
    spec: {
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
      },
    },
  },
  {
    apiVersion: 'application-networking.k8s.aws/v1alpha1',
    kind: 'TargetGroupPolicy',
    metadata: { name: 'p', namespace },
    spec: {
      targetRef: { group: '', kind: 'Service', name: 'web' },
      healthCheck: { enabled: true, path: '/health', port: healthPort },
    },
  },
];
const httpRoute = (weights: [number, number]): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'split', namespace: 'a' },
  spec: {
    rules: [
      {
        backendRefs: [
          { name: 'web', port: 80, weight: weights[0] },
          { name: 'web', namespace: 'b', port: 80, weight: weights[1] },
        ],
      },
    ],
  },
});
const referenceGrant: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1beta1',
  kind: 'ReferenceGrant',
  metadata: { name: 'allow', namespace: 'b' },
  spec: {
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'a' }],
    to: [{ group: '', kind: 'Service' }],
  },
};

const labOf = (objects: KubeObject[]) =>
  ({ kubernetesObjects: objects.map((object) => ({ object })) }) as unknown as LabSynthesis;
const live = (objects: KubeObject[]): CommandResult => ({
  exitCode: 0,
  stdout: JSON.stringify({ kind: 'List', items: objects }),
  stderr: '',
});
const context = {} as LiveContext;
const common = { module: 'test', kind: 'HTTPRoute' as const, route: { namespace: 'a', name: 'split' } };
const healthy = [...objectsIn('a'), ...objectsIn('b'), referenceGrant, httpRoute([25, 75])];

describe('routeBackendsExpectation', () => {
  const expectation = routeBackendsExpectation({ id: 'test/backends', ...common });

  test('passes offline when every backend reaches a health-checked container port', () => {
    const outcome = expectation.checkOffline(labOf(healthy));
    expect(outcome.pass).toBe(true);
    expect(outcome.actual).toContain(
      'a/web:80 -> "http" -> Deployment/web:8080 (health check HTTP /health on 8080, a/p)',
    );
  });

  test('fails offline when a health check probes another port', () => {
    const outcome = expectation.checkOffline(labOf([...objectsIn('a'), ...objectsIn('b', 9090), httpRoute([25, 75])]));
    expect(outcome).toMatchObject({
      pass: false,
      actual: 'b/web:80: b/p checks port 9090, but traffic reaches container port(s) 8080',
    });
  });

  test('fails when the route does not exist', () => {
    expect(expectation.checkOffline(labOf(objectsIn('a')))).toEqual({
      pass: false,
      actual: 'HTTPRoute a/split not found',
    });
  });

  test('notes a health check path no container probe serves', () => {
    expect(expectation.checkOffline(labOf(healthy)).notes).toContain(
      'a/web: no container probe serves /health; the health check relies on the app answering it',
    );
  });

  test('reads the same kinds from the cluster live and applies the same analysis', () => {
    const [command] = expectation.live!.commands(context);
    expect(command.args).toEqual([
      'get',
      'httproutes.gateway.networking.k8s.io,referencegrants.gateway.networking.k8s.io,targetgrouppolicies.application-networking.k8s.aws,services,deployments,statefulsets',
      '-A',
      '-o',
      'json',
    ]);
    expect(expectation.live!.interpret([live(healthy)], context).pass).toBe(true);
    expect(expectation.live!.interpret([live(objectsIn('a'))], context).pass).toBe(false);
  });

  test('fails live when kubectl fails or prints something else than a list', () => {
    expect(
      expectation.live!.interpret(
        [{ exitCode: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "httproutes"' }],
        context,
      ),
    ).toEqual({
      pass: false,
      actual: 'kubectl failed: error: the server doesn\'t have a resource type "httproutes"',
    });
    expect(liveObjects({ exitCode: 0, stdout: '{}', stderr: '' })).toBe('kubectl returned no item list');
  });
});

describe('routeSplitExpectation', () => {
  const props = {
    id: 'test/weights',
    ...common,
    weights: [
      { backend: { namespace: 'a', name: 'web' }, weight: 25 },
      { backend: { namespace: 'b', name: 'web' }, weight: 75 },
    ],
    highlight: { namespace: 'b', name: 'web' },
  };
  const expectation = routeSplitExpectation(props);

  test('states the expected split with the highlighted share', () => {
    expect(expectation.expected).toBe('a/web 25 (25%), b/web 75 (75%), total 100; 75% of requests to b/web');
  });

  test('passes when the route carries the configured weights', () => {
    expect(expectation.checkOffline(labOf(healthy))).toEqual({
      pass: true,
      actual: 'a/web 25 (25%), b/web 75 (75%), total 100; 75% of requests to b/web',
    });
  });

  test('fails when the route carries other weights', () => {
    const outcome = expectation.checkOffline(labOf([httpRoute([50, 50])]));
    expect(outcome).toEqual({
      pass: false,
      actual: 'a/web 50 (50%), b/web 50 (50%), total 100; 50% of requests to b/web',
    });
  });

  test('fails when the weights add up to 0', () => {
    const zero = routeSplitExpectation({ ...props, weights: props.weights.map((entry) => ({ ...entry, weight: 0 })) });
    expect(zero.checkOffline(labOf([httpRoute([0, 0])])).pass).toBe(false);
  });

  test('checks the route read live', () => {
    expect(expectation.live!.interpret([live([httpRoute([25, 75])])], context).pass).toBe(true);
    expect(expectation.live!.interpret([live([httpRoute([75, 25])])], context).pass).toBe(false);
  });
});

describe('crossNamespaceGrantExpectation', () => {
  const expectation = crossNamespaceGrantExpectation({ id: 'test/grant', ...common });

  test('passes when a ReferenceGrant in the backend namespace allows the route', () => {
    expect(expectation.checkOffline(labOf(healthy))).toEqual({
      pass: true,
      actual: 'b/web granted by ReferenceGrant b/allow',
    });
  });

  test('fails without the grant', () => {
    expect(expectation.checkOffline(labOf([httpRoute([25, 75])]))).toEqual({
      pass: false,
      actual: 'b/web NOT granted',
    });
  });

  test('checks the grants read live', () => {
    expect(expectation.live!.interpret([live([httpRoute([25, 75]), referenceGrant])], context).pass).toBe(true);
  });
});
