/**
 * Where each node group's pods get their IPv4 addresses, read from synthesized template JSON (no constructs).
 *
 * The VPC CNI rules this follows (aws/amazon-vpc-cni-k8s README, "CNI Configuration Variables", and the EKS user guide,
 * https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html):
 * - Without `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`, ipamd creates pod ENIs in the subnet of the node's primary ENI.
 * - With it, the setting applies to every node the `aws-node` DaemonSet runs on: ipamd creates secondary ENIs in the
 *   subnet of the node's ENIConfig and never gives pods addresses of the primary ENI. The ENIConfig is the one named
 *   by the value of the node label `ENI_CONFIG_LABEL_DEF` (default `k8s.amazonaws.com/eniConfig`, else `default`);
 *   with `topology.kubernetes.io/zone` that is the node's Availability Zone. Its subnet must be in that zone. Without a
 *   matching ENIConfig, ipamd cannot attach pod ENIs (pkg/ipamd/ipamd.go, tryAllocateENI: "Failed to get pod ENI
 *   config").
 */
import { type CfnResourceJson, type LabTemplate, renderCfnValue } from './cfn-template';
import { resolveTemplates, resourcesOfType } from './nested-stack-parameters';
import { vpcCniEnv, synthesizedVpcCniAddon } from './vpc-cni-addon';
import { cidrContains, parseIpv4Cidr } from '../config/ipv4-cidr';
import { KUBERNETES_MANIFEST_TYPE } from '../eks-custom-resource-types';
import { NODEGROUP_NAME_LABEL, ZONE_LABEL } from '../../manifests/well-known-labels';
import { labNodeGroupName } from './node-group-resources';

/** The VPC CNI's default `ENI_CONFIG_LABEL_DEF`. */
export const DEFAULT_ENI_CONFIG_LABEL = 'k8s.amazonaws.com/eniConfig';
const ZONE_LABELS = [ZONE_LABEL, 'failure-domain.beta.kubernetes.io/zone'];

export interface SubnetFacts {
  /** Rendered subnet ID (`${Ref:<logical id>}`). */
  readonly id: string;
  readonly cidr: string;
  /** Rendered Availability Zone (`${Select:0:GetAZs}` in an environment-agnostic stack). */
  readonly availabilityZone: string;
}

export interface NodeGroupTaintFacts {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

export interface NodeGroupFacts {
  /** The lab's name of the group (its node group label). */
  readonly name: string;
  /** The EKS node group name (the `eks.amazonaws.com/nodegroup` label of its nodes). */
  readonly eksName: string;
  readonly subnetIds: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeGroupTaintFacts[];
  readonly instanceTypes: readonly string[];
}

export interface EniConfigFacts {
  readonly name: string;
  readonly subnetId: string;
  readonly securityGroups: readonly string[];
}

/** Everything the analysis reads, extracted from the templates (cross-stack references resolved). */
export interface PodAddressingFacts {
  readonly customNetworking: boolean;
  readonly eniConfigLabel: string;
  readonly subnets: readonly SubnetFacts[];
  readonly nodeGroups: readonly NodeGroupFacts[];
  readonly eniConfigs: readonly EniConfigFacts[];
  /** CIDR blocks associated with the VPC besides its primary one (`AWS::EC2::VPCCidrBlock`). */
  readonly secondaryCidrs: readonly string[];
}

/** Where the pods of one node group in one Availability Zone get their addresses. */
export interface PodAddressSource {
  readonly nodeGroup: string;
  readonly availabilityZone: string;
  /** The subnet the node itself (its primary ENI) is in. */
  readonly nodeSubnet: SubnetFacts;
  readonly mode: 'node-subnet' | 'eniconfig';
  /** The ENIConfig the nodes select (custom networking only). */
  readonly eniConfig?: string;
  /** The subnet pod addresses come from; undefined when custom networking finds no usable ENIConfig. */
  readonly podSubnet?: SubnetFacts;
  /** Why pods of these nodes cannot get addresses, when they cannot. */
  readonly problem?: string;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, renderCfnValue(item)]),
  );
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function manifestObjects(resource: CfnResourceJson): Record<string, unknown>[] {
  const manifest = resource.Properties?.Manifest;
  if (manifest === undefined) return [];
  return JSON.parse(renderCfnValue(manifest)) as Record<string, unknown>[];
}

