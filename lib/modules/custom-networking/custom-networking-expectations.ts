import { CUSTOM_NETWORKING_NODE_GROUP } from './custom-networking-node-group';
import { podSubnetCidrs } from './pod-subnet-layout';
import { cidr, cidrContainsAddress, type Ipv4Cidr } from '../../config/ipv4-cidr';
import type { LabConfig } from '../../config/lab-config';
import { LAB_AZ_COUNT } from '../../base/lab-vpc';
import { renderCfnValue } from '../../verify/cfn-template';
import { vpcCniEnvExpectation } from '../../verify/expectations/vpc-cni-env';
import type { CheckOutcome, CommandResult, LabExpectation } from '../../verify/lab-expectation';
import { resolveTemplates, resourcesOfType } from '../../verify/nested-stack-parameters';
import {
  cidrWithin,
  describePodAddressSources,
  nodeGroupPodsUse,
  nodeGroupsForPod,
  podAddressingFacts,
  podAddressSources,
} from '../../verify/pod-address-sources';
import { findKubernetesObjects, type SynthesizedOutput } from '../../verify/synthesized-lab';
import { APP_SERVICES } from '../../../manifests/retail-app/retail-app-components';
import { appServiceSelector } from '../../../manifests/retail-app/retail-app-selectors';
import { ZONE_LABEL } from '../../../manifests/well-known-labels';
import { LAB_CREATED_BY, LAB_TAG_KEYS } from '../../base/lab-tags';
import { aws, commandJson, kubectl, labelSelector } from '../../verify/live/live-commands';
import {
  kubeItems,
  type NodeJson as KubeNodeJson,
  nodeName,
  type PodJson as KubePodJson,
  podName,
} from '../../verify/live/kube-objects';
import { NODE_GROUP_LABEL } from '../../node-groups/node-group-plan';

export const MODULE = 'custom-networking';

/** The VPC CNI settings of the lab (workshop: `kubectl set env daemonset aws-node ...`, here through the add-on). */
export const CUSTOM_NETWORKING_VPC_CNI_ENV = {
  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
  ENI_CONFIG_LABEL_DEF: ZONE_LABEL,
} as const;

const WORKSHOP = 'eks-workshop-v2 website/docs/networking/vpc-cni/custom-networking';

/** Pod subnets: the secondary CIDR's subnets, each next to the private subnet of the same zone and route table. */
function checkPodSubnets(lab: SynthesizedOutput, config: LabConfig): CheckOutcome {
  const secondary = config.secondaryCidr.text;
  const facts = podAddressingFacts(lab.templates);
  const expected = podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT).map((cidr) => cidr.text);
  const podSubnets = facts.subnets.filter((subnet) => cidrWithin(subnet.cidr, secondary));
  const routeTableOf = new Map(
    resourcesOfType(resolveTemplates(lab.templates), 'AWS::EC2::SubnetRouteTableAssociation').map(({ resource }) => [
      renderCfnValue(resource.Properties?.SubnetId),
      renderCfnValue(resource.Properties?.RouteTableId),
    ]),
  );
  const problems: string[] = [];
  if (!facts.secondaryCidrs.includes(secondary)) problems.push(`${secondary} is not associated with the VPC`);
  const found = podSubnets.map((subnet) => subnet.cidr).sort();
  if (JSON.stringify(found) !== JSON.stringify([...expected].sort())) {
    problems.push(`pod subnets ${found.join(', ') || 'none'}, expected ${expected.join(', ')}`);
  }
  for (const podSubnet of podSubnets) {
    const neighbour = facts.subnets.find(
      (subnet) =>
        subnet !== podSubnet &&
        subnet.availabilityZone === podSubnet.availabilityZone &&
        !cidrWithin(subnet.cidr, secondary) &&
        routeTableOf.get(subnet.id) !== undefined &&
        routeTableOf.get(subnet.id) === routeTableOf.get(podSubnet.id),
    );
    if (!neighbour) problems.push(`${podSubnet.cidr} shares no zone and route table with a subnet of the primary CIDR`);
  }
  return {
    pass: problems.length === 0,
    actual:
      problems.length === 0
        ? `${found.join(', ')} in ${secondary}, each routed like its zone's subnet`
        : problems.join('; '),
  };
}

