import { MIN_PREFIX_DELEGATION_VPC_CNI_VERSION, prefixDelegationVpcCniEnv } from './prefix-delegation-vpc-cni';
import type { LabConfig } from '../../config/lab-config';
import { supportsPrefixDelegation, findInstanceType } from '../../instance-types/instance-types';
import { renderCfnValue } from '../../verify/cfn-template';
import {
  AWS_NODE_DAEMONSET_COMMAND,
  awsNodeContainer,
  vpcCniEnvExpectation,
} from '../../verify/expectations/vpc-cni-env';
import type { CheckOutcome, CommandResult, LabExpectation, LiveCommand } from '../../verify/lab-expectation';
import { labNodeGroupName } from '../../verify/node-group-resources';
import { resourcesOfType } from '../../verify/nested-stack-parameters';
import { findKubernetesObjects, type SynthesizedOutput } from '../../verify/synthesized-lab';
import { synthesizedVpcCniAddon } from '../../verify/vpc-cni-addon';
import { addonVersionAtLeast } from '../../vpc-cni/addon-version';
import { PAUSE_IMAGE, PAUSE_PODS } from '../../../manifests/prefix-delegation/pause-pods-chart';
import { aws, commandJson, kubectl } from '../../verify/live/live-commands';
import { ALL_NODES_COMMAND, checkVpcCniOnEveryNodeGroup } from '../../verify/expectations/aws-node-on-every-node';
import { instanceIdOfNode, isEc2Node, kubeItems, type NodeJson, nodeName } from '../../verify/live/kube-objects';
import { vpcCniEnv } from '../../verify/vpc-cni-addon';

export const MODULE = 'prefix-delegation';

const WORKSHOP = 'eks-workshop-v2 website/docs/networking/vpc-cni/prefix';

/** `aws ec2 describe-instances` output: every running lab instance has /28 prefixes on its ENIs. */
export function interpretInstancePrefixes(result: CommandResult | undefined): CheckOutcome {
  const instances = commandJson<readonly { id?: string; prefixes?: readonly string[] | null }[]>(result, 'aws');
  if (typeof instances === 'string') return { pass: false, actual: instances };
  if (instances.length === 0) return { pass: false, actual: 'no running instance tagged with the cluster name' };
  const lines = instances.map((instance) => `${instance.id}: ${(instance.prefixes ?? []).join(' ') || 'no prefixes'}`);
  const pass = instances.every(
    (instance) =>
      (instance.prefixes ?? []).length > 0 && (instance.prefixes ?? []).every((prefix) => prefix.endsWith('/28')),
  );
  return { pass, actual: lines.join('; ') };
}

/** The aws-node image tag (`.../amazon-k8s-cni:v1.19.2-eksbuild.1`) is at least the minimum version. */
export function interpretVpcCniImage(result: CommandResult | undefined): CheckOutcome {
  const container = awsNodeContainer(result);
  if (typeof container === 'string') return { pass: false, actual: container };
  const tag = (container.image ?? '').split(':').pop() ?? '';
  return {
    pass: addonVersionAtLeast(tag, MIN_PREFIX_DELEGATION_VPC_CNI_VERSION),
    actual: container.image ?? 'no image',
  };
}

