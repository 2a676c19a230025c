/**
 * Pod density: how many pods an instance type can run under each VPC CNI addressing mode, the value a node's kubelet
 * should use, and how many ENIs, secondary IPs or /28 prefixes a number of pods needs.
 *
 * The formulas are those of the EKS max-pods calculator, documented at
 * https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods and implemented in
 * awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh:
 * - secondary IPs: ENIs x (IPv4 per ENI - 1) + 2. The first address of each ENI is the ENI's own; the + 2 are the
 *   host-network pods (aws-node, kube-proxy), which need no address of their own.
 * - custom networking: the same with one ENI fewer, because the primary ENI stays in the node's subnet and carries no
 *   pods (https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html).
 * - prefix delegation: every secondary address slot holds a /28 prefix of 16 addresses instead, so
 *   ENIs x ((IPv4 per ENI - 1) x 16) + 2
 *   (https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses.html).
 *   Prefixes need a Nitro-based or bare metal instance; elsewhere the VPC CNI falls back to secondary IPs, and so do
 *   these figures.
 * - the EKS cap: the calculator never recommends more than 110 pods, or 250 when the instance has more than 30 vCPUs
 *   (script: `CPU_COUNT -gt 30`; guide: "greater than 30 vCPUs"), and managed node groups enforce the same cap
 *   (https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html).
 *
 * One deliberate difference from the script: it decides "Nitro" from the EC2 `Hypervisor` field, which is empty on
 * bare metal, so it reports secondary-IP figures for `*.metal` in prefix mode. The VPC CNI does assign prefixes on bare
 * metal (aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go, IsPrefixDelegationSupported), so the uncapped prefix figures
 * here follow the CNI. Every bare metal type in the table has more than 30 vCPUs and more than 250 secondary-IP pods,
 * so the capped value a kubelet gets is 250 either way.
 */
import { lookupInstanceType, supportsPrefixDelegation, type InstanceTypeFacts } from '../instance-types/instance-types';

/** The EKS max-pods cap for instances with 30 vCPUs or fewer (Kubernetes' tested pods-per-node threshold). */
export const EKS_MAX_PODS_CAP_UP_TO_30_VCPUS = 110;
/** The EKS max-pods cap for instances with more than 30 vCPUs (EKS scalability testing). */
export const EKS_MAX_PODS_CAP_ABOVE_30_VCPUS = 250;
/** Above this many vCPUs the higher cap applies. */
export const EKS_MAX_PODS_CAP_VCPU_THRESHOLD = 30;
/** IPv4 addresses in one /28 prefix. */
export const IPV4_ADDRESSES_PER_PREFIX = 16;
/** Host-network pods the formulas add back: aws-node and kube-proxy use the node's address. */
export const HOST_NETWORK_PODS = 2;

/** Which VPC CNI features are on for a node group. */
export interface PodNetworkingOptions {
  /** AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true: pods get addresses from ENIConfig subnets on secondary ENIs only. */
  readonly customNetworking: boolean;
  /** ENABLE_PREFIX_DELEGATION=true: ENIs get /28 prefixes instead of single secondary addresses. */
  readonly prefixDelegation: boolean;
}

/** The four combinations of the two options, named as in the `--json` figures. */
export type PodNetworkingMode =
  'secondaryIp' | 'customNetworking' | 'prefixDelegation' | 'prefixDelegationCustomNetworking';

/** The modes in a stable order: for tables and loops. */
export const POD_NETWORKING_MODES: readonly PodNetworkingMode[] = Object.freeze([
  'secondaryIp',
  'customNetworking',
  'prefixDelegation',
  'prefixDelegationCustomNetworking',
]);

/** Max pods in one mode: what addressing allows and what a kubelet should be given. */
export interface MaxPods {
  /** What the ENI and address limits allow, without the EKS cap (`max-pods-calculator.sh --show-max-allowed`). */
  readonly uncapped: number;
  /** The EKS recommendation: `uncapped` limited to 110 or 250. This is the value for kubelet `maxPods`. */
  readonly capped: number;
}