function checkEniConfigs(lab: SynthesizedOutput): CheckOutcome {
  const facts = podAddressingFacts(lab.templates);
  const problems: string[] = [];
  const subnetById = new Map(facts.subnets.map((subnet) => [subnet.id, subnet]));
  for (const eniConfig of facts.eniConfigs) {
    const subnet = subnetById.get(eniConfig.subnetId);
    if (!subnet) problems.push(`ENIConfig ${eniConfig.name} names unknown subnet ${eniConfig.subnetId}`);
    else if (subnet.availabilityZone !== eniConfig.name)
      problems.push(`ENIConfig ${eniConfig.name} names a subnet in ${subnet.availabilityZone}`);
    if (eniConfig.securityGroups.length === 0) problems.push(`ENIConfig ${eniConfig.name} has no security group`);
  }
  const zones = new Set(
    facts.subnets
      .filter((subnet) => facts.secondaryCidrs.some((cidr) => cidrWithin(subnet.cidr, cidr)))
      .map((subnet) => subnet.availabilityZone),
  );
  for (const zone of zones) {
    if (!facts.eniConfigs.some((eniConfig) => eniConfig.name === zone)) problems.push(`no ENIConfig for ${zone}`);
  }
  return {
    pass: problems.length === 0 && facts.eniConfigs.length === LAB_AZ_COUNT,
    actual:
      `${facts.eniConfigs.length} ENIConfigs (${facts.eniConfigs.map((eniConfig) => eniConfig.name).join(', ')})` +
      (problems.length > 0 ? `: ${problems.join('; ')}` : ''),
  };
}

interface ListJson<T> {
  readonly items?: readonly T[];
}
interface EniConfigJson {
  readonly metadata?: { readonly name?: string };
  readonly spec?: { readonly subnet?: string; readonly securityGroups?: readonly string[] };
}
interface NodeJson {
  readonly metadata?: { readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
}
interface PodJson {
  readonly metadata?: { readonly name?: string };
  readonly spec?: { readonly nodeName?: string };
  readonly status?: { readonly phase?: string; readonly podIP?: string; readonly hostIP?: string };
}

export function interpretEniConfigs(results: readonly CommandResult[]): CheckOutcome {
  const eniConfigs = commandJson<ListJson<EniConfigJson>>(results[0], 'kubectl');
  if (typeof eniConfigs === 'string') return { pass: false, actual: eniConfigs };
  const nodes = commandJson<ListJson<NodeJson>>(results[1], 'kubectl');
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const names = (eniConfigs.items ?? []).map((item) => item.metadata?.name ?? '');
  const incomplete = (eniConfigs.items ?? []).filter(
    (item) => !item.spec?.subnet || (item.spec.securityGroups ?? []).length === 0,
  );
  const zones = [
    ...new Set((nodes.items ?? []).map((node) => node.metadata?.labels?.[ZONE_LABEL] ?? '(no zone label)')),
  ];
  const uncovered = zones.filter((zone) => !names.includes(zone));
  const problems = [
    ...(names.length === LAB_AZ_COUNT ? [] : [`${names.length} ENIConfigs, expected ${LAB_AZ_COUNT}`]),
    ...incomplete.map((item) => `ENIConfig ${item.metadata?.name} lacks a subnet or security group`),
    ...uncovered.map((zone) => `nodes in ${zone} have no ENIConfig`),
  ];
  return {
    pass: problems.length === 0,
    actual:
      `ENIConfigs ${names.join(', ') || 'none'}; node zones ${zones.join(', ') || 'none'}` +
      (problems.length ? `: ${problems.join('; ')}` : ''),
  };
}

export function interpretCheckoutPods(results: readonly CommandResult[], secondaryCidr: string): CheckOutcome {
  const pods = commandJson<ListJson<PodJson>>(results[0], 'kubectl');
  if (typeof pods === 'string') return { pass: false, actual: pods };
  const running = (pods.items ?? []).filter((pod) => pod.status?.phase === 'Running');
  if (running.length === 0) return { pass: false, actual: 'no running checkout pod' };
  const block = cidr(secondaryCidr);
  const lines = running.map((pod) => `${pod.metadata?.name}: pod ${pod.status?.podIP}, node ${pod.status?.hostIP}`);
  const pass = running.every(
    (pod) =>
      pod.status?.podIP !== undefined &&
      cidrContainsAddress(block, pod.status.podIP) &&
      (pod.status.hostIP === undefined || !cidrContainsAddress(block, pod.status.hostIP)),
  );
  return { pass, actual: lines.join('; ') };
}

export function interpretVpcCidrBlocks(results: readonly CommandResult[], secondaryCidr: string): CheckOutcome {
  const associations = commandJson<readonly { CidrBlock?: string; CidrBlockState?: { State?: string } }[]>(
    results[0],
    'aws',
  );
  if (typeof associations === 'string') return { pass: false, actual: associations };
  const found = associations.map((entry) => `${entry.CidrBlock} ${entry.CidrBlockState?.State}`);
  const pass = associations.some(
    (entry) => entry.CidrBlock === secondaryCidr && entry.CidrBlockState?.State === 'associated',
  );
  return { pass, actual: found.join(', ') || 'no VPC found by the lab tags' };
}

interface SubnetJson {
  readonly SubnetId?: string;
  readonly CidrBlock?: string;
  readonly AvailabilityZone?: string;
  readonly VpcId?: string;
  readonly State?: string;
}

interface CfnTagJson {
  readonly Key?: unknown;
  readonly Value?: unknown;
}

/** The lab's tags as the workshop looks subnets up by them (`created-by`, `env`). */
function labTags(clusterName: string): Readonly<Record<string, string>> {
  return { [LAB_TAG_KEYS.createdBy]: LAB_CREATED_BY, [LAB_TAG_KEYS.env]: clusterName };
}

/** Offline: the synthesized subnets of the secondary CIDR are the planned pod subnets and carry the lab's tags. */
export function checkPodSubnetTags(lab: SynthesizedOutput, config: LabConfig): CheckOutcome {
  const secondary = config.secondaryCidr.text;
  const expected = podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT).map((block) => block.text);
  const wanted = labTags(config.clusterName);
  const podSubnets = resourcesOfType(resolveTemplates(lab.templates), 'AWS::EC2::Subnet')
    .map(({ resource }) => ({
      cidr: renderCfnValue(resource.Properties?.CidrBlock),
      tags: Object.fromEntries(
        ((resource.Properties?.Tags ?? []) as CfnTagJson[]).map((tag) => [
          renderCfnValue(tag.Key),
          renderCfnValue(tag.Value),
        ]),
      ),
    }))
    .filter((subnet) => cidrWithin(subnet.cidr, secondary));
  const untagged = podSubnets.filter((subnet) =>
    Object.entries(wanted).some(([key, value]) => subnet.tags[key] !== value),
  );
  const found = podSubnets.map((subnet) => subnet.cidr).sort();
  const problems = [
    ...(JSON.stringify(found) === JSON.stringify([...expected].sort())
      ? []
      : [`pod subnets ${found.join(', ') || 'none'}, expected ${expected.join(', ')}`]),
    ...untagged.map((subnet) => `${subnet.cidr} lacks ${labelSelector(wanted)}`),
  ];
  return {
    pass: problems.length === 0,
    actual: problems.length === 0 ? `${found.join(', ')}, tagged ${labelSelector(wanted)}` : problems.join('; '),
  };
}