export function interpretAvailableReplicas(result: CommandResult | undefined, replicas: number): CheckOutcome {
  if (!result || result.exitCode !== 0)
    return { pass: false, actual: `kubectl failed: ${result?.stderr.trim() || 'no result'}` };
  const available = Number(result.stdout.replace(/'/g, '').trim() || '0');
  return { pass: available === replicas, actual: `${available}/${replicas} available` };
}

function checkPauseDeployment(lab: SynthesizedOutput, replicas: number): CheckOutcome {
  const found = findKubernetesObjects(lab, 'Deployment', PAUSE_PODS.name);
  if (found.length !== 1) return { pass: false, actual: `${found.length} Deployments named ${PAUSE_PODS.name}` };
  const deployment = found[0];
  const spec = deployment.spec as { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  const images = (spec.template?.spec?.containers ?? []).map((container) => container.image);
  return {
    pass:
      deployment.metadata.namespace === PAUSE_PODS.namespace &&
      spec.replicas === replicas &&
      images.every((image) => image === PAUSE_IMAGE),
    actual: `namespace ${deployment.metadata.namespace}, ${spec.replicas} replicas, image ${images.join(', ')}`,
  };
}

function checkNitroNodeGroups(lab: SynthesizedOutput): CheckOutcome {
  const groups = resourcesOfType(lab.templates, 'AWS::EKS::Nodegroup').map(({ resource }) => ({
    name: labNodeGroupName(resource),
    types: ((resource.Properties?.InstanceTypes ?? []) as unknown[]).map(renderCfnValue),
  }));
  const notNitro = groups.filter((group) =>
    group.types.some((type) => {
      const known = findInstanceType(type);
      return !known || !supportsPrefixDelegation(known);
    }),
  );
  return {
    pass: groups.length > 0 && notNitro.length === 0,
    actual:
      groups.map((group) => `${group.name}: ${group.types.join(', ')}`).join('; ') +
      (notNitro.length > 0 ? ` (not Nitro: ${notNitro.map((group) => group.name).join(', ')})` : ''),
  };
}

function checkVpcCniVersion(lab: SynthesizedOutput): CheckOutcome {
  const addon = synthesizedVpcCniAddon(lab.templates);
  if (!addon) return { pass: false, actual: 'no vpc-cni add-on is synthesized' };
  if (addon.version === undefined) {
    // EKS only offers add-on versions far newer than 1.9.0 for the Kubernetes versions it still creates.
    return { pass: true, actual: 'not pinned: the EKS default version for the cluster' };
  }
  return { pass: addonVersionAtLeast(addon.version, MIN_PREFIX_DELEGATION_VPC_CNI_VERSION), actual: addon.version };
}

/** Addresses in one /28 prefix. */
const ADDRESSES_PER_PREFIX = 16;

/** The prefixes on each running lab instance's interfaces (workshop steps 4 and 7). */
const NITRO_PREFIXES_QUERY =
  'Reservations[].Instances[].{id: InstanceId, prefixes: NetworkInterfaces[].Ipv4Prefixes[].Ipv4Prefix}';

/** `aws ec2 describe-instances` of the cluster's running instances, projected by a JMESPath query. */
function runningInstancesCommand(clusterName: string, query: string): LiveCommand {
  return aws(
    'ec2',
    'describe-instances',
    '--filters',
    `Name=tag:eks:cluster-name,Values=${clusterName}`,
    'Name=instance-state-name,Values=running',
    '--query',
    query,
    '--output',
    'json',
  );
}

/**
 * The workshop's own query (steps 4 and 7): each instance with the prefixes on all its interfaces, e.g.
 * `[{"InstanceId": "i-0...", "Prefixes": [{"Ipv4Prefix": "10.42.101.16/28"}]}]`.
 */
export const INSTANCE_PREFIXES_QUERY =
  'Reservations[*].Instances[].{InstanceId: InstanceId, Prefixes: NetworkInterfaces[].Ipv4Prefixes[]}';

interface InstancePrefixesJson {
  readonly InstanceId?: string;
  readonly Prefixes?: readonly { readonly Ipv4Prefix?: string }[] | null;
}

/**
 * Offline: the synthesized add-on turns prefix delegation on with a positive warm target (ipamd then holds at least
 * one /28 on every node, pods or not), on Nitro node groups created after the add-on.
 */
export function checkPrefixesOnEveryNode(lab: SynthesizedOutput): CheckOutcome {
  const addon = synthesizedVpcCniAddon(lab.templates);
  if (!addon) return { pass: false, actual: 'no vpc-cni add-on is synthesized' };
  const env = vpcCniEnv(addon.configuration);
  const targets = ['WARM_PREFIX_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET'].filter((key) => Number(env[key]) > 0);
  const enabled = env.ENABLE_PREFIX_DELEGATION === 'true';
  const nitro = checkNitroNodeGroups(lab);
  const ordered = checkVpcCniOnEveryNodeGroup(lab);
  return {
    pass: enabled && targets.length > 0 && nitro.pass && ordered.pass,
    actual:
      `ENABLE_PREFIX_DELEGATION=${env.ENABLE_PREFIX_DELEGATION ?? '(unset)'}, positive warm target(s): ` +
      `${targets.map((key) => `${key}=${env[key]}`).join(', ') || 'none'}; ${nitro.actual}; ${ordered.actual}`,
  };
}

/**
 * Live: the /28 prefixes EC2 assigned to each EC2 node's interfaces, counted per node (the nodes are matched to
 * instances by their provider id). Passes when every EC2 node has at least one prefix and all are /28; the counts
 * are what the learner compares before and after the pause pods (workshop step 7: "more prefixes").
 */
export function interpretPrefixesPerNode(results: readonly CommandResult[]): CheckOutcome {
  const nodes = kubeItems<NodeJson>(results[0]);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const instances = commandJson<readonly InstancePrefixesJson[]>(results[1], 'aws');
  if (typeof instances === 'string') return { pass: false, actual: instances };
  const ec2Nodes = nodes.filter(isEc2Node);
  if (ec2Nodes.length === 0) return { pass: false, actual: 'no EC2 node in the cluster' };
  const prefixesOf = new Map(
    instances.map((instance) => [
      instance.InstanceId,
      (instance.Prefixes ?? []).map((prefix) => prefix.Ipv4Prefix ?? '').filter((prefix) => prefix !== ''),
    ]),
  );
  const counts = ec2Nodes.map((node) => {
    const instanceId = instanceIdOfNode(node);
    const prefixes = instanceId === undefined ? undefined : prefixesOf.get(instanceId);
    return { node: nodeName(node), instanceId, prefixes };
  });
  const problems = counts.flatMap(({ node, instanceId, prefixes }) => {
    if (prefixes === undefined) return [`${node}: instance ${instanceId ?? '(no provider id)'} not found`];
    if (prefixes.length === 0) return [`${node}: no prefixes`];
    const other = prefixes.filter((prefix) => !prefix.endsWith('/28'));
    return other.length > 0 ? [`${node}: not /28: ${other.join(', ')}`] : [];
  });
  const described = counts.map(
    ({ node, prefixes }) =>
      `${node}: ${prefixes?.length ?? 0} prefix(es), ${(prefixes?.length ?? 0) * ADDRESSES_PER_PREFIX} addresses`,
  );
  const total = counts.reduce((sum, entry) => sum + (entry.prefixes?.length ?? 0), 0);
  return {
    pass: problems.length === 0,
    actual: `${total} /28 prefix(es) on ${ec2Nodes.length} EC2 node(s): ${described.join('; ')}`,
    ...(problems.length > 0 ? { notes: problems } : {}),
  };
}

/** What `npm run verify` checks for the prefix delegation module. */
export function prefixDelegationExpectations(config: LabConfig): LabExpectation[] {
  const replicas = config.prefixDelegation.pausePods;
  const expectations: LabExpectation[] = [
    vpcCniEnvExpectation({
      module: MODULE,
      name: 'vpc-cni-settings',
      settings: prefixDelegationVpcCniEnv(config.prefixDelegation),
      source: `${WORKSHOP}, step 3 (aws-node env contains ENABLE_PREFIX_DELEGATION=true)`,
    }),
    {
      id: `${MODULE}/vpc-cni-version`,
      module: MODULE,
      subject: 'VPC CNI version',
      expected: `${MIN_PREFIX_DELEGATION_VPC_CNI_VERSION} or later`,
      source: `${WORKSHOP}/index.md, step 2 (CNI at least 1.9.0), and the EKS user guide prerequisites`,
      checkOffline: checkVpcCniVersion,
      live: { commands: () => [AWS_NODE_DAEMONSET_COMMAND], interpret: (results) => interpretVpcCniImage(results[0]) },
    },
    {
      id: `${MODULE}/nitro-prefixes`,
      module: MODULE,
      subject: 'lab instances',
      expected: 'Nitro-based, every instance with /28 prefixes on its ENIs',
      source: `${WORKSHOP}, steps 4 and 7 (aws ec2 describe-instances ... Ipv4Prefixes)`,
      checkOffline: checkNitroNodeGroups,
      live: {
        commands: (context) => [runningInstancesCommand(context.clusterName, NITRO_PREFIXES_QUERY)],
        interpret: (results) => interpretInstancePrefixes(results[0]),
      },
    },
    {
      id: `${MODULE}/prefixes-per-node`,
      module: MODULE,
      subject: 'IPv4 prefixes on the interfaces of each EC2 node',
      expected: 'at least one /28 prefix per node (the count per node is reported)',
      source: `${WORKSHOP}, steps 4 and 7 (aws ec2 describe-instances ... Ipv4Prefixes, before and after the pause pods)`,
      checkOffline: checkPrefixesOnEveryNode,
      live: {
        commands: (context) => [
          ALL_NODES_COMMAND,
          runningInstancesCommand(context.clusterName, INSTANCE_PREFIXES_QUERY),
        ],
        interpret: interpretPrefixesPerNode,
      },
    },
  ];
  if (replicas > 0) {
    expectations.push({
      id: `${MODULE}/pause-pods`,
      module: MODULE,
      subject: `Deployment ${PAUSE_PODS.name} (namespace ${PAUSE_PODS.namespace})`,
      expected: `${replicas}/${replicas} available`,
      source: `${WORKSHOP}, steps 5 and 6 (kubectl get deployment -n other: 150/150)`,
      checkOffline: (lab) => checkPauseDeployment(lab, replicas),
      live: {
        commands: () => [
          kubectl(
            'get',
            'deployment',
            PAUSE_PODS.name,
            '-n',
            PAUSE_PODS.namespace,
            '-o',
            'jsonpath={.status.availableReplicas}',
          ),
        ],
        interpret: (results) => interpretAvailableReplicas(results[0], replicas),
      },
    });
  }
  return expectations;
}