/**
 * The figures `npm run max-pods -- <type> --json` prints. Exactly these keys.
 *
 * Capping is explicit: `secondaryIp`, `customNetworking`, `prefixDelegation` and `prefixDelegationCustomNetworking`
 * are what IP addressing allows, without the EKS cap (so `secondaryIp` equals the published eni-max-pods.txt value,
 * e.g. 737 for m5.24xlarge). `cappedPrefixDelegation` is the EKS-recommended prefix-mode value, the one a kubelet gets
 * with prefix delegation on (110 for m5.large). Use {@link kubeletMaxPods} for the capped value of any mode.
 */
export interface PodDensityFigures {
  readonly instanceType: string;
  /** Network interfaces on the default network card. */
  readonly enis: number;
  /** IPv4 addresses per interface. */
  readonly ipv4PerEni: number;
  readonly vcpus: number;
  /** Uncapped: ENIs x (IPv4 per ENI - 1) + 2. */
  readonly secondaryIp: number;
  /** Uncapped: (ENIs - 1) x (IPv4 per ENI - 1) + 2. */
  readonly customNetworking: number;
  /** Uncapped: ENIs x ((IPv4 per ENI - 1) x 16) + 2; the secondary-IP figure where prefixes are unsupported. */
  readonly prefixDelegation: number;
  /** Uncapped: (ENIs - 1) x ((IPv4 per ENI - 1) x 16) + 2; the custom-networking figure without prefix support. */
  readonly prefixDelegationCustomNetworking: number;
  /** `prefixDelegation` with the EKS cap applied: the kubelet value with prefix delegation on. */
  readonly cappedPrefixDelegation: number;
}

/** The smallest addressing that gives a number of pods their own IPv4 addresses on one node. */
/** The EKS cap for an instance with this many vCPUs: 110 up to and including 30 vCPUs, 250 above. */
export function eksMaxPodsCap(vcpus: number): number {
  return vcpus > EKS_MAX_PODS_CAP_VCPU_THRESHOLD ? EKS_MAX_PODS_CAP_ABOVE_30_VCPUS : EKS_MAX_PODS_CAP_UP_TO_30_VCPUS;
}

/** The options a mode stands for. */
export function optionsOfMode(mode: PodNetworkingMode): PodNetworkingOptions {
  return {
    customNetworking: mode === 'customNetworking' || mode === 'prefixDelegationCustomNetworking',
    prefixDelegation: mode === 'prefixDelegation' || mode === 'prefixDelegationCustomNetworking',
  };
}

/** The mode a combination of options stands for. */
export function modeOfOptions(options: PodNetworkingOptions): PodNetworkingMode {
  if (options.prefixDelegation) {
    return options.customNetworking ? 'prefixDelegationCustomNetworking' : 'prefixDelegation';
  }
  return options.customNetworking ? 'customNetworking' : 'secondaryIp';
}

/** Max pods for facts of an instance under the given options, uncapped and capped. */
export function maxPodsForFacts(facts: InstanceTypeFacts, options: PodNetworkingOptions): MaxPods {
  const enisCarryingPods = Math.max(0, facts.maxEnis - (options.customNetworking ? 1 : 0));
  const addressesPerEni =
    options.prefixDelegation && supportsPrefixDelegation(facts)
      ? (facts.ipv4PerEni - 1) * IPV4_ADDRESSES_PER_PREFIX
      : facts.ipv4PerEni - 1;
  const uncapped = enisCarryingPods * addressesPerEni + HOST_NETWORK_PODS;
  return { uncapped, capped: Math.min(uncapped, eksMaxPodsCap(facts.vcpus)) };
}

/** Max pods of a known instance type under the given options; throws UnknownInstanceTypeError for an unknown type. */
export function maxPods(instanceType: string, options: PodNetworkingOptions): MaxPods {
  return maxPodsForFacts(lookupInstanceType(instanceType), options);
}

