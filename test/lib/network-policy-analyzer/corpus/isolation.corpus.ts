import { API_REFERENCE, CONCEPT_PAGE, CorpusCase } from './corpus-case';
import { deployment, manifests } from './manifest-builders';

const client = deployment('default/client', { app: 'client' }, [{ containerPort: 8080 }]);
const api = deployment('default/api', { app: 'api' }, [{ containerPort: 80 }]);
const db = deployment('default/db', { app: 'db' }, [{ containerPort: 5432 }]);

export const isolationCases: readonly CorpusCase[] = [
  {
    name: 'allows every port of every protocol in both directions when no policy exists',
    spec: `${CONCEPT_PAGE} "By default, pods are non-isolated; they accept traffic from any source."`,
    manifests: manifests(client, api),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'all ports' },
      { from: 'default/api', to: 'default/client', ports: 'all ports' },
      { from: 'default/client', to: { external: '203.0.113.10' }, port: 443, allowed: true },
      { from: { external: '203.0.113.10' }, to: 'default/api', port: 80, allowed: true },
    ],
  },
  {
    name: 'denies all ingress to pods selected by a default-deny ingress policy and leaves their egress open',
    spec: `${CONCEPT_PAGE} "Default deny all ingress traffic ... does not change the default egress isolation behavior"`,
    manifests: manifests(
      deployment('dev/client', { app: 'client' }),
      deployment('prod/api', { app: 'api' }, [{ containerPort: 80 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: prod}
spec:
  podSelector: {}
  policyTypes: [Ingress]`,
    ),
    expect: [
      { from: 'dev/client', to: 'prod/api', ports: 'no ports' },
      { from: 'dev/client', to: 'prod/api', port: 53, protocol: 'UDP', allowed: false },
      { from: { external: '198.51.100.1' }, to: 'prod/api', port: 80, allowed: false },
      { from: 'prod/api', to: 'dev/client', ports: 'all ports' },
    ],
  },
  {
    name: 'defaults policyTypes to Ingress only when a policy has no egress rules',
    spec: `${API_REFERENCE} policyTypes: "all policies ... are assumed to affect Ingress"; Egress only with an Egress section`,
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-isolated}
spec:
  podSelector: {matchLabels: {app: api}}`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', port: 80, allowed: false },
      { from: 'default/api', to: 'default/client', ports: 'all ports' },
    ],
  },
  {
    name: 'isolates egress by default when egress rules exist and policyTypes is omitted, and ingress too',
    spec: `${CONCEPT_PAGE} "Egress will be set if the NetworkPolicy has any egress rules"; Ingress is always set`,
    manifests: manifests(
      client,
      api,
      db,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-to-db}
spec:
  podSelector: {matchLabels: {app: api}}
  egress:
  - to: [{podSelector: {matchLabels: {app: db}}}]`,
    ),
    expect: [
      { from: 'default/api', to: 'default/db', ports: 'all ports' },
      { from: 'default/api', to: 'default/client', port: 8080, allowed: false },
      { from: 'default/api', to: { external: '8.8.8.8' }, port: 53, protocol: 'UDP', allowed: false },
      { from: 'default/client', to: 'default/api', port: 80, allowed: false },
      { from: 'default/client', to: 'default/db', ports: 'all ports' },
    ],
  },
  {
    name: 'does not isolate egress when egress is an empty list and policyTypes is omitted',
    spec: 'API server defaulting: Egress is added to policyTypes only when len(spec.egress) != 0',
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-egress}
spec:
  podSelector: {matchLabels: {app: api}}
  egress: []`,
    ),
    expect: [
      { from: 'default/api', to: 'default/client', ports: 'all ports' },
      { from: 'default/client', to: 'default/api', port: 80, allowed: false },
    ],
  },
  {
    name: 'denies all egress from pods selected by a default-deny egress policy and leaves their ingress open',
    spec: `${CONCEPT_PAGE} "Default deny all egress traffic ... does not change the default ingress isolation behavior"`,
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]`,
    ),
    expect: [
      { from: 'default/api', to: 'default/client', ports: 'no ports' },
      { from: 'default/api', to: { external: '1.1.1.1' }, port: 443, allowed: false },
      { from: 'default/client', to: 'default/api', ports: 'all ports' },
    ],
  },
  {
    name: 'ignores the ingress rules of a policy whose policyTypes lists only Egress',
    spec: `${API_REFERENCE} policyTypes: the list of rule types the NetworkPolicy relates to`,
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-only}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: nobody}}}]
  egress:
  - to: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 8080}]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'all ports' },
      { from: 'default/api', to: 'default/client', ports: 'TCP 8080' },
    ],
  },
  {
    name: 'allows the union of the rules of every policy selecting a pod',
    spec: `${CONCEPT_PAGE} "Network policies do not conflict; they are additive."`,
    manifests: manifests(
      client,
      db,
      deployment('default/api', { app: 'api' }, [{ containerPort: 80 }, { containerPort: 443 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-client}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 80}]`,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-db}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: db}}}]
    ports: [{port: 443}]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'TCP 80' },
      { from: 'default/db', to: 'default/api', ports: 'TCP 443' },
      {
        from: 'default/client',
        to: 'default/api',
        port: 80,
        allowed: true,
        allowedBy: ['default/api-from-client spec.ingress[0]'],
      },
      { from: 'default/client', to: 'default/api', port: 443, allowed: false },
    ],
  },
  {
    name: 'allows everything to a pod when one selecting policy allows everything, whatever the other policies say',
    spec: `${CONCEPT_PAGE} "Default allow all ingress traffic" (policies are additive allow-lists)`,
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec:
  podSelector: {}
  policyTypes: [Ingress]`,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all-ingress}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{}]
  policyTypes: [Ingress]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'all ports' },
      { from: 'default/api', to: 'default/client', ports: 'no ports' },
    ],
  },
  {
    name: 'allows only the ports that both the source egress and the destination ingress allow',
    spec: `${CONCEPT_PAGE} "both the egress policy on the source pod and the ingress policy on the destination pod need to allow the traffic"`,
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 80 }, { containerPort: 90 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 80}, {port: 443}]`,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 80, endPort: 90}]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'TCP 80' },
      {
        from: 'default/client',
        to: 'default/api',
        port: 80,
        allowed: true,
        allowedBy: ['default/client-out spec.egress[0]', 'default/api-in spec.ingress[0]'],
      },
      { from: 'default/client', to: 'default/api', port: 90, allowed: false },
      { from: 'default/client', to: 'default/api', port: 443, allowed: false },
    ],
  },
  {
    name: 'denies when the source egress allows the destination but the destination ingress does not admit the source',
    spec: `${CONCEPT_PAGE} "If either the egress policy on the source, or the ingress policy on the destination denies the traffic, the traffic will be denied."`,
    manifests: manifests(
      client,
      api,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress: [{}]`,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: someone-else}}}]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', port: 80, allowed: false },
      { from: 'default/client', to: { external: '203.0.113.7' }, port: 443, allowed: true },
    ],
  },
  {
    name: 'does not isolate pods of other namespaces or pods its podSelector does not match',
    spec: `${API_REFERENCE} podSelector "Selects the pods to which this NetworkPolicy object applies" (in its namespace)`,
    manifests: manifests(
      client,
      api,
      deployment('other/api', { app: 'api' }, [{ containerPort: 80 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-api, namespace: other}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress, Egress]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/api', ports: 'all ports' },
      { from: 'default/client', to: 'other/api', ports: 'no ports' },
      { from: 'other/api', to: 'default/client', ports: 'no ports' },
      { from: 'default/api', to: 'default/client', ports: 'all ports' },
    ],
  },
];
