import { API_REFERENCE, CorpusCase, SERVICE_PAGE } from './corpus-case';
import { deployment, manifests, service } from './manifest-builders';

const client = deployment('default/client', { app: 'client' });

export const serviceCases: readonly CorpusCase[] = [
  {
    name: "allows a connection through a Service when the policy allows the backend's target port",
    spec: `${SERVICE_PAGE} targetPort; ${API_REFERENCE} ports are "ports on the pods"`,
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 8080 }]),
      service('default/api', { app: 'api' }, [{ port: 80, targetPort: 8080 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 8080}]`,
    ),
    expect: [
      { from: 'default/client', service: 'default/api', servicePort: 80, allowed: true, backendPorts: [8080] },
      { from: 'default/client', to: 'default/api', port: 80, allowed: false },
    ],
  },
  {
    name: 'denies a connection through a Service when the policy names the Service port instead of the pod port',
    spec: 'kubernetes/website#8295: policy ports are destination pod ports, not Service ports',
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 8080 }]),
      service('default/api', { app: 'api' }, [{ port: 80, targetPort: 8080 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 80}]`,
    ),
    expect: [
      { from: 'default/client', service: 'default/api', servicePort: 80, allowed: false, backendPorts: [8080] },
      { from: 'default/client', to: 'default/api', ports: 'TCP 80' },
    ],
  },
  {
    name: 'resolves a named targetPort on each backend and denies when one backend does not allow its port',
    spec: `${SERVICE_PAGE} "Port definitions in Pods have names, and you can reference these names in the targetPort attribute"`,
    manifests: manifests(
      client,
      deployment('default/api-canary', { app: 'api', track: 'canary' }, [{ name: 'http', containerPort: 9090 }]),
      deployment('default/api-stable', { app: 'api', track: 'stable' }, [{ name: 'http', containerPort: 8080 }]),
      service('default/api', { app: 'api' }, [{ name: 'web', port: 80, targetPort: 'http' }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - ports: [{port: 8080}]`,
    ),
    expect: [
      { from: 'default/client', service: 'default/api', servicePort: 80, allowed: false, backendPorts: [9090, 8080] },
      {
        from: 'default/client',
        service: 'default/api',
        servicePort: 'web',
        allowed: false,
        backendPorts: [9090, 8080],
      },
      { from: 'default/client', to: 'default/api-stable', port: 'http', allowed: true },
      { from: 'default/client', to: 'default/api-canary', port: 'http', allowed: false },
    ],
  },
  {
    name: 'forwards to the same port number when a Service port has no targetPort',
    spec: `${SERVICE_PAGE} "By default and for convenience, the targetPort is set to the same value as the port field."`,
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 80 }]),
      service('default/api', { app: 'api' }, [{ port: 80 }]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - ports: [{port: 80}]`,
    ),
    expect: [{ from: 'default/client', service: 'default/api', servicePort: 80, allowed: true, backendPorts: [80] }],
  },
  {
    name: 'denies a connection through a Service that has no selector, because it has no backend pods',
    spec: `${SERVICE_PAGE} "Services without selectors": no EndpointSlices are created automatically`,
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 80 }]),
      service('default/manual', undefined, [{ port: 80 }]),
    ),
    expect: [{ from: 'default/client', service: 'default/manual', servicePort: 80, allowed: false, backendPorts: [] }],
  },
  {
    name: "resolves a Service only to pods of the Service's own namespace",
    spec: `${SERVICE_PAGE} a Service targets the Pods its selector matches in its namespace`,
    manifests: manifests(
      client,
      deployment('default/api', { app: 'api' }, [{ containerPort: 8080 }]),
      deployment('other/api', { app: 'api' }, [{ containerPort: 9090 }]),
      service('other/api', { app: 'api' }, [{ port: 80, targetPort: 9090 }]),
    ),
    expect: [{ from: 'default/client', service: 'other/api', servicePort: 80, allowed: true, backendPorts: [9090] }],
  },
  {
    name: 'allows DNS over UDP but not TCP to the modelled CoreDNS Service when egress allows only UDP 53',
    spec: `${API_REFERENCE} protocol and port; CoreDNS serves dns 53/UDP and dns-tcp 53/TCP`,
    manifests: manifests(
      client,
      deployment('kube-system/coredns', { 'k8s-app': 'kube-dns' }, [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
      ]),
      service('kube-system/kube-dns', { 'k8s-app': 'kube-dns' }, [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ]),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-dns}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{port: 53, protocol: UDP}]`,
    ),
    expect: [
      { from: 'default/client', service: 'kube-system/kube-dns', servicePort: 53, protocol: 'UDP', allowed: true },
      { from: 'default/client', service: 'kube-system/kube-dns', servicePort: 'dns-tcp', allowed: false },
      { from: 'default/client', to: 'kube-system/coredns', ports: 'UDP 53' },
    ],
  },
];