/**
 * Live: among the subnets the lab's tags find (workshop step 2), the secondary CIDR's are exactly the planned pod
 * subnets, available, one per zone, in the VPC of the lab's primary subnets.
 */
export function interpretPodSubnets(result: CommandResult | undefined, config: LabConfig): CheckOutcome {
  const output = commandJson<{ Subnets?: readonly SubnetJson[] }>(result, 'aws');
  if (typeof output === 'string') return { pass: false, actual: output };
  const subnets = output.Subnets ?? [];
  const within = (block: Ipv4Cidr) => (subnet: SubnetJson) =>
    subnet.CidrBlock !== undefined && cidrWithin(subnet.CidrBlock, block.text);
  const podSubnets = subnets.filter(within(config.secondaryCidr));
  const labVpcs = [...new Set(subnets.filter(within(config.vpcCidr)).map((subnet) => subnet.VpcId))];
  const expected = podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT).map((block) => block.text);
  const found = podSubnets.map((subnet) => subnet.CidrBlock ?? '').sort();
  const zones = new Set(podSubnets.map((subnet) => subnet.AvailabilityZone));
  const problems = [
    ...(JSON.stringify(found) === JSON.stringify([...expected].sort()) ? [] : [`expected ${expected.join(', ')}`]),
    ...podSubnets
      .filter((subnet) => subnet.State !== 'available')
      .map((subnet) => `${subnet.CidrBlock} is ${subnet.State ?? 'in no state'}`),
    ...(zones.size === podSubnets.length ? [] : ['two pod subnets share an Availability Zone']),
    ...(labVpcs.length === 1
      ? podSubnets
          .filter((subnet) => subnet.VpcId !== labVpcs[0])
          .map((subnet) => `${subnet.CidrBlock} is in ${subnet.VpcId}, not the lab VPC ${labVpcs[0]}`)
      : [`the lab tags find subnets of ${config.vpcCidr.text} in ${labVpcs.length} VPCs`]),
  ];
  const described = podSubnets.map((subnet) => `${subnet.CidrBlock} ${subnet.AvailabilityZone} ${subnet.SubnetId}`);
  return {
    pass: problems.length === 0,
    actual:
      `${subnets.length} subnets carry the lab tags; pod subnets: ${described.join(', ') || 'none'}` +
      (problems.length > 0 ? `: ${problems.join('; ')}` : ''),
  };
}

