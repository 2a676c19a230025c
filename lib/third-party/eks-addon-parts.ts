import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { PartContract } from './part-contract';
import { EKS_ADDON_VERSIONS, type EksAddonName } from './eks-addon-versions';

const VPC_CNI_REPO = 'aws/amazon-vpc-cni-k8s';
const USER_GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide';

function addonVersion(name: EksAddonName): PartContract['version'] {
  const table = EKS_ADDON_VERSIONS[name];
  return {
    pinned: 'per Kubernetes version (lib/third-party/eks-addon-versions.ts)',
    newestAvailable: { value: table.newest, source: table.source },
    checkedOn: VERSIONS_CHECKED_ON,
  };
}

function kubernetesRange(name: EksAddonName): PartContract['kubernetes'] {
  const versions = Object.keys(EKS_ADDON_VERSIONS[name].byKubernetesVersion).sort(
    (a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]),
  );
  return {
    min: versions[0],
    max: versions[versions.length - 1],
    basis: 'the Kubernetes versions the EKS user guide lists an add-on version for',
    source: EKS_ADDON_VERSIONS[name].source,
  };
}

const none = (source: PartContract['needs']['crds']['source']) => ({ value: [], source });

/**
 * The Amazon VPC CNI add-on. Its DaemonSet keeps off hybrid nodes by itself (anti-affinity to
 * eks.amazonaws.com/compute-type: hybrid, EKS user guide "Configure CNI for hybrid nodes").
 */
export const VPC_CNI_PART: PartContract = {
  id: 'vpc-cni',
  title: 'Amazon VPC CNI (EKS add-on)',
  delivery: { type: 'eks-addon', addonName: 'vpc-cni' },
  version: addonVersion('vpc-cni'),
  needs: { crds: none(documentation(`${USER_GUIDE}/managing-vpc-cni.html`)), nodes: false, podIdentity: false },
  providesCrds: {
    value: [
      { group: 'crd.k8s.amazonaws.com', version: 'v1alpha1', kind: 'ENIConfig' },
      { group: 'networking.k8s.aws', version: 'v1alpha1', kind: 'PolicyEndpoint' },
    ],
    source: github(VPC_CNI_REPO, 'master', 'charts/aws-vpc-cni/crds/customresourcedefinition.yaml'),
  },
  creates: none(github(VPC_CNI_REPO, 'master', 'charts/aws-vpc-cni/templates')),
  crdGroupsLeftOnUninstall: none(documentation(`${USER_GUIDE}/eks-add-ons.html`)),
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'cloud-nodes',
    reason: 'The VPC CNI serves cloud nodes; the add-on sets its own anti-affinity to hybrid nodes.',
    affinityValuePaths: [],
    source: documentation(`${USER_GUIDE}/hybrid-nodes-cni.html`),
  },
  kubernetes: kubernetesRange('vpc-cni'),
  waitsUntilReady: true,
};

export const KUBE_PROXY_PART: PartContract = {
  id: 'kube-proxy',
  title: 'kube-proxy (EKS add-on)',
  delivery: { type: 'eks-addon', addonName: 'kube-proxy' },
  version: addonVersion('kube-proxy'),
  needs: { crds: none(documentation(`${USER_GUIDE}/managing-kube-proxy.html`)), nodes: false, podIdentity: false },
  providesCrds: none(documentation(`${USER_GUIDE}/managing-kube-proxy.html`)),
  creates: none(documentation(`${USER_GUIDE}/managing-kube-proxy.html`)),
  crdGroupsLeftOnUninstall: none(documentation(`${USER_GUIDE}/eks-add-ons.html`)),
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'anywhere',
    reason: 'It runs on every node, hybrid nodes included.',
    affinityValuePaths: [],
    source: documentation(`${USER_GUIDE}/hybrid-nodes-add-ons.html`),
  },
  kubernetes: kubernetesRange('kube-proxy'),
  waitsUntilReady: true,
};

/** CoreDNS runs as a Deployment: its add-on only becomes healthy once nodes exist. */
export const COREDNS_PART: PartContract = {
  id: 'coredns',
  title: 'CoreDNS (EKS add-on)',
  delivery: { type: 'eks-addon', addonName: 'coredns' },
  version: addonVersion('coredns'),
  needs: { crds: none(documentation(`${USER_GUIDE}/managing-coredns.html`)), nodes: true, podIdentity: false },
  providesCrds: none(documentation(`${USER_GUIDE}/managing-coredns.html`)),
  creates: none(documentation(`${USER_GUIDE}/managing-coredns.html`)),
  crdGroupsLeftOnUninstall: none(documentation(`${USER_GUIDE}/eks-add-ons.html`)),
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'anywhere',
    reason: 'Cluster DNS; pods on either kind of node reach it through the cluster network.',
    affinityValuePaths: [],
    source: documentation(`${USER_GUIDE}/hybrid-nodes-add-ons.html`),
  },
  kubernetes: kubernetesRange('coredns'),
  waitsUntilReady: true,
};

/** The EKS Pod Identity agent: controllers that read AWS credentials from it need it on their nodes. */
export const POD_IDENTITY_AGENT_PART: PartContract = {
  id: 'eks-pod-identity-agent',
  title: 'EKS Pod Identity agent (EKS add-on)',
  delivery: { type: 'eks-addon', addonName: 'eks-pod-identity-agent' },
  version: addonVersion('eks-pod-identity-agent'),
  needs: { crds: none(documentation(`${USER_GUIDE}/pod-id-agent-setup.html`)), nodes: false, podIdentity: false },
  providesCrds: none(documentation(`${USER_GUIDE}/pod-id-agent-setup.html`)),
  creates: none(documentation(`${USER_GUIDE}/pod-id-agent-setup.html`)),
  crdGroupsLeftOnUninstall: none(documentation(`${USER_GUIDE}/eks-add-ons.html`)),
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'cloud-nodes',
    reason: 'The lab gives Pod Identity only to controllers on cloud nodes.',
    affinityValuePaths: [],
    source: documentation(`${USER_GUIDE}/pod-id-agent-setup.html`),
  },
  kubernetes: kubernetesRange('eks-pod-identity-agent'),
  waitsUntilReady: true,
};
