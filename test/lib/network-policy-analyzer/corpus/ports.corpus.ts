import { API_REFERENCE, CONCEPT_PAGE, CorpusCase } from './corpus-case';
import { deployment, manifests } from './manifest-builders';

const client = deployment('default/client', { app: 'client' });

function serverIngress(portsYaml: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports:
${portsYaml}`;
}

const server = deployment('default/server', { app: 'server' }, [
  { name: 'http', containerPort: 8080 },
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
]);

export const portCases: readonly CorpusCase[] = [
  {
    name: 'allows every port of every protocol for a rule without ports',
    spec: `${API_REFERENCE} ports: "If this field is empty or missing, this rule matches all ports"`,
    manifests: manifests(
      client,
      server,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: []`,
    ),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'all ports' },
      { from: 'default/client', to: 'default/server', port: 65535, protocol: 'SCTP', allowed: true },
    ],
  },
  {
    name: 'defaults the protocol of a port entry to TCP',
    spec: `${API_REFERENCE} protocol: "If not specified, this field defaults to TCP."`,
    manifests: manifests(client, server, serverIngress('    - port: 53')),
    expect: [
      { from: 'default/client', to: 'default/server', port: 53, protocol: 'TCP', allowed: true },
      { from: 'default/client', to: 'default/server', port: 53, protocol: 'UDP', allowed: false },
      { from: 'default/client', to: 'default/server', ports: 'TCP 53' },
    ],
  },
  {
    name: 'allows UDP and SCTP ports only on their own protocol',
    spec: `${CONCEPT_PAGE} NetworkPolicies control traffic "for TCP, UDP, and SCTP protocols"`,
    manifests: manifests(
      client,
      server,
      serverIngress(`    - {protocol: UDP, port: 53}
    - {protocol: SCTP, port: 9999}`),
    ),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'UDP 53; SCTP 9999' },
      { from: 'default/client', to: 'default/server', port: 9999, protocol: 'TCP', allowed: false },
    ],
  },
  {
    name: 'allows every port of one protocol for an entry with a protocol and no port',
    spec: `${API_REFERENCE} port: "If this field is not provided, this matches all port names and numbers."`,
    manifests: manifests(client, server, serverIngress('    - protocol: UDP')),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'UDP all' },
      { from: 'default/client', to: 'default/server', port: 8080, protocol: 'TCP', allowed: false },
    ],
  },
  {
    name: 'allows the inclusive range from port to endPort and nothing outside it',
    spec: `${CONCEPT_PAGE} "Targeting a range of ports": port 32000 with endPort 32768`,
    manifests: manifests(client, server, serverIngress('    - {protocol: TCP, port: 32000, endPort: 32768}')),
    expect: [
      { from: 'default/client', to: 'default/server', port: 32000, allowed: true },
      { from: 'default/client', to: 'default/server', port: 32768, allowed: true },
      { from: 'default/client', to: 'default/server', port: 31999, allowed: false },
      { from: 'default/client', to: 'default/server', port: 32769, allowed: false },
    ],
  },
  {
    name: "allows a named port on the number the destination pod's container port of that name declares",
    spec: `${API_REFERENCE} port: "This can either be a numerical or named port on a pod."`,
    manifests: manifests(client, server, serverIngress('    - port: http')),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'TCP 8080' },
      { from: 'default/client', to: 'default/server', port: 'http', allowed: true },
      { from: 'default/client', to: 'default/server', port: 80, allowed: false },
    ],
  },
  {
    name: 'denies a named port whose container port has the name but another protocol',
    spec: `${API_REFERENCE} port: "only traffic on the specified protocol AND port will be matched"`,
    manifests: manifests(client, server, serverIngress('    - port: dns')),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'no ports' },
      { from: 'default/client', to: 'default/server', port: 53, protocol: 'UDP', allowed: false },
      { from: 'default/client', to: 'default/server', port: 53, protocol: 'TCP', allowed: false },
    ],
  },
  {
    name: 'allows a named port with its protocol given on the matching container port',
    spec: `${API_REFERENCE} port: "only traffic on the specified protocol AND port will be matched"`,
    manifests: manifests(client, server, serverIngress('    - {port: dns, protocol: UDP}')),
    expect: [{ from: 'default/client', to: 'default/server', ports: 'UDP 53' }],
  },
  {
    name: 'resolves a named egress port against each destination pod separately',
    spec: `${API_REFERENCE} port: a named port "on a pod" — the destination pod of each connection`,
    manifests: manifests(
      deployment('default/caller', { app: 'caller' }),
      deployment('default/eight', { role: 'web' }, [{ name: 'http', containerPort: 8080 }]),
      deployment('default/nine', { role: 'web' }, [{ name: 'http', containerPort: 9090 }]),
      deployment('default/unnamed', { role: 'web' }, [{ containerPort: 8080 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: caller-out}
spec:
  podSelector: {matchLabels: {app: caller}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {role: web}}}]
    ports: [{port: http}]`,
    ),
    expect: [
      { from: 'default/caller', to: 'default/eight', ports: 'TCP 8080' },
      { from: 'default/caller', to: 'default/nine', ports: 'TCP 9090' },
      { from: 'default/caller', to: 'default/unnamed', ports: 'no ports' },
    ],
  },
  {
    name: 'denies an external destination for a named egress port, since an address has no named ports',
    spec: `${API_REFERENCE} named ports are ports "on a pod"; ipBlock describes cluster-external addresses`,
    manifests: manifests(
      client,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
    ports: [{port: https}, {port: 8443}]`,
    ),
    expect: [
      { from: 'default/client', to: { external: '203.0.113.80' }, port: 443, allowed: false },
      { from: 'default/client', to: { external: '203.0.113.80' }, port: 8443, allowed: true },
    ],
  },
  {
    name: 'merges and sorts the allowed ranges of every rule and policy',
    spec: 'Issue 5: ranges are destination pod ports, merged and sorted',
    manifests: manifests(
      client,
      server,
      serverIngress(`    - port: 443
    - {port: 81, endPort: 90}
    - port: 80
    - port: 8080`),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in-more}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: [{podSelector: {}}]
    ports: [{port: 85, endPort: 100}, {port: 444}]`,
    ),
    expect: [{ from: 'default/client', to: 'default/server', ports: 'TCP 80-100, 443-444, 8080' }],
  },
];