/**
 * Live: every running pod on the node group's nodes that does not share the node's network namespace has an
 * address from the secondary CIDR (host-network pods such as aws-node and kube-proxy keep the node's address).
 */
export function interpretNodeGroupPodAddresses(
  results: readonly CommandResult[],
  nodeGroup: string,
  secondaryCidr: string,
): CheckOutcome {
  const nodes = kubeItems<KubeNodeJson>(results[0]);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const pods = kubeItems<KubePodJson>(results[1]);
  if (typeof pods === 'string') return { pass: false, actual: pods };
  if (nodes.length === 0) return { pass: false, actual: `no node of node group ${nodeGroup}` };
  const names = new Set(nodes.map(nodeName));
  const podNetwork = pods.filter(
    (pod) =>
      names.has(pod.spec?.nodeName ?? '') &&
      pod.spec?.hostNetwork !== true &&
      pod.status?.phase === 'Running' &&
      pod.status.podIP !== undefined,
  );
  if (podNetwork.length === 0)
    return { pass: false, actual: `no running pod with its own address on ${[...names].join(', ')}` };
  const block = cidr(secondaryCidr);
  const outside = podNetwork.filter((pod) => !cidrContainsAddress(block, pod.status?.podIP ?? ''));
  return {
    pass: outside.length === 0,
    actual:
      outside.length === 0
        ? `${podNetwork.length} pod(s) on ${[...names].join(', ')}, all in ${secondaryCidr}: ` +
          podNetwork.map((pod) => `${podName(pod)} ${pod.status?.podIP}`).join(', ')
        : `outside ${secondaryCidr}: ${outside.map((pod) => `${podName(pod)} ${pod.status?.podIP}`).join(', ')}`,
  };
}

