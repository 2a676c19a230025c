import { join } from 'node:path';
import { analyzeConnectivity, ConnectivityAnalysis, loadManifests } from '../../../lib/network-policy-analyzer';

const FIXTURE = join(__dirname, 'fixtures', 'retail-store');

/**
 * A retail-store app in the shape of the EKS workshop's sample (one namespace per component, Services on port 80
 * forwarding to the pods' `http` port), with the workshop's style of policies: default-deny egress in ui,
 * ingress allow-lists for catalog and orders. Verdicts below follow from the policies by hand.
 */
describe('retail-store scenario (15 workloads, 7 policies)', () => {
  let analysis: ConnectivityAnalysis;

  beforeAll(() => {
    analysis = analyzeConnectivity(loadManifests([FIXTURE]).objects);
  });

  it('models every workload kind of the app, and CoreDNS modelled beside it, by namespace and name', () => {
    expect(analysis.workloadNames).toEqual([
      'assets/assets',
      'carts/carts',
      'carts/carts-dynamodb',
      'carts/carts-ttl-reaper',
      'catalog/catalog',
      'catalog/catalog-db-migrate',
      'catalog/catalog-mysql',
      'checkout/checkout',
      'checkout/checkout-redis',
      'kube-system/coredns',
      'monitoring/prometheus',
      'orders/orders',
      'orders/orders-postgresql',
      'orders/orders-rabbitmq',
      'ui/ui',
    ]);
  });

  it('allows the ui to reach the catalog Service, whose ingress admits only ui pods from the ui namespace', () => {
    const verdict = analysis.canReachService('ui/ui', 'catalog/catalog', 80);
    expect(verdict.allowed).toBe(true);
    expect(verdict.backends.map((backend) => [backend.to, backend.port])).toEqual([['catalog/catalog', 8080]]);
    expect(verdict.backends[0].ingress.allowingRules).toEqual([
      { policy: 'catalog/allow-catalog-ingress-webservice', direction: 'ingress', index: 0 },
    ]);
  });

  it('denies the ui a connection to the catalog database, which is not a service component', () => {
    const verdict = analysis.canReachService('ui/ui', 'catalog/catalog-mysql', 3306);
    expect(verdict.allowed).toBe(false);
    expect(verdict.backends[0].egress.allowed).toBe(false);
    expect(verdict.backends[0].ingress.allowed).toBe(false);
  });

  it('allows the ui DNS lookups to CoreDNS over UDP and TCP', () => {
    expect(analysis.canReachService('ui/ui', 'kube-system/kube-dns', 53, 'UDP').allowed).toBe(true);
    expect(analysis.canReachService('ui/ui', 'kube-system/kube-dns', 'dns-tcp').allowed).toBe(true);
  });

  it('denies the ui any internet destination under its default-deny egress policy', () => {
    const verdict = analysis.canReach('ui/ui', { external: '203.0.113.10' }, 443);
    expect(verdict.allowed).toBe(false);
    expect(verdict.egress.isolatingPolicies).toEqual(['ui/default-deny', 'ui/allow-ui-egress']);
  });

  it('denies orders a connection to the catalog, whose ingress admits only the ui', () => {
    expect(analysis.canReachService('orders/orders', 'catalog/catalog', 80).allowed).toBe(false);
  });

  it('allows the catalog service and its migration job, and only them, to reach MySQL on 3306', () => {
    expect(analysis.canReachService('catalog/catalog', 'catalog/catalog-mysql', 3306).allowed).toBe(true);
    expect(analysis.canReachService('catalog/catalog-db-migrate', 'catalog/catalog-mysql', 3306).allowed).toBe(true);
    expect(analysis.canReach('catalog/catalog', 'catalog/catalog-mysql', 3307).allowed).toBe(false);
    expect(analysis.canReachService('carts/carts', 'catalog/catalog-mysql', 3306).allowed).toBe(false);
  });

  it('allows checkout but denies carts a connection to the orders Service', () => {
    expect(analysis.canReachService('checkout/checkout', 'orders/orders', 80).allowed).toBe(true);
    expect(analysis.canReachService('carts/carts', 'orders/orders', 80).allowed).toBe(false);
  });

  it('allows monitoring to scrape the non-isolated carts but denies it the isolated catalog', () => {
    expect(analysis.canReach('monitoring/prometheus', 'carts/carts', 8080).allowed).toBe(true);
    expect(analysis.canReach('monitoring/prometheus', 'catalog/catalog', 8080).allowed).toBe(false);
  });

  it('does not warn about Service port 80 vs container port 8080 when the ui egress rules allow every port', () => {
    // allow-ui-egress has no `ports`, so the VPC CNI lets the packet through whichever port it compares; the
    // workshop's own curl checks (ui -> catalog at S2 and S3) show this setup working on EKS.
    const warned = analysis.warnings.filter((warning) => warning.code === 'service-port-differs-from-container-port');
    expect(warned).toEqual([]);
    expect(analysis.canReachService('ui/ui', 'catalog/catalog', 80).warnings).toEqual([]);
  });

  it('analyses the whole app, every ordered pair and its warnings, in well under a second', () => {
    const started = performance.now();
    const fresh = analyzeConnectivity(loadManifests([FIXTURE]).objects);
    const pairs = fresh.connections().length;
    const warnings = fresh.warnings.length;
    const elapsed = performance.now() - started;
    console.log(
      `retail-store: ${fresh.workloads.length} workloads, ${fresh.inventory.policies.length} policies, ` +
        `${pairs} ordered pairs, ${warnings} warnings, analysed (files read and parsed included) in ${elapsed.toFixed(1)} ms`,
    );
    expect(pairs).toBe(15 * 14);
    expect(elapsed).toBeLessThan(1000);
  });
});
