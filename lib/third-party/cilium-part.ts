import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';

/** The packaged chart repository (helm.cilium.io serves these archives). */
const CHARTS = 'cilium/charts';
const at = (path: string) => github(CHARTS, 'master', path);

/**
 * Cilium, the CNI of the hybrid node (the VPC CNI keeps the cloud nodes). The workshop installs 1.17.1. The EKS user
 * guide supports Cilium 1.17.x and 1.18.x on hybrid nodes "for every Kubernetes version supported in Amazon EKS"
 * (hybrid-nodes-cni); 1.18.12 is the newest 1.18 patch. Upstream's own compatibility list for 1.18 stops at
 * Kubernetes 1.33; the lab relies on the EKS statement, which covers 1.34 and 1.35.
 */
export const CILIUM_PART: PartContract = {
  id: 'cilium',
  title: 'Cilium (hybrid nodes CNI)',
  delivery: {
    type: 'helm-chart',
    repository: 'https://helm.cilium.io/',
    chart: 'cilium',
    release: 'cilium',
    namespace: 'cilium',
  },
  version: {
    pinned: '1.18.12',
    // 1.19 and 1.20 are out, but EKS supports only 1.17.x and 1.18.x for hybrid nodes.
    newestAvailable: { value: '1.20.0', source: at('index.yaml') },
    checkedOn: VERSIONS_CHECKED_ON,
    workshop: {
      version: '1.17.1',
      whyDifferent: 'a 2025-02 patch of an older line; 1.18.12 is the newest patch EKS supports on hybrid nodes.',
    },
  },
  needs: {
    crds: { value: [], source: at('cilium-1.18.12.tgz') },
    // Its operator (one replica, hybrid nodes only) needs the hybrid node; the lab does not wait for the release and
    // waits for the node to be Ready instead (constructs/ready-nodes-wait.ts).
    nodes: false,
    podIdentity: false,
  },
  providesCrds: {
    value: [
      { group: 'cilium.io', version: 'v2', kind: 'CiliumNetworkPolicy' },
      { group: 'cilium.io', version: 'v2', kind: 'CiliumNode' },
    ],
    source: at('cilium-1.18.12.tgz'),
  },
  creates: {
    // hubble-peer in kube-system, rendered by default (templates/hubble/peer-service.yaml).
    value: [{ group: '', version: 'v1', kind: 'Service' }],
    source: at('cilium-1.18.12.tgz'),
  },
  crdGroupsLeftOnUninstall: { value: ['cilium.io'], source: at('cilium-1.18.12.tgz') },
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'hybrid-nodes',
    reason:
      'It is the CNI of the hybrid nodes only; the VPC CNI serves the cloud nodes (EKS user guide, hybrid-nodes-cni).',
    affinityValuePaths: ['affinity', 'operator.affinity'],
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-cni.html'),
  },
  kubernetes: {
    min: '1.32',
    max: '1.35',
    basis:
      'EKS user guide: Cilium 1.17.x and 1.18.x are supported on hybrid nodes for every Kubernetes version EKS supports (1.32-1.35 creatable on the day of the check)',
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-cni.html'),
  },
  deploymentSelector: 'app.kubernetes.io/part-of=cilium',
  waitsUntilReady: false,
};
