import type { ContextKeySpec } from './context-key-spec';
import type { CidrRule } from './context-value-parsers';
import { SHARED_ADDRESS_SPACE } from './ipv4-cidr';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from './kubernetes-versions';

/** Context keys of the base lab. Module keys live with their modules (`<moduleName>.<setting>`). */
export const BASE_KEYS = {
  modules: 'modules',
  clusterName: 'clusterName',
  kubernetesVersion: 'kubernetesVersion',
  vpcCidr: 'vpcCidr',
  secondaryCidr: 'secondaryCidr',
  remoteNodeCidr: 'remoteNodeCidr',
  remotePodCidr: 'remotePodCidr',
  nodeInstanceType: 'nodeInstanceType',
  vpcCniVersion: 'vpcCniVersion',
  adminPrincipalArn: 'adminPrincipalArn',
  exposeUi: 'exposeUi',
  inboundCidrs: 'inboundCidrs',
  allowWorldAccess: 'allowWorldAccess',
} as const;

export const BASE_DEFAULTS = {
  clusterName: 'eks-workshop',
  vpcCidr: '10.42.0.0/16',
  secondaryCidr: '100.64.0.0/16',
  remoteNodeCidr: '10.52.0.0/16',
  remotePodCidr: '10.53.0.0/16',
  nodeInstanceType: 'm5.large',
} as const;

/** Prefix lengths each lab CIDR may have (the VPC is cut into eighths, so /20 leaves /23 subnets). */
export const LAB_CIDR_SIZES = {
  vpcCidr: { minPrefixLength: 16, maxPrefixLength: 20 },
  secondaryCidr: { minPrefixLength: 16, maxPrefixLength: 24 },
  remoteNodeCidr: { minPrefixLength: 16, maxPrefixLength: 24 },
  remotePodCidr: { minPrefixLength: 16, maxPrefixLength: 24 },
} as const satisfies Record<string, CidrRule>;

function sizeRange(rule: CidrRule): string {
  return `from /${rule.minPrefixLength} to /${rule.maxPrefixLength}`;
}

/** Longest cluster name we accept: leaves room for the names derived from it (`<name>-catalog` for RDS, ...). */
export const MAX_CLUSTER_NAME_LENGTH = 40;

export const BASE_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: BASE_KEYS.modules,
    defaultValue: 'none (base lab only)',
    description: 'Modules to enable: comma-separated (`a,b`) or a JSON array (`["a","b"]`).',
    validation:
      'Known module keys only (a close match is suggested), no duplicates or empty items, valid JSON when it starts with `[`; requirements and conflicts between modules are checked.',
  },
  {
    key: BASE_KEYS.clusterName,
    defaultValue: BASE_DEFAULTS.clusterName,
    description: 'EKS cluster name; also names the Lattice service network, the Gateway and other derived names.',
    validation: `Lowercase letters, digits and single hyphens, starting with a letter, at most ${MAX_CLUSTER_NAME_LENGTH} characters (stricter than EKS because Kubernetes object names, RDS identifiers and VPC Lattice names are derived from it).`,
  },
  {
    key: BASE_KEYS.kubernetesVersion,
    defaultValue: DEFAULT_KUBERNETES_VERSION,
    description: 'EKS Kubernetes version; the matching kubectl Lambda layer is used.',
    validation: `One of ${KUBERNETES_VERSIONS.map((v) => v.version).join(', ')}; warns in extended support, fails once EKS no longer creates it.`,
  },
  {
    key: BASE_KEYS.vpcCidr,
    defaultValue: BASE_DEFAULTS.vpcCidr,
    description: 'Lab VPC CIDR, cut into three public and three private subnets (eighths of the block).',
    validation: `Private IPv4 CIDR ${sizeRange(LAB_CIDR_SIZES.vpcCidr)}; must not overlap the other lab CIDRs.`,
  },
  {
    key: BASE_KEYS.secondaryCidr,
    defaultValue: BASE_DEFAULTS.secondaryCidr,
    description: 'Secondary VPC CIDR for custom networking pod subnets.',
    validation: `Private IPv4 CIDR ${sizeRange(LAB_CIDR_SIZES.secondaryCidr)}, not overlapping the other lab CIDRs, and from a range AWS lets you associate with the VPC CIDR (${SHARED_ADDRESS_SPACE} always; else the same RFC 1918 block).`,
  },
  {
    key: BASE_KEYS.remoteNodeCidr,
    defaultValue: BASE_DEFAULTS.remoteNodeCidr,
    description: 'Remote (hybrid) node network, set on the cluster at creation.',
    validation: `Private IPv4 CIDR ${sizeRange(LAB_CIDR_SIZES.remoteNodeCidr)}, not overlapping the other lab CIDRs or the EKS service CIDRs.`,
  },
  {
    key: BASE_KEYS.remotePodCidr,
    defaultValue: BASE_DEFAULTS.remotePodCidr,
    description: 'Remote (hybrid) pod network, set on the cluster at creation.',
    validation: `Private IPv4 CIDR ${sizeRange(LAB_CIDR_SIZES.remotePodCidr)}, not overlapping the other lab CIDRs or the EKS service CIDRs.`,
  },
  {
    key: BASE_KEYS.nodeInstanceType,
    defaultValue: BASE_DEFAULTS.nodeInstanceType,
    description: 'Instance type of the `default` node group; its architecture picks the AL2023 AMI type.',
    validation: 'Must be in the instance table; modules add their own rules (Nitro, trunk ENI).',
  },
  {
    key: BASE_KEYS.vpcCniVersion,
    defaultValue: 'none (EKS default for the cluster version)',
    description: 'Pin the `vpc-cni` add-on version, e.g. `v1.20.4-eksbuild.1`.',
    validation:
      'Must look like `vX.Y.Z-eksbuild.N`, v1.14.0-eksbuild.3 or later: every lab runs the VPC CNI network policy agent.',
  },
  {
    key: BASE_KEYS.adminPrincipalArn,
    defaultValue: 'none',
    description:
      'IAM role or user ARN given an EKS access entry with AmazonEKSClusterAdminPolicy. Set it once in the `context` of `cdk.json` (or `~/.cdk.json`).',
    validation:
      'An IAM role or user ARN (`arn:<partition>:iam::<12 digits>:role/...` or `:user/...`), or `none`; leaving it out while the deployed lab has one is refused (`none` removes it on purpose).',
  },
  {
    key: BASE_KEYS.exposeUi,
    defaultValue: 'false',
    description: 'Install the AWS Load Balancer Controller and expose the ui through the internet-facing NLB `ui-nlb`.',
    validation: 'true or false; true requires inboundCidrs.',
  },
  {
    key: BASE_KEYS.inboundCidrs,
    defaultValue: 'none',
    description: 'Source CIDRs allowed to reach anything the lab exposes publicly (comma-separated or JSON array).',
    validation: 'IPv4 CIDRs; required when something is exposed; 0.0.0.0/0 only with allowWorldAccess=true.',
  },
  {
    key: BASE_KEYS.allowWorldAccess,
    defaultValue: 'false',
    description: 'Accept 0.0.0.0/0 in inboundCidrs (warns at synth).',
    validation: 'true or false.',
  },
];

/** The Kubernetes service CIDR the cluster is created with (set explicitly so the remote networks can avoid it). */
export const SERVICE_IPV4_CIDR = '172.20.0.0/16';
