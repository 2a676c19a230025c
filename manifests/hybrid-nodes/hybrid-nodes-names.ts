/**
 * Names, labels and images of the EKS Hybrid Nodes lab (eks-workshop-v2
 * `manifests/modules/networking/eks-hybrid-nodes/`), defined once for the charts, the Helm values and the checks.
 */

/** Node name prefix of a hybrid node registered through an SSM hybrid activation (`mi-<17 hex>`). */
export const SSM_NODE_NAME_PREFIX = 'mi-';

/** The lab's sample workload (kustomize/). */
export const NGINX_REMOTE = {
  namespace: 'nginx-remote',
  name: 'nginx',
  labels: { app: 'nginx' },
  replicas: 3,
  port: 80,
  servicePortName: 'http',
  image: 'public.ecr.aws/nginx/nginx:1.26',
  initImage: 'busybox:1.28',
  cpu: '200m',
  volume: 'workdir',
  htmlPath: '/usr/share/nginx/html',
  initWorkDir: '/work-dir',
} as const;

/**
 * The cloud-bursting Deployment (deployment.yaml): same pods, no init container, namespace `default`. `replicas` is
 * the workshop's starting count; the deployed count is a setting of the module.
 */
export const CLOUD_BURSTING = {
  namespace: 'default',
  name: 'nginx-deployment',
  labels: { app: 'nginx' },
  replicas: 3,
} as const;

/** Cilium's per-node pod CIDR size (`clusterPoolIPv4MaskSize`): a /25, 128 addresses per node. */
export const CILIUM_POD_CIDR_MASK_SIZE = 25;

/** The pod-deletion-cost ClusterPolicy (kyverno/policy.yaml). */
export const POD_DELETION_COST_POLICY = {
  name: 'set-pod-deletion-cost',
  rule: 'set-deletion-cost-for-nginx-on-hybrid',
  annotation: 'controller.kubernetes.io/pod-deletion-cost',
  value: '1',
} as const;
