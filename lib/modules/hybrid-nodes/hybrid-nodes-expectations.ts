import { remoteNodeSubnetCidr } from './remote-network';
import { ciliumValues } from './hybrid-nodes-helm-values';
import { NGINX_REMOTE, SSM_NODE_NAME_PREFIX } from '../../../manifests/hybrid-nodes/hybrid-nodes-names';
import { CILIUM_PART } from '../../third-party/cilium-part';
import { helmReleaseOf } from '../../third-party/helm-release-of';

const CILIUM_CHART = helmReleaseOf(CILIUM_PART);
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../../../manifests/well-known-labels';
import { type Ipv4Cidr, numberToIpv4 } from '../../config/ipv4-cidr';
import { isModuleEnabled, type LabConfig } from '../../config/lab-config';
import { CfnStackGraph } from '../../verify/cfn-stack-references';
import { DeployOrder } from '../../verify/deploy-order';
import { routeExpectation } from '../../verify/expectations/route-expectation';
import type { CheckOutcome, CommandResult, LabExpectation, LiveCommand } from '../../verify/lab-expectation';
import { findKubernetesObjects, type SynthesizedLab } from '../../verify/synthesized-lab';
import { commandJson, kubectl } from '../../verify/live/live-commands';

const MODULE = 'hybrid-nodes';
const WORKSHOP = 'workshop eks-hybrid-nodes';
const HYBRID_SELECTOR = `${COMPUTE_TYPE_LABEL}=${HYBRID_COMPUTE_TYPE}`;

/** An address inside a block (its tenth), standing for "a pod" or "a node" there. */
function sampleAddress(block: Ipv4Cidr): string {
  return numberToIpv4(block.network + 10);
}

/** Name tag of the hybrid node host (workshop `${cluster}-hybrid-node-01`). */
export function hybridNodeName(config: LabConfig): string {
  return `${config.clusterName}-hybrid-node-01`;
}

interface KubeList {
  readonly items?: readonly {
    readonly metadata?: { readonly name?: string; readonly labels?: Record<string, string> };
    readonly spec?: { readonly nodeName?: string };
    readonly status?: {
      readonly phase?: string;
      readonly conditions?: readonly { readonly type?: string; readonly status?: string }[];
    };
  }[];
}

const getHybridNodes: LiveCommand = kubectl('get', 'nodes', '-l', HYBRID_SELECTOR, '-o', 'json');

function hybridNodeNames(result: CommandResult | undefined): string[] | string {
  const nodes = commandJson<KubeList>(result, 'kubectl');
  if (typeof nodes === 'string') return nodes;
  return (nodes.items ?? []).map((node) => node.metadata?.name ?? '');
}

/** Live: pods selected by the command all run on hybrid nodes (at least `min`) or on none of them. */
function podsOnHybridNodes(
  podsResult: CommandResult | undefined,
  nodesResult: CommandResult | undefined,
  want: 'all' | 'none',
  min: number,
): CheckOutcome {
  const nodes = hybridNodeNames(nodesResult);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const pods = commandJson<KubeList>(podsResult, 'kubectl');
  if (typeof pods === 'string') return { pass: false, actual: pods };
  const items = pods.items ?? [];
  const onHybrid = items.filter((pod) => nodes.includes(pod.spec?.nodeName ?? ''));
  const running = onHybrid.filter((pod) => pod.status?.phase === 'Running');
  const actual = `${items.length} pod(s), ${onHybrid.length} on hybrid node(s) ${nodes.join(', ') || '(none registered)'}, ${running.length} of those Running`;
  if (want === 'none') return { pass: onHybrid.length === 0 && nodes.length > 0, actual };
  return { pass: nodes.length > 0 && items.length >= min && running.length === items.length, actual };
}

function hostJoinsAfterIdentity(lab: SynthesizedLab, config: LabConfig): CheckOutcome {
  const graph = new CfnStackGraph(lab.templates);
  const order = new DeployOrder(lab.templates);
  const accessEntries = graph
    .resourcesOfType('AWS::EKS::AccessEntry')
    .filter(({ resource }) => resource.Properties?.Type === 'HYBRID_LINUX');
  const hosts = graph
    .resourcesOfType('AWS::EC2::Instance')
    .filter(({ resource }) =>
      ((resource.Properties?.Tags ?? []) as { Key?: string; Value?: unknown }[]).some(
        (tag) => tag.Key === 'Name' && tag.Value === hybridNodeName(config),
      ),
    );
  if (hosts.length !== 1)
    return { pass: false, actual: `${hosts.length} instances tagged Name=${hybridNodeName(config)}` };
  const host = hosts[0].address;
  const activations = graph.resourcesOfType('Custom::SsmHybridActivation');
  const missing = [
    ...(accessEntries.length === 1 ? [] : [`exactly one HYBRID_LINUX access entry (found ${accessEntries.length})`]),
    ...(accessEntries.length === 1 && !order.createdAfter(host, accessEntries[0].address)
      ? ['created after the HYBRID_LINUX access entry']
      : []),
    ...(activations.length === 1 && order.createdAfter(host, activations[0].address)
      ? []
      : ['created after the SSM hybrid activation']),
  ];
  return missing.length === 0
    ? { pass: true, actual: `${host.logicalId} boots after its activation and the HYBRID_LINUX access entry` }
    : { pass: false, actual: `host ${host.logicalId} is not ${missing.join(', ')}` };
}