/** What `npm run verify` checks for the custom networking module. */
export function customNetworkingExpectations(config: LabConfig): LabExpectation[] {
  const secondary = config.secondaryCidr.text;
  const nodeGroup = CUSTOM_NETWORKING_NODE_GROUP.name;
  const checkout = APP_SERVICES.checkout;
  const checkoutSelector = appServiceSelector('checkout');
  return [
    vpcCniEnvExpectation({
      module: MODULE,
      name: 'vpc-cni-settings',
      settings: CUSTOM_NETWORKING_VPC_CNI_ENV,
      source: `${WORKSHOP}, steps 4 and 6 (kubectl set env daemonset aws-node, here through the add-on configuration)`,
    }),
    {
      id: `${MODULE}/secondary-cidr-subnets`,
      module: MODULE,
      subject: `VPC CIDR ${secondary} and its pod subnets`,
      expected: `associated; ${podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT)
        .map((cidr) => cidr.text)
        .join(', ')} routed like the private subnets`,
      source: `${WORKSHOP}/vpc.md, steps 1 and 2 (describe-vpcs, describe-subnets)`,
      checkOffline: (lab) => checkPodSubnets(lab, config),
      live: {
        commands: (context) => [
          aws(
            'ec2',
            'describe-vpcs',
            '--filters',
            `Name=tag:${LAB_TAG_KEYS.createdBy},Values=${LAB_CREATED_BY}`,
            `Name=tag:${LAB_TAG_KEYS.env},Values=${context.clusterName}`,
            '--query',
            'Vpcs[].CidrBlockAssociationSet[]',
            '--output',
            'json',
          ),
        ],
        interpret: (results) => interpretVpcCidrBlocks(results, secondary),
      },
    },
    {
      id: `${MODULE}/pod-subnets-tagged`,
      module: MODULE,
      subject: `pod subnets of ${secondary} (found by the lab tags)`,
      expected: `${podSubnetCidrs(config.secondaryCidr, LAB_AZ_COUNT)
        .map((block) => block.text)
        .join(', ')}, available, one per Availability Zone, in the lab VPC`,
      source: `${WORKSHOP}/vpc.md, step 2 (aws ec2 describe-subnets --filters "Name=tag:created-by,Values=eks-workshop-v2")`,
      checkOffline: (lab) => checkPodSubnetTags(lab, config),
      live: {
        commands: (context) => [
          aws(
            'ec2',
            'describe-subnets',
            '--filters',
            ...Object.entries(labTags(context.clusterName)).map(([key, value]) => `Name=tag:${key},Values=${value}`),
            '--output',
            'json',
          ),
        ],
        interpret: (results) => interpretPodSubnets(results[0], config),
      },
    },
    {
      id: `${MODULE}/eniconfig-per-az`,
      module: MODULE,
      subject: 'ENIConfigs',
      expected: `${LAB_AZ_COUNT} ENIConfigs named after the Availability Zones, each with its zone's pod subnet and the cluster security group`,
      source: `${WORKSHOP}, step 5 (kubectl get ENIConfigs)`,
      checkOffline: checkEniConfigs,
      live: {
        commands: () => [
          kubectl('get', 'eniconfigs.crd.k8s.amazonaws.com', '-o', 'json'),
          kubectl('get', 'nodes', '-o', 'json'),
        ],
        interpret: interpretEniConfigs,
      },
    },
    {
      id: `${MODULE}/pod-address-sources`,
      module: MODULE,
      subject: `pods of node group ${nodeGroup}`,
      expected: `addresses from the pod subnets in ${secondary} in every Availability Zone`,
      source: 'VPC CNI README (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, ENI_CONFIG_LABEL_DEF)',
      checkOffline(lab) {
        const sources = podAddressSources(podAddressingFacts(lab.templates));
        return {
          pass: nodeGroupPodsUse(sources, nodeGroup, secondary),
          actual: nodeGroupPodsUse(sources, nodeGroup, secondary)
            ? `all from ${secondary}`
            : 'not all from the secondary CIDR',
          notes: describePodAddressSources(sources),
        };
      },
      live: {
        commands: () => [
          kubectl('get', 'nodes', '-l', labelSelector({ [NODE_GROUP_LABEL]: nodeGroup }), '-o', 'json'),
          // Running pods only: finished pods keep a stale address and there may be many pause pods otherwise.
          kubectl('get', 'pods', '-A', '--field-selector=status.phase=Running', '-o', 'json'),
        ],
        interpret: (results) => interpretNodeGroupPodAddresses(results, nodeGroup, secondary),
      },
    },
    {
      id: `${MODULE}/checkout-pod-address`,
      module: MODULE,
      subject: `checkout pod (namespace ${checkout.namespace})`,
      expected: `runs on node group ${nodeGroup} with an address in ${secondary}; its node keeps a primary-CIDR address`,
      source: `${WORKSHOP}, step 10 (kubectl get pods -n checkout -o wide)`,
      checkOffline(lab) {
        const [deployment] = findKubernetesObjects(lab, 'Deployment', checkout.name, checkout.namespace);
        if (!deployment) return { pass: false, actual: 'no checkout Deployment is deployed' };
        const podSpec = (
          deployment.spec as
            { template?: { spec?: { nodeSelector?: Record<string, string>; tolerations?: [] } } } | undefined
        )?.template?.spec;
        const facts = podAddressingFacts(lab.templates);
        const sources = podAddressSources(facts);
        const candidates = nodeGroupsForPod(facts.nodeGroups, podSpec?.nodeSelector ?? {}, podSpec?.tolerations ?? []);
        // Pinned: custom-networking is the only node group the pod fits, and that group's pods use the secondary CIDR.
        const pass =
          candidates.length === 1 && candidates[0] === nodeGroup && nodeGroupPodsUse(sources, nodeGroup, secondary);
        return {
          pass,
          actual: `schedulable on ${candidates.join(', ') || 'no node group'}`,
          notes: describePodAddressSources(sources.filter((source) => candidates.includes(source.nodeGroup))),
        };
      },
      live: {
        commands: () => [
          kubectl('get', 'pods', '-n', checkout.namespace, '-l', labelSelector(checkoutSelector), '-o', 'json'),
        ],
        interpret: (results) => interpretCheckoutPods(results, secondary),
      },
    },
  ];
}
