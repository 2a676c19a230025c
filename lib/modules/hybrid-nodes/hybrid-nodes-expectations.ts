import { remoteNodeSubnetCidr } from './remote-network';
import { ciliumValues } from './hybrid-nodes-helm-values';
import {
  type BurstPlacementEstimate,
  describeBurstPlacement,
  describeHybridCapacity,
  estimateBurstPlacement,
} from './hybrid-node-capacity';
import { cloudBurstingReplicas, deploysCloudBursting, deploysNginxRemote } from './hybrid-nodes-stage';
import {
  CLOUD_BURSTING,
  NGINX_REMOTE,
  POD_DELETION_COST_POLICY,
  SSM_NODE_NAME_PREFIX,
} from '../../../manifests/hybrid-nodes/hybrid-nodes-names';
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
import { findDeployedObjects, findKubernetesObjects, type SynthesizedOutput } from '../../verify/synthesized-lab';
import { commandJson, kubectl, labelSelector } from '../../verify/live/live-commands';
import { ALL_NODES_COMMAND } from '../../verify/expectations/aws-node-on-every-node';
import {
  kubeItems,
  type KubeConditionJson,
  type NodeJson,
  nodeIsReady,
  nodeName,
  type PodJson,
  podIsActive,
  podName,
} from '../../verify/live/kube-objects';
import { parseQuantity, podRequest } from '../../verify/live/resource-quantity';

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

