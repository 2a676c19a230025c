import {
  analyzeConnectivity,
  ConnectivityAnalysis,
  Endpoint,
  InvalidNetworkPolicyError,
  parseManifests,
} from '../../../lib/network-policy-analyzer';
import { CorpusCase, Expectation, isPortsExpectation, isServiceExpectation } from './corpus/corpus-case';
import { invalidPolicyCases } from './corpus/invalid-policies.corpus';
import { ipBlockCases } from './corpus/ip-block.corpus';
import { isolationCases } from './corpus/isolation.corpus';
import { peerCases } from './corpus/peers.corpus';
import { portCases } from './corpus/ports.corpus';
import { selectorCases } from './corpus/selectors.corpus';
import { serviceCases } from './corpus/services.corpus';
import { workloadCases } from './corpus/workloads.corpus';

const groups: readonly [string, readonly CorpusCase[]][] = [
  ['isolation and policyTypes', isolationCases],
  ['peers', peerCases],
  ['label selectors', selectorCases],
  ['ports', portCases],
  ['ipBlock and external addresses', ipBlockCases],
  ['Services', serviceCases],
  ['workloads', workloadCases],
];

function analyze(manifests: string, source: string): ConnectivityAnalysis {
  return analyzeConnectivity(parseManifests(manifests, source));
}

function describeEndpoint(endpoint: Endpoint): string {
  return typeof endpoint === 'string' ? endpoint : `external ${endpoint.external}`;
}

/** Checks one expectation; the query is part of both sides so a failure shows which one and the analyzer's reason. */
function assertExpectation(analysis: ConnectivityAnalysis, expectation: Expectation): void {
  if (isPortsExpectation(expectation)) {
    const query = `${describeEndpoint(expectation.from)} -> ${describeEndpoint(expectation.to)} allowed ports`;
    const ports = analysis.allowedPorts(expectation.from, expectation.to).toString();
    expect({ query, ports }).toEqual({ query, ports: expectation.ports });
    return;
  }
  if (isServiceExpectation(expectation)) {
    const { from, service, servicePort, protocol } = expectation;
    const query = `${describeEndpoint(from)} -> Service ${service} port ${servicePort}${protocol ? `/${protocol}` : ''}`;
    const verdict = analysis.canReachService(from, service, servicePort, protocol);
    expect({
      query,
      allowed: verdict.allowed,
      backendPorts: verdict.backends.map((backend) => backend.port),
      explanation: verdict.explanation,
    }).toEqual({
      query,
      allowed: expectation.allowed,
      backendPorts: expectation.backendPorts ?? expect.anything(),
      explanation: expect.any(String),
    });
    return;
  }
  const { from, to, port, protocol } = expectation;
  const query = `${describeEndpoint(from)} -> ${describeEndpoint(to)} on ${protocol ?? 'TCP'}/${port}`;
  const verdict = analysis.canReach(from, to, port, protocol);
  const allowedBy = [...verdict.egress.allowingRules, ...verdict.ingress.allowingRules].map(
    (rule) => `${rule.policy} spec.${rule.direction}[${rule.index}]`,
  );
  // The pair query and the per-port query must agree: both come from the same rules.
  const portSetAgrees = analysis.allowedPorts(from, to).has(verdict.protocol, verdict.port) === verdict.allowed;
  expect({ query, allowed: verdict.allowed, allowedBy, portSetAgrees, explanation: verdict.explanation }).toEqual({
    query,
    allowed: expectation.allowed,
    allowedBy: expectation.allowedBy ?? expect.anything(),
    portSetAgrees: true,
    explanation: expect.any(String),
  });
}

function assertCase(testCase: CorpusCase): void {
  const analysis = analyze(testCase.manifests, testCase.name);
  for (const expectation of testCase.expect) assertExpectation(analysis, expectation);
}

describe('NetworkPolicy semantics corpus', () => {
  it('holds at least 40 cases written from the specification', () => {
    const total = groups.reduce((count, [, cases]) => count + cases.length, 0) + invalidPolicyCases.length;
    expect(total).toBeGreaterThanOrEqual(40);
  });

  describe.each(groups)('%s', (_group, cases) => {
    it.each(cases)('$name', (testCase) => {
      expect(testCase.expect.length).toBeGreaterThan(0);
      assertCase(testCase);
    });
  });

  describe('invalid policies', () => {
    it.each(invalidPolicyCases)('$name', ({ manifests, error }) => {
      const attempt = (): ConnectivityAnalysis => analyze(manifests, 'invalid.yaml');
      expect(attempt).toThrow(InvalidNetworkPolicyError);
      expect(attempt).toThrow(error);
    });
  });
});
