import { API_REFERENCE, CONCEPT_PAGE, CorpusCase } from './corpus-case';
import { deployment, manifests } from './manifest-builders';

export const ipBlockCases: readonly CorpusCase[] = [
  {
    name: 'denies pods and allows external addresses for an ingress ipBlock that covers every address',
    spec: `${CONCEPT_PAGE} ipBlock "These should be cluster-external IPs, since Pod IPs are ephemeral and unpredictable."`,
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      deployment('default/server', { app: 'server' }, [{ containerPort: 80 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-in}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]`,
    ),
    expect: [
      { from: 'default/client', to: 'default/server', ports: 'no ports' },
      { from: { external: '203.0.113.9' }, to: 'default/server', port: 80, allowed: true },
      { from: { external: '10.0.0.9' }, to: 'default/server', port: 80, allowed: true },
    ],
  },
  {
    name: 'denies the addresses an ipBlock except list removes',
    spec: `${API_REFERENCE} except: "CIDRs that should not be included within an IPBlock"`,
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: internet-only}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except: [10.0.0.0/8, 169.254.169.254/32]`,
    ),
    expect: [
      { from: 'default/client', to: { external: '8.8.8.8' }, port: 53, protocol: 'UDP', allowed: true },
      { from: 'default/client', to: { external: '10.1.2.3' }, port: 443, allowed: false },
      { from: 'default/client', to: { external: '169.254.169.254' }, port: 80, allowed: false },
      { from: 'default/client', to: { external: '169.254.169.253' }, port: 80, allowed: true },
    ],
  },
  {
    name: "applies the concept page's example policy exactly as the page describes it",
    spec: `${CONCEPT_PAGE} test-network-policy and its explanation (points 1 to 3)`,
    manifests: manifests(
      `apiVersion: v1
kind: Namespace
metadata: {name: myproject-ns, labels: {project: myproject}}`,
      deployment('default/db', { role: 'db' }, [{ containerPort: 6379 }]),
      deployment('default/frontend', { role: 'frontend' }),
      deployment('default/other', { role: 'other' }),
      deployment('myproject-ns/anything', { app: 'anything' }),
      deployment('elsewhere/frontend', { role: 'frontend' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: test-network-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - ipBlock:
        cidr: 172.17.0.0/16
        except:
        - 172.17.1.0/24
    - namespaceSelector:
        matchLabels:
          project: myproject
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 6379
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/24
    ports:
    - protocol: TCP
      port: 5978`,
    ),
    expect: [
      { from: { external: '172.17.0.5' }, to: 'default/db', port: 6379, allowed: true },
      { from: { external: '172.17.2.5' }, to: 'default/db', port: 6379, allowed: true },
      { from: { external: '172.17.1.5' }, to: 'default/db', port: 6379, allowed: false },
      { from: { external: '172.18.0.1' }, to: 'default/db', port: 6379, allowed: false },
      { from: 'myproject-ns/anything', to: 'default/db', ports: 'TCP 6379' },
      { from: 'default/frontend', to: 'default/db', ports: 'TCP 6379' },
      { from: 'elsewhere/frontend', to: 'default/db', ports: 'no ports' },
      { from: 'default/other', to: 'default/db', ports: 'no ports' },
      { from: 'default/db', to: { external: '10.0.0.7' }, port: 5978, allowed: true },
      { from: 'default/db', to: { external: '10.0.0.7' }, port: 5979, allowed: false },
      { from: 'default/db', to: { external: '10.0.1.7' }, port: 5978, allowed: false },
      { from: 'default/db', to: 'default/frontend', ports: 'no ports' },
    ],
  },
  {
    name: 'matches IPv6 addresses against an IPv6 ipBlock and never IPv4 ones',
    spec: `${API_REFERENCE} cidr: valid examples are "192.168.1.1/24" or "2001:db9::/64"`,
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: v6-only}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:dead::/48']}}]`,
    ),
    expect: [
      { from: 'default/client', to: { external: '2001:db8::1' }, port: 443, allowed: true },
      { from: 'default/client', to: { external: '2001:db8:dead::1' }, port: 443, allowed: false },
      { from: 'default/client', to: { external: '2001:db9::1' }, port: 443, allowed: false },
      { from: 'default/client', to: { external: '32.1.13.184' }, port: 443, allowed: false },
    ],
  },
  {
    name: 'accepts an ipBlock CIDR with host bits set, as the API reference example does, and matches its network',
    spec: `${API_REFERENCE} cidr: valid example "192.168.1.1/24"`,
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lan}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 192.168.1.1/24}}]`,
    ),
    expect: [
      { from: 'default/client', to: { external: '192.168.1.200' }, port: 22, allowed: true },
      { from: 'default/client', to: { external: '192.168.2.1' }, port: 22, allowed: false },
    ],
  },
];