function ciliumAsTheLab(lab: SynthesizedLab, config: LabConfig): CheckOutcome {
  const releases = lab.helmReleases.filter(
    (release) => release.release === CILIUM_CHART.release && release.chart === CILIUM_CHART.chart,
  );
  if (releases.length !== 1) return { pass: false, actual: `${releases.length} Cilium releases` };
  const [cilium] = releases;
  const expected = ciliumValues(config.remotePodCidr.text);
  const same = JSON.stringify(cilium.values) === JSON.stringify(expected);
  return {
    pass: same && cilium.version === CILIUM_CHART.version && cilium.namespace === CILIUM_CHART.namespace,
    actual: `cilium ${cilium.version} in ${cilium.namespace}, values ${same ? 'as the lab (hybrid affinity, cluster-pool /25 on the remote pod CIDR)' : JSON.stringify(cilium.values)}`,
  };
}

function nginxPrefersHybrid(lab: SynthesizedLab): CheckOutcome {
  const [deployment] = findKubernetesObjects(lab, 'Deployment', NGINX_REMOTE.name, NGINX_REMOTE.namespace);
  if (!deployment) return { pass: false, actual: `no Deployment ${NGINX_REMOTE.namespace}/${NGINX_REMOTE.name}` };
  const spec = deployment.spec as { replicas?: number; template?: { spec?: { affinity?: unknown } } };
  const affinity = JSON.stringify(spec.template?.spec?.affinity ?? {});
  const prefers =
    affinity.includes('preferredDuringSchedulingIgnoredDuringExecution') &&
    affinity.includes(COMPUTE_TYPE_LABEL) &&
    affinity.includes(`"${HYBRID_COMPUTE_TYPE}"`);
  return {
    pass: prefers && spec.replicas === NGINX_REMOTE.replicas,
    actual: `${spec.replicas} replicas, ${prefers ? 'preferring' : 'not preferring'} hybrid nodes`,
  };
}

function vpcCniUnchanged(lab: SynthesizedLab): CheckOutcome {
  // The add-on's own anti-affinity keeps aws-node off hybrid nodes; a configured `affinity` would replace it.
  const configured = JSON.stringify(lab.plan.vpcCniConfiguration);
  return configured.includes('affinity')
    ? { pass: false, actual: `the vpc-cni configuration sets an affinity: ${configured}` }
    : { pass: true, actual: 'the vpc-cni add-on keeps its default anti-affinity to hybrid nodes' };
}