/** Max pods of a known instance type in every mode. */
export function maxPodsByMode(instanceType: string): Readonly<Record<PodNetworkingMode, MaxPods>> {
  const facts = lookupInstanceType(instanceType);
  return {
    secondaryIp: maxPodsForFacts(facts, optionsOfMode('secondaryIp')),
    customNetworking: maxPodsForFacts(facts, optionsOfMode('customNetworking')),
    prefixDelegation: maxPodsForFacts(facts, optionsOfMode('prefixDelegation')),
    prefixDelegationCustomNetworking: maxPodsForFacts(facts, optionsOfMode('prefixDelegationCustomNetworking')),
  };
}

/**
 * The kubelet `maxPods` a node group of this instance type should run with: the EKS-recommended (capped) value for the
 * VPC CNI options its nodes boot with. m5.large: 29, 20 with custom networking, 110 with prefix delegation.
 */
export function kubeletMaxPods(instanceType: string, options: PodNetworkingOptions): number {
  return maxPods(instanceType, options).capped;
}

/** The figures object the CLI prints with `--json`; see {@link PodDensityFigures} for which values are capped. */
export function podDensityFigures(instanceType: string): PodDensityFigures {
  const facts = lookupInstanceType(instanceType);
  const byMode = maxPodsByMode(facts.name);
  return {
    instanceType: facts.name,
    enis: facts.maxEnis,
    ipv4PerEni: facts.ipv4PerEni,
    vcpus: facts.vcpus,
    secondaryIp: byMode.secondaryIp.uncapped,
    customNetworking: byMode.customNetworking.uncapped,
    prefixDelegation: byMode.prefixDelegation.uncapped,
    prefixDelegationCustomNetworking: byMode.prefixDelegationCustomNetworking.uncapped,
    cappedPrefixDelegation: byMode.prefixDelegation.capped,
  };
}

/** Human names of the modes, for tables and CLI output. */
export const MODE_LABELS: Readonly<Record<PodNetworkingMode, string>> = Object.freeze({
  secondaryIp: 'Secondary IPs',
  customNetworking: 'Custom networking',
  prefixDelegation: 'Prefix delegation',
  prefixDelegationCustomNetworking: 'Prefix delegation + custom networking',
});

/**
 * A markdown table of the given instance types in every mode, for the README (generated, never typed by hand). Each
 * cell is the kubelet value (EKS cap applied); when addressing alone would allow more, that figure follows in
 * parentheses. Rows keep the given order; an unknown type throws UnknownInstanceTypeError.
 */
export function renderMaxPodsMarkdownTable(instanceTypes: readonly string[]): string {
  const header = [
    'Instance type',
    'vCPUs',
    'ENIs x IPv4',
    'EKS cap',
    ...POD_NETWORKING_MODES.map((m) => MODE_LABELS[m]),
  ];
  const rows = instanceTypes.map((name) => {
    const facts = lookupInstanceType(name);
    const byMode = maxPodsByMode(name);
    const cells = POD_NETWORKING_MODES.map((mode) => {
      const figures = byMode[mode];
      const value = figures.uncapped > figures.capped ? `${figures.capped} (${figures.uncapped})` : `${figures.capped}`;
      return optionsOfMode(mode).prefixDelegation && !supportsPrefixDelegation(facts) ? `${value} ¹` : value;
    });
    return [
      `\`${facts.name}\``,
      `${facts.vcpus}`,
      `${facts.maxEnis} x ${facts.ipv4PerEni}`,
      `${eksMaxPodsCap(facts.vcpus)}`,
      ...cells,
    ];
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [line(header), line(header.map((_, index) => (index === 0 ? '---' : '---:'))), ...rows.map(line)];
  const notes = [
    '',
    'Values are the kubelet `maxPods` EKS recommends (capped at 110 for 30 vCPUs or fewer, 250 above); a figure in ' +
      'parentheses is what IP addressing alone would allow.',
  ];
  if (instanceTypes.some((name) => !supportsPrefixDelegation(lookupInstanceType(name)))) {
    notes.push('', '¹ Not Nitro-based: the VPC CNI cannot assign prefixes and falls back to secondary IPs.');
  }
  return [...lines, ...notes].join('\n') + '\n';
}