/** Reads the facts from synthesized templates (root first, then nested stacks, as `SynthesizedOutput.templates`). */
export function podAddressingFacts(templates: readonly LabTemplate[]): PodAddressingFacts {
  const resolved = resolveTemplates(templates);
  const addon = synthesizedVpcCniAddon(resolved);
  const env = addon ? vpcCniEnv(addon.configuration) : {};
  const subnets = resourcesOfType(resolved, 'AWS::EC2::Subnet').map(({ logicalId, resource }) => ({
    id: renderCfnValue({ Ref: logicalId }),
    cidr: renderCfnValue(resource.Properties?.CidrBlock),
    availabilityZone: renderCfnValue(resource.Properties?.AvailabilityZone),
  }));
  const nodeGroups = resourcesOfType(resolved, 'AWS::EKS::Nodegroup').map(({ resource }) => {
    const properties = resource.Properties ?? {};
    return {
      name: labNodeGroupName(resource),
      eksName: renderCfnValue(properties.NodegroupName),
      subnetIds: list(properties.Subnets).map(renderCfnValue),
      labels: stringRecord(properties.Labels),
      taints: list(properties.Taints).map((taint) => {
        const fields = stringRecord(taint);
        return { key: fields.Key ?? '', value: fields.Value, effect: fields.Effect ?? '' };
      }),
      instanceTypes: list(properties.InstanceTypes).map(renderCfnValue),
    };
  });
  const eniConfigs = resourcesOfType(resolved, KUBERNETES_MANIFEST_TYPE)
    .flatMap(({ resource }) => manifestObjects(resource))
    .filter((object) => object.kind === 'ENIConfig')
    .map((object) => {
      const spec = (object.spec ?? {}) as { subnet?: string; securityGroups?: string[] };
      return {
        name: String((object.metadata as { name?: string } | undefined)?.name ?? ''),
        subnetId: spec.subnet ?? '',
        securityGroups: spec.securityGroups ?? [],
      };
    });
  const secondaryCidrs = resourcesOfType(resolved, 'AWS::EC2::VPCCidrBlock').map(({ resource }) =>
    renderCfnValue(resource.Properties?.CidrBlock),
  );
  return {
    customNetworking: env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG === 'true',
    eniConfigLabel: env.ENI_CONFIG_LABEL_DEF ?? DEFAULT_ENI_CONFIG_LABEL,
    subnets,
    nodeGroups,
    eniConfigs,
    secondaryCidrs,
  };
}

/** The ENIConfig name a node selects (annotations cannot be set on managed node groups, so labels decide). */
function eniConfigNameFor(nodeGroup: NodeGroupFacts, availabilityZone: string, labelKey: string): string {
  if (ZONE_LABELS.includes(labelKey)) return availabilityZone;
  return nodeGroup.labels[labelKey] ?? 'default';
}