/** What the hybrid nodes lab promises, offline from the templates and live from the cluster. */
export function hybridNodesExpectations(config: LabConfig): LabExpectation[] {
  const podAddress = sampleAddress(config.remotePodCidr);
  const nodeSubnet = remoteNodeSubnetCidr(config.remoteNodeCidr);
  const nodeName = hybridNodeName(config);
  const toHybridInterface = {
    kind: 'primary-interface-of-instance',
    instanceTag: { key: 'Name', value: nodeName },
  } as const;
  return [
    routeExpectation({
      id: `${MODULE}/lab-private-to-remote-pod`,
      module: MODULE,
      subject: `lab private subnets -> remote pod ${podAddress}`,
      expected: `via the Transit Gateway to the primary interface of ${nodeName}`,
      source: `${WORKSHOP}: main-VPC routes, TGW static route and remote route to the node ENI`,
      from: { vpcCidr: config.vpcCidr.text, subnetType: 'Private' },
      address: podAddress,
      reaches: toHybridInterface,
    }),
    routeExpectation({
      id: `${MODULE}/lab-public-to-remote-pod`,
      module: MODULE,
      subject: `lab public subnets (ALB) -> remote pod ${podAddress}`,
      expected: `via the Transit Gateway to the primary interface of ${nodeName}`,
      source: `${WORKSHOP}: ALB with IP targets on the hybrid node`,
      from: { vpcCidr: config.vpcCidr.text, subnetType: 'Public' },
      address: podAddress,
      reaches: toHybridInterface,
    }),
    routeExpectation({
      id: `${MODULE}/lab-to-remote-node`,
      module: MODULE,
      subject: `lab private subnets (control plane, cloud pods) -> hybrid node subnet ${sampleAddress(nodeSubnet)}`,
      expected: 'delivered in the remote VPC',
      source: `${WORKSHOP}: the control plane reaches the kubelet (10250) through the VPC`,
      from: { vpcCidr: config.vpcCidr.text, subnetType: 'Private' },
      address: sampleAddress(nodeSubnet),
      reaches: { kind: 'delivered-in-vpc', vpcCidr: config.remoteNodeCidr.text },
    }),
    routeExpectation({
      id: `${MODULE}/remote-to-lab-vpc`,
      module: MODULE,
      subject: `hybrid node subnet -> lab VPC ${sampleAddress(config.vpcCidr)}`,
      expected: 'delivered in the lab VPC (the return path)',
      source: `${WORKSHOP}: remote route table ${config.vpcCidr.text} -> TGW`,
      from: { subnetCidr: nodeSubnet.text },
      address: sampleAddress(config.vpcCidr),
      reaches: { kind: 'delivered-in-vpc', vpcCidr: config.vpcCidr.text },
    }),
    ...(isModuleEnabled(config, 'custom-networking')
      ? [
          routeExpectation({
            id: `${MODULE}/remote-to-secondary-cidr`,
            module: MODULE,
            subject: `hybrid node subnet -> custom networking pod ${sampleAddress(config.secondaryCidr)}`,
            expected: 'delivered in the lab VPC (CoreDNS and other cloud pods on the secondary CIDR)',
            source: 'custom-networking with hybrid-nodes: cloud pods are addressed from the secondary CIDR',
            from: { subnetCidr: nodeSubnet.text },
            address: sampleAddress(config.secondaryCidr),
            reaches: { kind: 'delivered-in-vpc', vpcCidr: config.vpcCidr.text },
          }),
        ]
      : []),
    {
      id: `${MODULE}/hybrid-node-ready`,
      module: MODULE,
      subject: `hybrid node (${HYBRID_SELECTOR})`,
      expected: `one node named ${SSM_NODE_NAME_PREFIX}..., Ready`,
      source: `${WORKSHOP}: kubectl get nodes shows mi-... Ready once Cilium runs`,
      checkOffline: (lab) => hostJoinsAfterIdentity(lab, config),
      live: {
        commands: () => [getHybridNodes],
        interpret: (results) => {
          const nodes = commandJson<KubeList>(results[0], 'kubectl');
          if (typeof nodes === 'string') return { pass: false, actual: nodes };
          const items = nodes.items ?? [];
          const ready = items.filter((node) =>
            node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True'),
          );
          const names = items.map((node) => node.metadata?.name ?? '');
          return {
            pass: items.length === 1 && ready.length === 1 && names[0].startsWith(SSM_NODE_NAME_PREFIX),
            actual: items.length === 0 ? 'no hybrid node registered' : `${names.join(', ')}: ${ready.length} Ready`,
          };
        },
      },
    },
    {
      id: `${MODULE}/cilium-on-hybrid-nodes`,
      module: MODULE,
      subject: `Cilium ${CILIUM_CHART.version} (namespace ${CILIUM_CHART.namespace})`,
      expected: 'on hybrid nodes only, cluster-pool IPAM on the remote pod CIDR, /25 per node',
      source: `${WORKSHOP}: cilium-values.yaml`,
      checkOffline: (lab) => ciliumAsTheLab(lab, config),
      live: {
        commands: () => [
          kubectl('get', 'pods', '-n', CILIUM_CHART.namespace, '-l', 'k8s-app=cilium', '-o', 'json'),
          getHybridNodes,
        ],
        interpret: (results) => podsOnHybridNodes(results[0], results[1], 'all', 1),
      },
    },
    {
      id: `${MODULE}/nginx-on-hybrid-node`,
      module: MODULE,
      subject: `pods of ${NGINX_REMOTE.namespace}/${NGINX_REMOTE.name}`,
      expected: `${NGINX_REMOTE.replicas} Running, all on the hybrid node`,
      source: `${WORKSHOP}: kubectl get pods -n nginx-remote shows the 3 pods on mi-...`,
      checkOffline: nginxPrefersHybrid,
      live: {
        commands: () => [
          kubectl('get', 'pods', '-n', NGINX_REMOTE.namespace, '-l', `app=${NGINX_REMOTE.labels.app}`, '-o', 'json'),
          getHybridNodes,
        ],
        interpret: (results) => podsOnHybridNodes(results[0], results[1], 'all', NGINX_REMOTE.replicas),
      },
    },
    {
      id: `${MODULE}/vpc-cni-off-hybrid-nodes`,
      module: MODULE,
      subject: 'aws-node (Amazon VPC CNI) pods',
      expected: 'none on hybrid nodes',
      source: 'EKS user guide, Configure CNI for hybrid nodes: the VPC CNI has anti-affinity to hybrid nodes',
      checkOffline: vpcCniUnchanged,
      live: {
        commands: () => [
          kubectl('get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=aws-node', '-o', 'json'),
          getHybridNodes,
        ],
        interpret: (results) => podsOnHybridNodes(results[0], results[1], 'none', 0),
      },
    },
  ];
}
