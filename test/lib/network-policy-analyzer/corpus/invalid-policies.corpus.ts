import { API_REFERENCE, InvalidCase, LABELS_PAGE } from './corpus-case';

function policy(name: string, specYaml: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {}
${specYaml}`;
}

const VALIDATION = 'kube-apiserver NetworkPolicy validation (pkg/apis/networking/validation)';

export const invalidPolicyCases: readonly InvalidCase[] = [
  {
    name: 'fails when a from entry is an empty peer {}',
    spec: `${VALIDATION}: "must specify a peer"`,
    manifests: policy('empty-peer', '  ingress:\n  - from: [{}]'),
    error: /Invalid NetworkPolicy shop\/empty-peer: spec\.ingress\[0\]\.from\[0\]: must specify a peer/,
  },
  {
    name: 'fails when a to entry has only null selectors',
    spec: `${VALIDATION}: a null selector is an absent one, so the peer is empty`,
    manifests: policy(
      'null-peer',
      '  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: null, namespaceSelector: null}]',
    ),
    error: /Invalid NetworkPolicy shop\/null-peer: spec\.egress\[0\]\.to\[0\]: must specify a peer/,
  },
  {
    name: 'fails when an ipBlock CIDR is not a CIDR',
    spec: `${API_REFERENCE} cidr "is a string representing the IPBlock"`,
    manifests: policy('bad-cidr', '  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.300/8}}]'),
    error: /Invalid NetworkPolicy shop\/bad-cidr: spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: .*10\.0\.0\.300\/8/,
  },
  {
    name: 'fails when an ipBlock CIDR has no prefix length',
    spec: `${API_REFERENCE} cidr`,
    manifests: policy('no-prefix', '  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.1}}]'),
    error: /Invalid NetworkPolicy shop\/no-prefix: .*ipBlock\.cidr: "10\.0\.0\.1" is not a CIDR/,
  },
  {
    name: 'fails when an except entry is not inside the ipBlock CIDR',
    spec: `${API_REFERENCE} except: "Except values will be rejected if they are outside the cidr range"`,
    manifests: policy('bad-except', '  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}]'),
    error:
      /Invalid NetworkPolicy shop\/bad-except: .*except\[0\]: 10\.1\.0\.0\/24 must be a strict subset of 10\.0\.0\.0\/16/,
  },
  {
    name: 'fails when an ipBlock is combined with a selector in one peer',
    spec: `${API_REFERENCE} ipBlock: "If this field is set then neither of the other fields can be."`,
    manifests: policy('mixed-peer', '  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]'),
    error: /Invalid NetworkPolicy shop\/mixed-peer: .*may not specify both ipBlock and another peer/,
  },
  {
    name: 'fails when endPort is given without port',
    spec: `${API_REFERENCE} endPort: "cannot be defined if the port field is not defined"`,
    manifests: policy('endport-alone', '  ingress:\n  - ports: [{endPort: 90}]'),
    error:
      /Invalid NetworkPolicy shop\/endport-alone: spec\.ingress\[0\]\.ports\[0\]\.endPort: may not be specified when port is not specified/,
  },
  {
    name: 'fails when endPort is smaller than port',
    spec: `${API_REFERENCE} endPort: "must be equal or greater than port"`,
    manifests: policy('endport-small', '  ingress:\n  - ports: [{port: 90, endPort: 80}]'),
    error: /Invalid NetworkPolicy shop\/endport-small: .*endPort: 80 must be greater than or equal to port 90/,
  },
  {
    name: 'fails when endPort is given with a named port',
    spec: `${API_REFERENCE} endPort: "cannot be defined if ... the port field is defined as a named (string) port"`,
    manifests: policy('endport-named', '  ingress:\n  - ports: [{port: http, endPort: 90}]'),
    error: /Invalid NetworkPolicy shop\/endport-named: .*endPort: may not be specified when port is a named port/,
  },
  {
    name: 'fails when a port number is written as a quoted string',
    spec: `${VALIDATION}: a string port must be a valid port name, which needs a letter`,
    manifests: policy('quoted-port', "  ingress:\n  - ports: [{port: '80'}]"),
    error: /Invalid NetworkPolicy shop\/quoted-port: .*port: "80": a named port must contain at least one letter/,
  },
  {
    name: 'fails when a port number is outside 1 to 65535',
    spec: `${VALIDATION}: IsValidPortNum`,
    manifests: policy('port-range', '  ingress:\n  - ports: [{port: 70000}]'),
    error: /Invalid NetworkPolicy shop\/port-range: .*ports\[0\]\.port: must be a port number from 1 to 65535/,
  },
  {
    name: 'fails when a protocol is not TCP, UDP or SCTP',
    spec: `${API_REFERENCE} protocol: "The protocol (TCP, UDP, or SCTP)"`,
    manifests: policy('lowercase-protocol', '  ingress:\n  - ports: [{port: 80, protocol: tcp}]'),
    error: /Invalid NetworkPolicy shop\/lowercase-protocol: .*protocol: "tcp" is not one of TCP, UDP, SCTP/,
  },
  {
    name: 'fails when policyTypes contains an unknown type',
    spec: `${API_REFERENCE} policyTypes: valid options are Ingress and Egress`,
    manifests: policy('bad-type', '  policyTypes: [Ingress, egress]'),
    error: /Invalid NetworkPolicy shop\/bad-type: spec\.policyTypes\[1\]: "egress" is not one of Ingress, Egress/,
  },
  {
    name: 'fails when a matchExpressions operator is unknown',
    spec: `${LABELS_PAGE} operators In, NotIn, Exists, DoesNotExist`,
    manifests: policy(
      'bad-operator',
      '  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: a, operator: Equals, values: [b]}]}}]',
    ),
    error:
      /Invalid NetworkPolicy shop\/bad-operator: .*operator: "Equals" is not one of In, NotIn, Exists, DoesNotExist/,
  },
  {
    name: 'fails when an In requirement has no values',
    spec: 'LabelSelectorRequirement: "If the operator is In or NotIn, the values array must be non-empty."',
    manifests: policy(
      'empty-in',
      '  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: a, operator: In, values: []}]}}]',
    ),
    error: /Invalid NetworkPolicy shop\/empty-in: .*values: must be non-empty when operator is In/,
  },
  {
    name: 'fails when an Exists requirement has values',
    spec: 'LabelSelectorRequirement: "If the operator is Exists or DoesNotExist, the values array must be empty."',
    manifests: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: exists-values, namespace: shop}
spec:
  podSelector:
    matchExpressions: [{key: a, operator: Exists, values: [b]}]`,
    error: /Invalid NetworkPolicy shop\/exists-values: .*values: must be empty when operator is Exists/,
  },
  {
    name: 'fails when a matchLabels value is not a string',
    spec: 'LabelSelector matchLabels is a map of {key,value} string pairs',
    manifests: policy('numeric-label', '  ingress:\n  - from: [{namespaceSelector: {matchLabels: {version: 2}}}]'),
    error: /Invalid NetworkPolicy shop\/numeric-label: .*matchLabels\.version: must be a string/,
  },
  {
    name: 'fails naming every problem of a policy at once',
    spec: `${VALIDATION}: all field errors are reported together`,
    manifests: policy('two-problems', '  ingress:\n  - from: [{}]\n    ports: [{port: 90, endPort: 80}]'),
    error:
      /Invalid NetworkPolicy shop\/two-problems: .*must specify a peer.*; .*endPort: 80 must be greater than or equal to port 90/,
  },
];