/** For every node group and each of its subnets: where its pods' addresses come from. */
export function podAddressSources(facts: PodAddressingFacts): PodAddressSource[] {
  const subnetById = new Map(facts.subnets.map((subnet) => [subnet.id, subnet]));
  return facts.nodeGroups.flatMap((nodeGroup) =>
    nodeGroup.subnetIds.map((subnetId): PodAddressSource => {
      const nodeSubnet = subnetById.get(subnetId) ?? { id: subnetId, cidr: 'unknown', availabilityZone: 'unknown' };
      const base = { nodeGroup: nodeGroup.name, availabilityZone: nodeSubnet.availabilityZone, nodeSubnet };
      if (!facts.customNetworking) return { ...base, mode: 'node-subnet', podSubnet: nodeSubnet };
      const eniConfigName = eniConfigNameFor(nodeGroup, nodeSubnet.availabilityZone, facts.eniConfigLabel);
      const eniConfig = facts.eniConfigs.find((candidate) => candidate.name === eniConfigName);
      if (!eniConfig) {
        return { ...base, mode: 'eniconfig', eniConfig: eniConfigName, problem: `no ENIConfig named ${eniConfigName}` };
      }
      const podSubnet = subnetById.get(eniConfig.subnetId);
      if (!podSubnet) {
        return {
          ...base,
          mode: 'eniconfig',
          eniConfig: eniConfigName,
          problem: `ENIConfig ${eniConfigName} names subnet ${eniConfig.subnetId}, which the lab does not create`,
        };
      }
      if (podSubnet.availabilityZone !== nodeSubnet.availabilityZone) {
        return {
          ...base,
          mode: 'eniconfig',
          eniConfig: eniConfigName,
          podSubnet,
          problem: `ENIConfig ${eniConfigName} names a subnet in ${podSubnet.availabilityZone}, not the node's ${nodeSubnet.availabilityZone}`,
        };
      }
      return { ...base, mode: 'eniconfig', eniConfig: eniConfigName, podSubnet };
    }),
  );
}

/** Whether an IPv4 CIDR lies inside another (false when either is not a literal CIDR). */
export function cidrWithin(inner: string, outer: string): boolean {
  const innerCidr = parseIpv4Cidr(inner);
  const outerCidr = parseIpv4Cidr(outer);
  return typeof innerCidr !== 'string' && typeof outerCidr !== 'string' && cidrContains(outerCidr, innerCidr);
}

/** Whether every pod of the node group gets its address from inside `cidr` (no problems, every AZ). */
export function nodeGroupPodsUse(sources: readonly PodAddressSource[], nodeGroup: string, cidr: string): boolean {
  const mine = sources.filter((source) => source.nodeGroup === nodeGroup);
  return (
    mine.length > 0 &&
    mine.every((source) => !source.problem && source.podSubnet !== undefined && cidrWithin(source.podSubnet.cidr, cidr))
  );
}

export interface PodToleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
}

const REPELLING_EFFECTS = ['NO_SCHEDULE', 'NO_EXECUTE', 'NoSchedule', 'NoExecute'];

function tolerates(tolerations: readonly PodToleration[], taint: NodeGroupTaintFacts): boolean {
  const effect = taint.effect.replace('NO_SCHEDULE', 'NoSchedule').replace('NO_EXECUTE', 'NoExecute');
  return tolerations.some(
    (toleration) =>
      (toleration.effect === undefined || toleration.effect === effect) &&
      ((toleration.operator === 'Exists' && (toleration.key === undefined || toleration.key === taint.key)) ||
        (toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? ''))),
  );
}

/** The node groups a pod with this nodeSelector and these tolerations can be scheduled on. */
export function nodeGroupsForPod(
  nodeGroups: readonly NodeGroupFacts[],
  nodeSelector: Readonly<Record<string, string>>,
  tolerations: readonly PodToleration[] = [],
): string[] {
  return nodeGroups
    .filter((nodeGroup) => {
      const labels: Record<string, string> = { ...nodeGroup.labels, [NODEGROUP_NAME_LABEL]: nodeGroup.eksName };
      const selected = Object.entries(nodeSelector).every(([key, value]) => labels[key] === value);
      const repelled = nodeGroup.taints.some(
        (taint) => REPELLING_EFFECTS.includes(taint.effect) && !tolerates(tolerations, taint),
      );
      return selected && !repelled;
    })
    .map((nodeGroup) => nodeGroup.name);
}

/** One line per node group and zone, for reports. */
export function describePodAddressSources(sources: readonly PodAddressSource[]): string[] {
  return sources.map((source) => {
    const where = `${source.nodeGroup} in ${source.availabilityZone} (node subnet ${source.nodeSubnet.cidr})`;
    if (source.problem) return `${where}: pods get no addresses, ${source.problem}`;
    if (source.mode === 'node-subnet') return `${where}: pods use the node subnet ${source.nodeSubnet.cidr}`;
    return `${where}: pods use ${source.podSubnet?.cidr} through ENIConfig ${source.eniConfig}`;
  });
}
