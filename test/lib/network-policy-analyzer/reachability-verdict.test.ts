import {
  analyzeConnectivity,
  ConnectivityAnalysis,
  ConnectivityQueryError,
  parseManifests,
} from '../../../lib/network-policy-analyzer';
import { deployment, manifests, service } from './corpus/manifest-builders';

function analyze(text: string): ConnectivityAnalysis {
  return analyzeConnectivity(parseManifests(text, 'test.yaml'));
}

const shop = analyze(
  manifests(
    deployment('shop/web', { app: 'web' }),
    deployment('shop/api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]),
    deployment('shop/batch', { app: 'batch' }),
    service('shop/api', { app: 'api' }, [{ name: 'http', port: 80, targetPort: 'http' }]),
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 8080}]`,
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: batch-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: batch}}
  policyTypes: [Egress]`,
  ),
);

describe('reachability verdicts', () => {
  it('explains an allowed connection with the policy and rule that allowed it', () => {
    const verdict = shop.canReach('shop/web', 'shop/api', 8080);
    expect(verdict.allowed).toBe(true);
    expect(verdict.explanation).toBe(
      'shop/web -> shop/api on TCP/8080 is allowed: shop/web is not isolated for egress (no NetworkPolicy of type ' +
        'Egress selects it); ingress to shop/api is allowed by NetworkPolicy shop/api-in spec.ingress[0].',
    );
  });

  it('explains a denial by the destination ingress isolation when no rule matches the source', () => {
    const verdict = shop.canReach('shop/web', 'shop/api', 9090);
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingress).toEqual({
      direction: 'ingress',
      subject: 'shop/api',
      isolated: true,
      isolatingPolicies: ['shop/api-in'],
      allowed: false,
      allowingRules: [],
    });
    expect(verdict.explanation).toBe(
      'shop/web -> shop/api on TCP/9090 is denied: shop/api is isolated for ingress by NetworkPolicy shop/api-in ' +
        'and no ingress rule allows from shop/web on TCP/9090.',
    );
  });

  it('explains a denial by the source egress isolation', () => {
    const verdict = shop.canReach('shop/batch', 'shop/web', 443);
    expect(verdict.allowed).toBe(false);
    expect(verdict.egress.isolated).toBe(true);
    expect(verdict.ingress.allowed).toBe(true);
    expect(verdict.explanation).toBe(
      'shop/batch -> shop/web on TCP/443 is denied: shop/batch is isolated for egress by NetworkPolicy ' +
        'shop/batch-out and no egress rule allows to shop/web on TCP/443.',
    );
  });

  it('names both directions when the source egress and the destination ingress both deny', () => {
    const verdict = shop.canReach('shop/batch', 'shop/api', 8080);
    expect(verdict.explanation).toMatch(
      /is denied: shop\/batch is isolated for egress .*; shop\/api is isolated for ingress/,
    );
  });

  it('says that NetworkPolicy does not govern the external end of a connection', () => {
    const verdict = shop.canReach({ external: '203.0.113.50' }, 'shop/web', 80);
    expect(verdict.allowed).toBe(true);
    expect(verdict.from).toBe('external 203.0.113.50');
    expect(verdict.egress.subject).toBeUndefined();
    expect(verdict.explanation).toContain('egress from an external address is not governed by NetworkPolicy');
  });

  it('resolves a named destination port before deciding', () => {
    expect(shop.canReach('shop/web', 'shop/api', 'http').port).toBe(8080);
  });

  it('explains a Service verdict through its backends and their target port', () => {
    const verdict = shop.canReachService('shop/batch', 'shop/api', 'http');
    expect(verdict.allowed).toBe(false);
    expect(verdict.servicePort).toBe(80);
    expect(verdict.explanation).toMatch(/^shop\/batch -> Service shop\/api port 80\/TCP is denied by every backend\. /);
    expect(verdict.backends.map((backend) => backend.port)).toEqual([8080]);
  });

  it('notes that a workload is asked about two of its own pods', () => {
    expect(shop.canReach('shop/api', 'shop/api', 8080).explanation).toContain('a pod can always reach itself');
  });

  it('fails with a suggestion when a workload name is misspelt', () => {
    expect(() => shop.canReach('shop/wbe', 'shop/api', 80)).toThrow(ConnectivityQueryError);
    expect(() => shop.canReach('shop/wbe', 'shop/api', 80)).toThrow(
      /no workload named shop\/wbe.*Did you mean "shop\/web"\?/,
    );
  });

  it('fails when asked about an unknown Service, Service port, port name or address', () => {
    expect(() => shop.canReachService('shop/web', 'shop/nope', 80)).toThrow(/no Service named shop\/nope/);
    expect(() => shop.canReachService('shop/web', 'shop/api', 81)).toThrow(/has no port 81 \(it has: http 80\/TCP\)/);
    expect(() => shop.canReach('shop/web', 'shop/api', 'grpc')).toThrow(/declares no TCP container port named "grpc"/);
    expect(() => shop.canReach('shop/web', { external: '300.1.1.1' }, 80)).toThrow(/not an IPv4 or IPv6 address/);
    expect(() => shop.canReach('shop/web', 'shop/api', 0)).toThrow(/not a port number/);
    expect(() => shop.canReach({ external: '192.0.2.1' }, { external: '192.0.2.2' }, 80)).toThrow(
      /between two external addresses/,
    );
  });

  it('fails when a Service port number is served on several protocols and no protocol is given', () => {
    const dns = analyze(
      manifests(
        deployment('kube-system/coredns', { 'k8s-app': 'kube-dns' }, [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53 },
        ]),
        deployment('default/client', { app: 'client' }),
        service('kube-system/kube-dns', { 'k8s-app': 'kube-dns' }, [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53 },
        ]),
      ),
    );
    expect(() => dns.canReachService('default/client', 'kube-system/kube-dns', 53)).toThrow(/several protocols/);
    expect(dns.canReachService('default/client', 'kube-system/kube-dns', 53, 'UDP').protocol).toBe('UDP');
  });

  it('accepts plain objects with extra modelled objects appended, as cdk8s chart.toJson() output is', () => {
    const appObjects: unknown[] = [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ui', namespace: 'ui' },
        spec: { template: { metadata: { labels: { app: 'ui' } }, spec: { containers: [{ name: 'ui' }] } } },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny-egress', namespace: 'ui' },
        spec: { podSelector: {}, policyTypes: ['Egress'] },
      },
    ];
    const coreDns: unknown[] = parseManifests(
      manifests(
        deployment('kube-system/coredns', { 'k8s-app': 'kube-dns' }, [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
        ]),
        service('kube-system/kube-dns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', port: 53, protocol: 'UDP' }]),
      ),
      'coredns.yaml',
    );
    const analysis = analyzeConnectivity([...appObjects, ...coreDns]);
    expect(analysis.workloadNames).toEqual(['kube-system/coredns', 'ui/ui']);
    expect(analysis.canReachService('ui/ui', 'kube-system/kube-dns', 53).allowed).toBe(false);
  });
});
