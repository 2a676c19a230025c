import {
  analyzeConnectivity,
  ConnectivityAnalysis,
  EKS_NETWORK_POLICY_CONSIDERATIONS,
  parseManifests,
  WarningCode,
} from '../../../lib/network-policy-analyzer';
import { deployment, manifests, service } from './corpus/manifest-builders';

function analyze(...documents: string[]): ConnectivityAnalysis {
  return analyzeConnectivity(parseManifests(manifests(...documents), 'test.yaml'));
}

function codes(analysis: ConnectivityAnalysis): WarningCode[] {
  return analysis.warnings.map((warning) => warning.code);
}

const client = deployment('default/client', { app: 'client' });
const api = deployment('default/api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]);
const clientEgressToApi = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 8080}]`;

describe('Amazon VPC CNI caveats', () => {
  it('warns when an egress-isolated client is allowed to a Service whose port differs from the container port', () => {
    const analysis = analyze(
      client,
      api,
      service('default/api', { app: 'api' }, [{ port: 80, targetPort: 8080 }]),
      clientEgressToApi,
    );
    expect(analysis.warnings).toEqual([
      {
        code: 'service-port-differs-from-container-port',
        message: expect.stringMatching(
          /^Service default\/api forwards port 80\/TCP to container port 8080; the egress-isolated client default\/client is allowed/,
        ),
        workloads: ['default/client'],
        service: 'default/api',
        references: [EKS_NETWORK_POLICY_CONSIDERATIONS],
      },
    ]);
    expect(analysis.canReachService('default/client', 'default/api', 80).warnings).toHaveLength(1);
    // A caveat never changes the verdict: the specification allows this connection.
    expect(analysis.canReachService('default/client', 'default/api', 80).allowed).toBe(true);
  });

  it('does not warn about a differing Service port when no client is egress-isolated', () => {
    const analysis = analyze(client, api, service('default/api', { app: 'api' }, [{ port: 80, targetPort: 8080 }]));
    expect(codes(analysis)).toEqual([]);
  });

  it('does not warn about a Service whose port equals the container port', () => {
    const analysis = analyze(client, api, service('default/api', { app: 'api' }, [{ port: 8080 }]), clientEgressToApi);
    expect(codes(analysis)).toEqual([]);
  });

  it('warns about a named targetPort when the Service port does not carry the same name', () => {
    const analysis = analyze(
      client,
      api,
      service('default/api', { app: 'api' }, [{ name: 'web', port: 8080, targetPort: 'http' }]),
      clientEgressToApi,
    );
    expect(analysis.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('names its port "web" but targets the container port named "http"'),
    ]);
  });

  it('warns about named ports in ingress rules, naming the policy and rule', () => {
    const analysis = analyze(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {}}]
    ports: [{port: 9000}, {port: http}]`,
    );
    expect(analysis.warnings).toEqual([
      expect.objectContaining({
        code: 'named-port-in-ingress-rule',
        policy: 'default/api-in',
        workloads: ['default/api'],
        message: expect.stringContaining('(spec.ingress[0] TCP/http)'),
      }),
    ]);
    expect(analysis.canReach('default/client', 'default/api', 8080).warnings.map((warning) => warning.code)).toEqual([
      'named-port-in-ingress-rule',
    ]);
  });

  it('does not warn about named ports in egress rules', () => {
    const analysis = analyze(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - ports: [{port: http}]`,
    );
    expect(codes(analysis)).toEqual([]);
  });

  it('warns about a bare pod without ownerReferences that a policy selects, and not about owned or unselected pods', () => {
    const pod = (name: string, role: string, owned: boolean): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {role: ${role}}
${owned ? '  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: "1"}]\n' : ''}spec: {containers: [{name: main, image: busybox}]}`;
    const analysis = analyze(
      pod('bare-selected', 'locked', false),
      pod('owned-selected', 'locked', true),
      pod('bare-unselected', 'free', false),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lock}
spec:
  podSelector: {matchLabels: {role: locked}}`,
    );
    expect(analysis.warnings).toEqual([
      expect.objectContaining({ code: 'bare-pod-without-owner', workloads: ['default/bare-selected'] }),
    ]);
  });

  it('warns when more than 24 port/protocol combinations apply to one peer, and not at 24', () => {
    const ports = (count: number): string =>
      Array.from({ length: count }, (_, index) => `{port: ${1000 + index * 2}}`).join(', ');
    const policyWith = (count: number): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: many-ports}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [${ports(count - 1)}]
  - from: [{podSelector: {matchLabels: {app: client}}}, {ipBlock: {cidr: 10.0.0.0/8}}]
    ports: [{port: 5000, protocol: UDP}]`;
    expect(codes(analyze(client, api, policyWith(24)))).toEqual([]);
    const analysis = analyze(client, api, policyWith(25));
    expect(analysis.warnings).toEqual([
      expect.objectContaining({
        code: 'too-many-port-protocol-combinations',
        workloads: ['default/api'],
        peer: 'default/client',
        message: expect.stringContaining('has 25 port/protocol combinations for ingress peer default/client'),
      }),
    ]);
    expect(analysis.canReach('default/client', 'default/api', 1000).warnings).toHaveLength(1);
  });
});
