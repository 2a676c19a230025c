import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';

const REPO = 'kyverno/kyverno';
const TAG = 'kyverno-chart-3.7.2';
const CHART = 'charts/kyverno';
const at = (path: string) => github(REPO, TAG, path);

/**
 * Kyverno, for the hybrid nodes lab's pod-deletion-cost policy. The workshop installs chart 3.3.7 (Kyverno 1.13),
 * whose pre-delete and post-upgrade hooks run docker.io/bitnami/kubectl:1.30.2, withdrawn by Bitnami in 2025
 * (kyverno/kyverno#13683, #14169): an upgrade or uninstall of that release waits on an image pull until Helm's
 * timeout. Kyverno 1.13 also documents Kubernetes 1.28-1.31 only. Chart 3.7.2 (Kyverno 1.17.2) runs its hooks on
 * registry.k8s.io/kubectl and documents Kubernetes 1.32-1.35, the versions EKS creates on the day of the check.
 */
export const KYVERNO_PART: PartContract = {
  id: 'kyverno',
  title: 'Kyverno',
  delivery: {
    type: 'helm-chart',
    repository: 'https://kyverno.github.io/kyverno/',
    chart: 'kyverno',
    release: 'kyverno',
    namespace: 'kyverno',
  },
  version: {
    pinned: '3.7.2',
    appVersion: 'v1.17.2',
    // 3.8.x and 3.9.0 (Kyverno 1.18, 1.19) document Kubernetes 1.33-1.35: they would rule out 1.32.
    newestAvailable: { value: '3.9.0', source: github(REPO, 'kyverno-chart-3.9.0', `${CHART}/Chart.yaml`) },
    checkedOn: VERSIONS_CHECKED_ON,
    workshop: {
      version: '3.3.7',
      whyDifferent:
        'its hooks pull the withdrawn docker.io/bitnami/kubectl:1.30.2, and Kyverno 1.13 predates Kubernetes 1.32-1.35.',
    },
  },
  needs: { crds: { value: [], source: at(`${CHART}/Chart.yaml`) }, nodes: true, podIdentity: false },
  providesCrds: {
    value: [
      { group: 'kyverno.io', version: 'v1', kind: 'ClusterPolicy' },
      { group: 'kyverno.io', version: 'v1', kind: 'Policy' },
    ],
    source: at('charts/crds'),
  },
  creates: {
    // kyverno-svc, its metrics Services and those of the background, cleanup and reports controllers.
    value: [{ group: '', version: 'v1', kind: 'Service' }],
    source: at(`${CHART}/templates/admission-controller/service.yaml`),
  },
  crdGroupsLeftOnUninstall: { value: [], source: at('charts/kyverno/charts/crds/templates') },
  webhooks: [
    {
      // Registered at run time from the policies (pkg/controllers/webhook/controller.go); the lab's policy sets
      // webhookConfiguration.failurePolicy Ignore, so a Kyverno outage never blocks scheduling.
      name: 'kyverno-resource-validating-webhook-cfg',
      type: 'validating',
      intercepts: [{ group: '', resource: 'pods/binding', kind: 'Binding', operations: ['CREATE'] }],
      failurePolicy: 'Ignore',
      selectors: [
        {
          on: 'namespace',
          label: 'kubernetes.io/metadata.name',
          operator: 'NotIn',
          values: ['kube-system', 'kyverno'],
        },
      ],
      service: 'kyverno-svc',
      source: github(REPO, 'v1.17.2', 'api/kyverno/v1/spec_types.go'),
    },
  ],
  hookImages: [
    {
      image: 'registry.k8s.io/kubectl:v1.34.3',
      hook: 'pre-delete (scale to zero, remove webhooks)',
      source: at(`${CHART}/values.yaml`),
    },
    {
      image: 'reg.kyverno.io/kyverno/kyverno-cli:v1.17.2',
      hook: 'post-upgrade (migrate resources)',
      source: at(`${CHART}/values.yaml`),
    },
  ],
  placement: {
    required: 'cloud-nodes',
    reason:
      'It serves admission webhooks the control plane must reach, and the hybrid node keeps its CPU for the lab nginx pods.',
    affinityValuePaths: [
      'admissionController.nodeAffinity',
      'backgroundController.nodeAffinity',
      'cleanupController.nodeAffinity',
      'reportsController.nodeAffinity',
    ],
    source: at(`${CHART}/values.yaml`),
  },
  kubernetes: {
    min: '1.32',
    max: '1.35',
    basis: 'Kyverno installation docs compatibility matrix: 1.17.x supports Kubernetes 1.32-1.35',
    source: documentation('https://kyverno.io/docs/installation/'),
  },
  deploymentSelector: 'app.kubernetes.io/instance=kyverno',
  waitsUntilReady: true,
};
