import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';

const REPO = 'aws/eks-hybrid';
const TAG = 'v1.0.20';
const at = (path: string) => github(REPO, TAG, path);

/**
 * nodeadm, which the simulated on-premises host downloads at boot to join as a hybrid node. The EKS user guide
 * documents only the `releases/latest` path (the release job also publishes `releases/<version>/`, undocumented),
 * so the lab downloads the latest build; with SSM credentials it must be 1.0.19 or later (updated SSM signing key),
 * which the latest build is.
 */
export const NODEADM_PART: PartContract = {
  id: 'nodeadm',
  title: 'nodeadm (EKS Hybrid Nodes)',
  delivery: {
    type: 'host-download',
    url: 'https://hybrid-assets.eks.amazonaws.com/releases/latest/bin/linux/amd64/nodeadm',
  },
  version: {
    pinned: 'latest',
    newestAvailable: { value: TAG, source: at('README.md') },
    checkedOn: VERSIONS_CHECKED_ON,
  },
  needs: {
    crds: { value: [], source: at('cmd/nodeadm/install/install.go') },
    nodes: false,
    podIdentity: false,
    note: 'The Kubernetes versions `nodeadm install` accepts come from https://hybrid-assets.eks.amazonaws.com/manifest.yaml at run time (internal/aws/source.go).',
  },
  providesCrds: { value: [], source: at('README.md') },
  creates: { value: [], source: at('README.md') },
  crdGroupsLeftOnUninstall: { value: [], source: at('README.md') },
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'hybrid-nodes',
    reason: 'It runs on the hybrid host itself.',
    affinityValuePaths: [],
    source: documentation('https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-nodeadm.html'),
  },
  kubernetes: {
    min: '1.30',
    max: '1.36',
    basis: 'the Kubernetes versions AWS tests nodeadm v1.0.20 with (hybrid-nodes-cdk/lib/constants.ts)',
    source: at('hybrid-nodes-cdk/lib/constants.ts'),
  },
  waitsUntilReady: false,
};