function hostJoinsAfterIdentity(lab: SynthesizedOutput, config: LabConfig): CheckOutcome {
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

function ciliumAsTheLab(lab: SynthesizedOutput, config: LabConfig): CheckOutcome {
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

function nginxPrefersHybrid(lab: SynthesizedOutput): CheckOutcome {
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

function vpcCniUnchanged(lab: SynthesizedOutput): CheckOutcome {
  // The add-on's own anti-affinity keeps aws-node off hybrid nodes; a configured `affinity` would replace it.
  const configured = JSON.stringify(lab.plan.vpcCniConfiguration);
  return configured.includes('affinity')
    ? { pass: false, actual: `the vpc-cni configuration sets an affinity: ${configured}` }
    : { pass: true, actual: 'the vpc-cni add-on keeps its default anti-affinity to hybrid nodes' };
}

/** Resources the scheduler's fit check compares with what is left on a node (the lab's pods request CPU only). */
const FIT_RESOURCES = ['cpu', 'memory'] as const;

const cloudBurstingPods = kubectl(
  'get',
  'pods',
  '-n',
  CLOUD_BURSTING.namespace,
  '-l',
  labelSelector(CLOUD_BURSTING.labels),
  '-o',
  'json',
);

function isHybridNode(node: NodeJson): boolean {
  return node.metadata?.labels?.[COMPUTE_TYPE_LABEL] === HYBRID_COMPUTE_TYPE;
}

/** How many more pods requesting like `pod` fit on the node, given what its active pods already request. */
export function roomFor(node: NodeJson, podsOnNode: readonly PodJson[], pod: PodJson): number {
  const allocatable = node.status?.allocatable ?? {};
  const byResource = FIT_RESOURCES.flatMap((resource) => {
    const wanted = podRequest(pod, resource);
    if (wanted <= 0) return [];
    const total = parseQuantity(allocatable[resource] ?? '0') ?? 0;
    const used = podsOnNode.reduce((sum, other) => sum + podRequest(other, resource), 0);
    return [Math.floor((total - used) / wanted + 1e-9)];
  });
  const podSlots = (parseQuantity(allocatable.pods ?? '0') ?? 0) - podsOnNode.length;
  return Math.max(0, Math.min(podSlots, ...byResource));
}

/** The lab's nginx CPU request in millicores (200m), for the placement the checks expect. */
const NGINX_CPU_MILLICORES = Math.round((parseQuantity(NGINX_REMOTE.cpu) ?? 0) * 1000);

/** Where the `hybridNodes.burstReplicas` pods of `nginx-deployment` are expected, on the configured host. */
export function cloudBurstingEstimate(config: LabConfig): BurstPlacementEstimate {
  return estimateBurstPlacement(config.hybridNodes.instanceType, NGINX_CPU_MILLICORES, cloudBurstingReplicas(config));
}

/**
 * Offline: the cloud-bursting Deployment prefers hybrid nodes, requests CPU (only a request makes the hybrid node
 * fill up, so pods burst to the cloud before it is overloaded) and has `hybridNodes.burstReplicas` replicas; the
 * verdict says where they are expected, from its request and the host's vCPUs.
 */
export function checkCloudBurstingDeployment(lab: SynthesizedOutput, config: LabConfig): CheckOutcome {
  const [deployment] = findKubernetesObjects(lab, 'Deployment', CLOUD_BURSTING.name, CLOUD_BURSTING.namespace);
  if (!deployment) return { pass: false, actual: `no Deployment ${CLOUD_BURSTING.namespace}/${CLOUD_BURSTING.name}` };
  const spec = deployment.spec as {
    replicas?: number;
    template?: { spec?: { affinity?: unknown; containers?: { resources?: { requests?: Record<string, string> } }[] } };
  };
  const affinity = JSON.stringify(spec.template?.spec?.affinity ?? {});
  const prefers =
    affinity.includes('preferredDuringSchedulingIgnoredDuringExecution') &&
    affinity.includes(COMPUTE_TYPE_LABEL) &&
    affinity.includes(`"${HYBRID_COMPUTE_TYPE}"`);
  const cpuMillicores = Math.round(
    podRequest({ spec: { containers: spec.template?.spec?.containers ?? [] } }, 'cpu') * 1000,
  );
  const replicas = spec.replicas ?? 1;
  const wanted = cloudBurstingReplicas(config);
  const problems = [
    ...(prefers ? [] : ['it does NOT prefer hybrid nodes']),
    ...(cpuMillicores > 0 ? [] : ['its pods request no CPU, so the hybrid node never fills up']),
    ...(replicas === wanted ? [] : [`hybridNodes.burstReplicas is ${wanted}`]),
  ];
  const estimate =
    cpuMillicores > 0 ? estimateBurstPlacement(config.hybridNodes.instanceType, cpuMillicores, replicas) : undefined;
  const placement = estimate
    ? `; expected ${describeBurstPlacement(estimate)} (${describeHybridCapacity(estimate)})`
    : '';
  return {
    pass: problems.length === 0,
    actual:
      `${replicas} replicas of ${cpuMillicores}m CPU${prefers ? ' preferring hybrid nodes' : ''}${placement}` +
      (problems.length > 0 ? `; ${problems.join('; ')}` : ''),
  };
}

/**
 * Live: the `hybridNodes.burstReplicas` cloud-bursting pods are all Running and where the estimate puts them. When
 * they all fit on the host, every one is on the hybrid node (after a scale-down from 15, the pod-deletion-cost
 * policy made the cost-0 EC2 pods go first). When they do not, the hybrid node is full (no room for another pod,
 * counted from every pod's requests: the estimate is only "about") and the rest run on EC2 nodes. A preferred
 * affinity is a score, not a rule, so this is what the scheduler does, not what it must do.
 */
export function interpretCloudBurstingPlacement(
  results: readonly CommandResult[],
  estimate: BurstPlacementEstimate,
): CheckOutcome {
  const bursting = kubeItems<PodJson>(results[0]);
  if (typeof bursting === 'string') return { pass: false, actual: bursting };
  const nodes = kubeItems<NodeJson>(results[1]);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const everyPod = kubeItems<PodJson>(results[2]);
  if (typeof everyPod === 'string') return { pass: false, actual: everyPod };
  const hybrid = nodes.filter((node) => isHybridNode(node) && nodeIsReady(node));
  if (hybrid.length === 0) return { pass: false, actual: 'no Ready hybrid node' };
  const pods = bursting.filter(podIsActive);
  if (pods.length === 0) return { pass: false, actual: `no pod of ${CLOUD_BURSTING.namespace}/${CLOUD_BURSTING.name}` };
  const hybridNames = new Set(hybrid.map(nodeName));
  const notRunning = pods.filter((pod) => pod.status?.phase !== 'Running' || !pod.spec?.nodeName);
  const onHybrid = pods.filter((pod) => hybridNames.has(pod.spec?.nodeName ?? ''));
  const onCloud = pods.filter((pod) => pod.spec?.nodeName && !hybridNames.has(pod.spec.nodeName));
  const room = hybrid.reduce(
    (sum, node) =>
      sum +
      roomFor(
        node,
        everyPod.filter((pod) => podIsActive(pod) && pod.spec?.nodeName === nodeName(node)),
        pods[0],
      ),
    0,
  );
  const problems = [
    ...(pods.length === estimate.replicas ? [] : [`hybridNodes.burstReplicas is ${estimate.replicas}`]),
    ...(notRunning.length > 0 ? [`not Running: ${notRunning.map(podName).join(', ')}`] : []),
    ...(estimate.allFitOnHybrid && onCloud.length > 0
      ? [`${onCloud.length} on cloud nodes although all ${estimate.replicas} fit on the hybrid node`]
      : []),
    ...(!estimate.allFitOnHybrid && onCloud.length > 0 && room > 0
      ? [`${onCloud.length} on cloud nodes while the hybrid node has room for ${room} more`]
      : []),
    ...(!estimate.allFitOnHybrid && onCloud.length === 0
      ? [`none on cloud nodes: expected about ${estimate.onCloud} there once the hybrid node is full`]
      : []),
  ];
  return {
    pass: problems.length === 0,
    actual:
      `${pods.length} pod(s): ${onHybrid.length} on ${[...hybridNames].join(', ')}, ${onCloud.length} on cloud nodes; ` +
      `room on the hybrid node for ${room} more` +
      (problems.length > 0 ? `; ${problems.join('; ')}` : ''),
  };
}

function cloudBurstingExpectation(config: LabConfig): LabExpectation {
  const estimate = cloudBurstingEstimate(config);
  return {
    id: `${MODULE}/cloud-bursting-placement`,
    module: MODULE,
    subject: `pods of ${CLOUD_BURSTING.namespace}/${CLOUD_BURSTING.name}`,
    expected: `${estimate.replicas} Running: ${describeBurstPlacement(estimate)}`,
    source:
      `${WORKSHOP} cloud-bursting: 3 pods on mi-...; scaled to 15, the hybrid node fills up and the rest run on EC2; ` +
      `back to 3, all on mi-... (${describeHybridCapacity(estimate)})`,
    checkOffline: (lab) => checkCloudBurstingDeployment(lab, config),
    live: {
      commands: () => [
        cloudBurstingPods,
        ALL_NODES_COMMAND,
        // Every pod's requests count against the hybrid node's capacity, not only the Deployment's.
        kubectl('get', 'pods', '-A', '--field-selector=status.phase!=Succeeded,status.phase!=Failed', '-o', 'json'),
      ],
      interpret: (results) => interpretCloudBurstingPlacement(results, estimate),
    },
  };
}

/**
 * Offline: the policy sets the lab's annotation on pods bound to hybrid nodes, and the cloud-bursting pods are
 * created after it; the verdict says which of the `hybridNodes.burstReplicas` pods are expected to carry it.
 */
export function checkPodDeletionCostPolicy(lab: SynthesizedOutput, estimate: BurstPlacementEstimate): CheckOutcome {
  const [policy] = findDeployedObjects(lab, 'ClusterPolicy', POD_DELETION_COST_POLICY.name);
  const [deployment] = findDeployedObjects(lab, 'Deployment', CLOUD_BURSTING.name, CLOUD_BURSTING.namespace);
  if (!policy) return { pass: false, actual: `no ClusterPolicy ${POD_DELETION_COST_POLICY.name}` };
  if (!deployment) return { pass: false, actual: `no Deployment ${CLOUD_BURSTING.namespace}/${CLOUD_BURSTING.name}` };
  const text = JSON.stringify(policy.object.spec ?? {});
  const annotates =
    text.includes(`"${POD_DELETION_COST_POLICY.annotation}":"${POD_DELETION_COST_POLICY.value}"`) &&
    text.includes(`"value":"${HYBRID_COMPUTE_TYPE}"`);
  const after = new DeployOrder(lab.templates).createdAfter(deployment, policy);
  return {
    pass: annotates && after,
    actual:
      `${POD_DELETION_COST_POLICY.name} ${annotates ? 'sets' : 'does NOT set'} ` +
      `${POD_DELETION_COST_POLICY.annotation}=${POD_DELETION_COST_POLICY.value} on pods bound to hybrid nodes; ` +
      `${CLOUD_BURSTING.name} is ${after ? '' : 'NOT '}created after it` +
      (annotates && after ? `; expected annotated: ${annotatedPods(estimate)}` : ''),
  };
}

/** `all 3` or `about 9 on the hybrid node, not the 6 on EC2 nodes`. */
function annotatedPods(estimate: BurstPlacementEstimate): string {
  return estimate.allFitOnHybrid
    ? `all ${estimate.replicas} (all on the hybrid node)`
    : `the hybrid node's (about ${estimate.onHybrid}), not the other ${estimate.onCloud} on EC2 nodes`;
}

interface ClusterPolicyJson {
  readonly status?: { readonly conditions?: readonly KubeConditionJson[] };
}

/**
 * Live: the policy is Ready, every cloud-bursting pod on a hybrid node carries `pod-deletion-cost: "1"` and none on
 * a cloud node does (workshop: `map[controller.kubernetes.io/pod-deletion-cost:1]` on mi-..., `<none>` on EC2). When
 * all the replicas fit on the host, a pod left on an EC2 node (after the scale-down from 15) means the cost-0 EC2
 * pods did not go first; when they do not fit, some must run on EC2 nodes to show the annotation is left off there.
 */
export function interpretPodDeletionCost(
  results: readonly CommandResult[],
  estimate: BurstPlacementEstimate,
): CheckOutcome {
  const pods = kubeItems<PodJson>(results[0]);
  if (typeof pods === 'string') return { pass: false, actual: pods };
  const hybrid = kubeItems<NodeJson>(results[1]);
  if (typeof hybrid === 'string') return { pass: false, actual: hybrid };
  const policy = commandJson<ClusterPolicyJson>(results[2], 'kubectl');
  if (typeof policy === 'string') return { pass: false, actual: policy };
  const ready = (policy.status?.conditions ?? []).some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );
  const hybridNames = new Set(hybrid.map(nodeName));
  const running = pods.filter((pod) => podIsActive(pod) && pod.spec?.nodeName);
  const cost = (pod: PodJson) => pod.metadata?.annotations?.[POD_DELETION_COST_POLICY.annotation];
  const onHybrid = running.filter((pod) => hybridNames.has(pod.spec?.nodeName ?? ''));
  const onCloud = running.filter((pod) => !hybridNames.has(pod.spec?.nodeName ?? ''));
  const missing = onHybrid.filter((pod) => cost(pod) !== POD_DELETION_COST_POLICY.value);
  const unexpected = onCloud.filter((pod) => cost(pod) === POD_DELETION_COST_POLICY.value);
  const problems = [
    ...(ready ? [] : [`ClusterPolicy ${POD_DELETION_COST_POLICY.name} is not Ready`]),
    ...(onHybrid.length === 0 ? ['no pod on a hybrid node'] : []),
    ...(estimate.allFitOnHybrid && onCloud.length > 0
      ? [
          `${onCloud.length} pod(s) on EC2 nodes although all ${estimate.replicas} fit on the hybrid node ` +
            '(a scale-down should have removed the cost-0 EC2 pods first)',
        ]
      : []),
    ...(!estimate.allFitOnHybrid && onCloud.length === 0
      ? [`no pod on an EC2 node: expected about ${estimate.onCloud} there, without the annotation`]
      : []),
    ...missing.map((pod) => `${podName(pod)} on ${pod.spec?.nodeName}: cost ${cost(pod) ?? '(none)'}`),
    ...unexpected.map((pod) => `${podName(pod)} on cloud node ${pod.spec?.nodeName}: cost ${cost(pod)}`),
  ];
  return {
    pass: problems.length === 0,
    actual:
      `${onHybrid.length - missing.length}/${onHybrid.length} hybrid pod(s) with cost ${POD_DELETION_COST_POLICY.value}, ` +
      `${onCloud.length - unexpected.length}/${onCloud.length} cloud pod(s) without` +
      (problems.length > 0 ? `; ${problems.join('; ')}` : ''),
  };
}

function podDeletionCostExpectation(config: LabConfig): LabExpectation {
  const estimate = cloudBurstingEstimate(config);
  return {
    id: `${MODULE}/pod-deletion-cost`,
    module: MODULE,
    subject: `${POD_DELETION_COST_POLICY.annotation} on the pods of ${CLOUD_BURSTING.namespace}/${CLOUD_BURSTING.name}`,
    expected: estimate.allFitOnHybrid
      ? `"${POD_DELETION_COST_POLICY.value}" on all ${estimate.replicas} pods, all on the hybrid node; policy Ready`
      : `"${POD_DELETION_COST_POLICY.value}" on the pods of the full hybrid node (about ${estimate.onHybrid}), ` +
        `none on the other ${estimate.onCloud} on EC2 nodes; policy Ready`,
    source: `${WORKSHOP} cloud-bursting (kyverno/policy.yaml; kubectl get pods -o=custom-columns=...ANNOTATIONS)`,
    checkOffline: (lab) => checkPodDeletionCostPolicy(lab, estimate),
    live: {
      commands: () => [
        cloudBurstingPods,
        getHybridNodes,
        kubectl('get', 'clusterpolicies.kyverno.io', POD_DELETION_COST_POLICY.name, '-o', 'json'),
      ],
      interpret: (results) => interpretPodDeletionCost(results, estimate),
    },
  };
}

function nginxRemoteExpectation(): LabExpectation {
  return {
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
  };
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
    // The workloads of the stage (hybridNodes.stage): none on node-joined.
    ...(deploysNginxRemote(config) ? [nginxRemoteExpectation()] : []),
    ...(deploysCloudBursting(config) ? [cloudBurstingExpectation(config), podDeletionCostExpectation(config)] : []),
  ];
}
