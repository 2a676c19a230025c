import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';

const REPO = 'external-secrets/external-secrets';
/**
 * Chart X.Y.Z is tagged `helm-chart-X.Y.Z`. The lab pins 2.9.0, the newest chart whose source could be read (the
 * newest chart tag of the repository snapshot, re-fetched 2026-12-04): every fact below is read at that tag. 2.10.0
 * (about 2026-08-28) exists, known only from dependants' update pull requests; move to it once its tag can be read.
 */
const READ_AT = 'helm-chart-2.9.0';
const CHART = 'deploy/charts/external-secrets';
const at = (path: string) => github(REPO, READ_AT, path);

/** The group of the ExternalSecret kinds the lab uses. */
const ESO_GROUP = 'external-secrets.io';

/** The External Secrets Operator: copies the lab's Secrets Manager secrets into Kubernetes Secrets. */
export const EXTERNAL_SECRETS_PART: PartContract = {
  id: 'external-secrets',
  title: 'External Secrets Operator',
  delivery: {
    type: 'helm-chart',
    repository: 'https://charts.external-secrets.io',
    chart: 'external-secrets',
    release: 'external-secrets',
    namespace: 'external-secrets',
  },
  version: {
    pinned: '2.9.0',
    appVersion: 'v2.9.0',
    newestAvailable: {
      value: '2.10.0',
      source: documentation('https://github.com/external-secrets/external-secrets/releases/tag/helm-chart-2.10.0'),
    },
    checkedOn: VERSIONS_CHECKED_ON,
  },
  needs: {
    crds: { value: [], source: at(`${CHART}/templates/deployment.yaml`) },
    nodes: true,
    podIdentity: true,
    note: 'Its webhook admits requests only once the cert-controller has written the serving certificate and injected the CA (cmd/controller/webhook.go readiness check "certs"); Helm --wait covers all three Deployments.',
  },
  providesCrds: {
    value: [
      { group: ESO_GROUP, version: 'v1', kind: 'ExternalSecret' },
      { group: ESO_GROUP, version: 'v1', kind: 'SecretStore' },
      { group: ESO_GROUP, version: 'v1', kind: 'ClusterSecretStore' },
      { group: ESO_GROUP, version: 'v1', kind: 'ClusterExternalSecret' },
    ],
    source: at('config/crds/bases'),
  },
  creates: {
    value: [
      { group: '', version: 'v1', kind: 'Service' },
      { group: 'admissionregistration.k8s.io', version: 'v1', kind: 'ValidatingWebhookConfiguration' },
    ],
    source: at(`${CHART}/templates/webhook-service.yaml`),
  },
  crdGroupsLeftOnUninstall: { value: [], source: at('hack/helm.generate.sh') },
  webhooks: [
    {
      name: 'validate.externalsecret.external-secrets.io',
      type: 'validating',
      intercepts: [
        {
          group: ESO_GROUP,
          resource: 'externalsecrets',
          kind: 'ExternalSecret',
          operations: ['CREATE', 'UPDATE', 'DELETE'],
        },
      ],
      failurePolicy: 'Fail',
      selectors: [],
      service: 'external-secrets-webhook',
      source: at(`${CHART}/templates/validatingwebhook.yaml`),
    },
    {
      name: 'validate.secretstore.external-secrets.io',
      type: 'validating',
      intercepts: [
        { group: ESO_GROUP, resource: 'secretstores', kind: 'SecretStore', operations: ['CREATE', 'UPDATE', 'DELETE'] },
      ],
      failurePolicy: 'Fail',
      selectors: [],
      service: 'external-secrets-webhook',
      source: at(`${CHART}/templates/validatingwebhook.yaml`),
    },
    {
      name: 'validate.clustersecretstore.external-secrets.io',
      type: 'validating',
      intercepts: [
        {
          group: ESO_GROUP,
          resource: 'clustersecretstores',
          kind: 'ClusterSecretStore',
          operations: ['CREATE', 'UPDATE', 'DELETE'],
        },
      ],
      failurePolicy: 'Fail',
      selectors: [],
      service: 'external-secrets-webhook',
      source: at(`${CHART}/templates/validatingwebhook.yaml`),
    },
  ],
  hookImages: [],
  placement: {
    required: 'cloud-nodes',
    reason:
      'The operator gets AWS credentials from EKS Pod Identity, and the webhook must be reachable from the control plane (EKS user guide, "Configure webhooks for hybrid nodes").',
    affinityValuePaths: ['affinity', 'webhook.affinity', 'certController.affinity'],
    source: at(`${CHART}/values.yaml`),
  },
  kubernetes: {
    min: '1.19',
    max: '1.36',
    basis:
      'chart kubeVersion ">= 1.19.0-0" (Chart.yaml); docs/introduction/stability-support.md lists the versions the release is tested on (2.8: 1.35-1.36, 2.9: 1.36)',
    source: at('docs/introduction/stability-support.md'),
  },
  deploymentSelector: 'app.kubernetes.io/instance=external-secrets',
  waitsUntilReady: true,
};
