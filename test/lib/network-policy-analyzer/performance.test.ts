import { analyzeConnectivity } from '../../../lib/network-policy-analyzer';

const WORKLOADS = 200;
const POLICIES = 200;
const NAMESPACES = 10;
const TIERS = ['web', 'api', 'db', 'cache', 'batch'];

/** A deterministic, varied cluster: every selector form, named ports, ranges, ipBlocks, both directions. */
function syntheticCluster(): unknown[] {
  const objects: unknown[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `ns-${n}`, labels: { team: `team-${n % 4}` } },
    });
  }
  for (let w = 0; w < WORKLOADS; w++) {
    const labels = { app: `app-${w}`, tier: TIERS[w % TIERS.length], ...(w % 7 === 0 ? { canary: 'true' } : {}) };
    objects.push({
      apiVersion: 'apps/v1',
      kind: w % 11 === 0 ? 'StatefulSet' : 'Deployment',
      metadata: { name: `app-${w}`, namespace: `ns-${w % NAMESPACES}` },
      spec: {
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'main',
                ports: [
                  { name: 'http', containerPort: 8000 + (w % 50) },
                  { name: 'metrics', containerPort: 9090 },
                  { name: 'dns', containerPort: 53, protocol: 'UDP' },
                ],
              },
            ],
          },
        },
      },
    });
  }
  for (let p = 0; p < POLICIES; p++) {
    const namespace = `ns-${p % NAMESPACES}`;
    const podSelector =
      p % 3 === 0
        ? { matchLabels: { app: `app-${p}` } }
        : p % 3 === 1
          ? { matchExpressions: [{ key: 'tier', operator: 'In', values: [TIERS[p % TIERS.length]] }] }
          : {
              matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }],
              matchLabels: { tier: TIERS[(p + 1) % 5] },
            };
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `policy-${p}`, namespace },
      spec: {
        podSelector,
        policyTypes: p % 2 === 0 ? ['Ingress', 'Egress'] : ['Ingress'],
        ingress: [
          {
            from: [
              { podSelector: { matchLabels: { tier: TIERS[(p + 2) % 5] } } },
              {
                namespaceSelector: { matchLabels: { team: `team-${p % 4}` } },
                podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] },
              },
              { ipBlock: { cidr: '10.0.0.0/8', except: [`10.${p % 250}.0.0/16`] } },
            ],
            ports: [{ port: 'http' }, { port: 9000, endPort: 9100 }, { port: 53, protocol: 'UDP' }],
          },
          { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: `app-${(p * 7) % WORKLOADS}` } } }] },
        ],
        egress: [
          {
            to: [{ namespaceSelector: {}, podSelector: { matchLabels: { tier: TIERS[(p + 3) % 5] } } }],
            ports: [{ port: 'http' }, { port: 'metrics' }],
          },
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] },
        ],
      },
    });
  }
  return objects;
}

describe('performance', () => {
  it('analyses every ordered pair of 200 workloads under 200 policies within a generous bound', () => {
    const objects = syntheticCluster();
    const started = performance.now();
    const analysis = analyzeConnectivity(objects);
    const connections = analysis.connections();
    const warnings = analysis.warnings;
    const elapsed = performance.now() - started;
    console.log(
      `200x200: ${analysis.workloads.length} workloads, ${analysis.inventory.policies.length} policies, ` +
        `${connections.length} ordered pairs, ${warnings.length} warnings, analysed in ${elapsed.toFixed(0)} ms`,
    );
    expect(connections).toHaveLength(WORKLOADS * (WORKLOADS - 1));
    // The workload set is varied enough that policies both allow and deny pairs.
    expect(connections.some((connection) => connection.allowed.isEmpty())).toBe(true);
    expect(connections.some((connection) => !connection.allowed.isEmpty() && !connection.allowed.isAll())).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });
});
