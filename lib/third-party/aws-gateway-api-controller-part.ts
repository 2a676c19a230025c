import { github, VERSIONS_CHECKED_ON } from './fact-sources';
import { GATEWAY_API_STANDARD_KINDS } from './gateway-api-crds-part';
import type { PartContract } from './part-contract';

const REPO = 'aws/aws-application-networking-k8s';
const TAG = 'v2.1.3';
const at = (path: string) => github(REPO, TAG, path);
const AWS_GROUP = 'application-networking.k8s.aws';

/** The kinds `checkRequiredCRDs` looks up at start-up; one missing and the process exits (setupLog.Fatal). */
const REQUIRED_AT_START = ['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'TLSRoute'];

/**
 * The AWS Gateway API controller for Amazon VPC Lattice. The workshop installs v1.1.7, which requires TLSRoute
 * v1alpha2 at start-up (in no standard channel), so with the workshop's v1.2.0 standard CRDs it crash-loops
 * (aws-samples/eks-workshop-v2 issue 1825). v2.1.x is the current line, built against the Gateway API v1.5 bundle,
 * whose standard channel serves all five required kinds at v1.
 */
export const AWS_GATEWAY_API_CONTROLLER_PART: PartContract = {
  id: 'aws-gateway-api-controller',
  title: 'AWS Gateway API controller (VPC Lattice)',
  delivery: {
    type: 'helm-chart',
    repository: 'oci://public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller-chart',
    chart: 'aws-gateway-controller-chart',
    release: 'gateway-api-controller',
    namespace: 'gateway-api-controller',
  },
  version: {
    pinned: TAG,
    newestAvailable: { value: TAG, source: at('helm/Chart.yaml') },
    checkedOn: VERSIONS_CHECKED_ON,
    workshop: {
      version: 'v1.1.7',
      whyDifferent:
        'v1.1.7 exits at start-up without TLSRoute v1alpha2, which the workshop never installs; its line ended in 2025.',
    },
  },
  needs: {
    crds: {
      value: GATEWAY_API_STANDARD_KINDS.filter(
        (kind) => kind.version === 'v1' && REQUIRED_AT_START.includes(kind.kind),
      ),
      source: at('cmd/aws-application-networking-k8s/main.go'),
    },
    nodes: true,
    podIdentity: true,
    note: 'Region, account, VPC and cluster name are passed as values; with all four set it never reads IMDS (pkg/config/controller_config.go).',
  },
  providesCrds: {
    value: [
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'TargetGroupPolicy' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'VpcAssociationPolicy' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'AccessLogPolicy' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'IAMAuthPolicy' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'ServiceExport' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'ServiceImport' },
      { group: AWS_GROUP, version: 'v1alpha1', kind: 'ServiceNetwork' },
    ],
    source: at('helm/crds'),
  },
  creates: {
    // webhook-service carries no app.kubernetes.io/name label: another part's Service webhook intercepts it.
    value: [
      { group: '', version: 'v1', kind: 'Service' },
      { group: 'admissionregistration.k8s.io', version: 'v1', kind: 'MutatingWebhookConfiguration' },
    ],
    source: at('helm/templates/webhook.yaml'),
  },
  crdGroupsLeftOnUninstall: { value: ['application-networking.k8s.aws'], source: at('helm/crds') },
  webhooks: [
    {
      name: 'mpod.gwc.k8s.aws',
      type: 'mutating',
      intercepts: [{ group: '', resource: 'pods', kind: 'Pod', operations: ['CREATE'] }],
      failurePolicy: 'Fail',
      selectors: [
        {
          on: 'namespace',
          label: 'application-networking.k8s.aws/pod-readiness-gate-inject',
          operator: 'In',
          values: ['enabled'],
        },
        { on: 'object', label: 'app.kubernetes.io/name', operator: 'NotIn', values: ['gateway-api-controller'] },
      ],
      service: 'webhook-service',
      source: at('helm/templates/webhook.yaml'),
    },
  ],
  hookImages: [],
  placement: {
    required: 'cloud-nodes',
    reason:
      'It gets AWS credentials from EKS Pod Identity, which hybrid nodes do not offer it, and serves a webhook the control plane must reach.',
    affinityValuePaths: ['deployment.affinity'],
    source: at('helm/templates/deployment.yaml'),
  },
  kubernetes: {
    min: '1.31',
    max: '1.35',
    basis:
      'docs/guides/upgrading-v2-0-x-to-v2-1-y.md: Kubernetes 1.31 or higher (TLSRoute CEL rules); built with k8s.io/client-go v0.35.1 (go.mod)',
    source: at('docs/guides/upgrading-v2-0-x-to-v2-1-y.md'),
  },
  deploymentSelector: 'app.kubernetes.io/instance=gateway-api-controller',
  waitsUntilReady: true,
};
