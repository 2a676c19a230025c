import { github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';

const REPO = 'kubernetes-sigs/aws-load-balancer-controller';
const TAG = 'v3.5.0';
const CHART = 'helm/aws-load-balancer-controller';
const at = (path: string) => github(REPO, TAG, path);

/**
 * The AWS Load Balancer Controller (`exposeUi`, and the hybrid nodes lab's Ingress). Its chart in aws/eks-charts
 * (`stable/aws-load-balancer-controller`) is a byte-for-byte copy of `helm/aws-load-balancer-controller` of the
 * controller repository at the same version.
 */
export const AWS_LOAD_BALANCER_CONTROLLER_PART: PartContract = {
  id: 'aws-load-balancer-controller',
  title: 'AWS Load Balancer Controller',
  delivery: {
    type: 'helm-chart',
    repository: 'https://aws.github.io/eks-charts',
    chart: 'aws-load-balancer-controller',
    release: 'aws-load-balancer-controller',
    namespace: 'kube-system',
  },
  version: {
    pinned: '3.5.0',
    appVersion: TAG,
    newestAvailable: { value: '3.5.0', source: at(`${CHART}/Chart.yaml`) },
    checkedOn: VERSIONS_CHECKED_ON,
  },
  needs: {
    // Gateway API CRDs are optional: without them it switches its gateway features off and starts
    // (pkg/gateway/crddetect/gateway_feature_flags.go).
    crds: { value: [], source: at('main.go') },
    nodes: true,
    podIdentity: true,
    note: 'Region and VPC are passed as values: nodes keep IMDS out of reach of pods (docs/deploy/installation.md).',
  },
  providesCrds: {
    value: [
      { group: 'elbv2.k8s.aws', version: 'v1beta1', kind: 'TargetGroupBinding' },
      { group: 'elbv2.k8s.aws', version: 'v1beta1', kind: 'IngressClassParams' },
      { group: 'elbv2.k8s.aws', version: 'v1beta1', kind: 'ALBTargetControlConfig' },
      { group: 'aga.k8s.aws', version: 'v1beta1', kind: 'GlobalAccelerator' },
      { group: 'gateway.k8s.aws', version: 'v1', kind: 'ListenerRuleConfiguration' },
      { group: 'gateway.k8s.aws', version: 'v1', kind: 'LoadBalancerConfiguration' },
      { group: 'gateway.k8s.aws', version: 'v1', kind: 'TargetGroupConfiguration' },
    ],
    source: at(`${CHART}/crds/crds.yaml`),
  },
  creates: {
    // Its own Services carry app.kubernetes.io/name=aws-load-balancer-controller, which its webhook skips.
    value: [
      { group: '', version: 'v1', kind: 'Service' },
      { group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass' },
      { group: 'elbv2.k8s.aws', version: 'v1beta1', kind: 'IngressClassParams' },
    ],
    source: at(`${CHART}/templates`),
  },
  crdGroupsLeftOnUninstall: { value: ['elbv2.k8s.aws', 'aga.k8s.aws', 'gateway.k8s.aws'], source: at(`${CHART}/crds`) },
  webhooks: [
    {
      name: 'mservice.elbv2.k8s.aws',
      type: 'mutating',
      intercepts: [{ group: '', resource: 'services', kind: 'Service', operations: ['CREATE'] }],
      failurePolicy: 'Fail',
      selectors: [
        { on: 'object', label: 'app.kubernetes.io/name', operator: 'NotIn', values: ['aws-load-balancer-controller'] },
      ],
      service: 'aws-load-balancer-webhook-service',
      source: at(`${CHART}/templates/webhook.yaml`),
    },
    {
      name: 'vingress.elbv2.k8s.aws',
      type: 'validating',
      intercepts: [
        { group: 'networking.k8s.io', resource: 'ingresses', kind: 'Ingress', operations: ['CREATE', 'UPDATE'] },
      ],
      failurePolicy: 'Fail',
      selectors: [],
      service: 'aws-load-balancer-webhook-service',
      source: at(`${CHART}/templates/webhook.yaml`),
    },
    {
      name: 'mpod.elbv2.k8s.aws',
      type: 'mutating',
      intercepts: [{ group: '', resource: 'pods', kind: 'Pod', operations: ['CREATE'] }],
      failurePolicy: 'Ignore',
      selectors: [
        { on: 'namespace', label: 'elbv2.k8s.aws/pod-readiness-gate-inject', operator: 'In', values: ['enabled'] },
      ],
      service: 'aws-load-balancer-webhook-service',
      source: at(`${CHART}/templates/webhook.yaml`),
    },
    {
      name: 'mtargetgroupbinding.elbv2.k8s.aws',
      type: 'mutating',
      intercepts: [
        {
          group: 'elbv2.k8s.aws',
          resource: 'targetgroupbindings',
          kind: 'TargetGroupBinding',
          operations: ['CREATE', 'UPDATE'],
        },
      ],
      failurePolicy: 'Fail',
      selectors: [],
      service: 'aws-load-balancer-webhook-service',
      source: at(`${CHART}/templates/webhook.yaml`),
    },
  ],
  hookImages: [],
  placement: {
    required: 'cloud-nodes',
    reason:
      'It gets AWS credentials from EKS Pod Identity and serves admission webhooks the control plane must reach (EKS user guide, "Configure webhooks for hybrid nodes").',
    affinityValuePaths: ['affinity'],
    source: at(`${CHART}/templates/deployment.yaml`),
  },
  kubernetes: {
    min: '1.22',
    max: '1.36',
    basis:
      'docs/deploy/installation.md: "v2.5.0+ requires Kubernetes 1.22+", no upper bound; built with k8s.io/client-go v0.36.2 (go.mod)',
    source: at('docs/deploy/installation.md'),
  },
  deploymentSelector: 'app.kubernetes.io/instance=aws-load-balancer-controller',
  waitsUntilReady: true,
};

/**
 * The published IAM policy to attach: `docs/install/iam_policy.json` is byte-identical at v3.2.2 and v3.5.0 (last
 * changed in v2.13.0), and aws-cdk-lib ships it as `alb-iam_policy-v3.2.2.json` (its newest copy).
 */
export const AWS_LOAD_BALANCER_CONTROLLER_POLICY_VERSION = 'v3.2.2';
