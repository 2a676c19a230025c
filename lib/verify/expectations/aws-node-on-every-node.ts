/**
 * The Amazon VPC CNI runs on every EC2 node: one `aws-node` pod per node, Running with every container ready
 * (workshop prefix delegation step 1: `kubectl get pods --selector=k8s-app=aws-node -n kube-system`, 3 pods Running).
 * Without it a node has no pod networking: its pods stay in ContainerCreating.
 */
import type { CheckOutcome, CommandResult, LabExpectation, LiveCommand } from '../lab-expectation';
import {
  isEc2Node,
  kubeItems,
  type NodeJson,
  nodeName,
  type PodJson,
  podIsActive,
  podIsRunningAndReady,
  podReadiness,
} from '../live/kube-objects';
import { kubectl } from '../live/live-commands';
import { nodeGroupWaitsForVpcCni } from './node-group-max-pods';
import type { SynthesizedOutput } from '../synthesized-lab';
import { synthesizedVpcCniAddon } from '../vpc-cni-addon';

/** Label of the `aws-node` DaemonSet's pods. */
export const AWS_NODE_POD_LABEL = 'k8s-app=aws-node';

export const AWS_NODE_PODS_COMMAND: LiveCommand = kubectl(
  'get',
  'pods',
  '-n',
  'kube-system',
  '-l',
  AWS_NODE_POD_LABEL,
  '-o',
  'json',
);
export const ALL_NODES_COMMAND: LiveCommand = kubectl('get', 'nodes', '-o', 'json');

/**
 * Offline: the vpc-cni managed add-on is synthesized, every node group is created after it (so each node starts
 * with aws-node scheduled), and its configuration places the DaemonSet nowhere narrower than the add-on's default
 * (a `nodeSelector` or `affinity` in the configuration replaces it).
 */
export function checkVpcCniOnEveryNodeGroup(lab: SynthesizedOutput): CheckOutcome {
  const addon = synthesizedVpcCniAddon(lab.templates);
  if (!addon) return { pass: false, actual: 'no vpc-cni add-on is synthesized' };
  const groups = lab.plan.nodeGroups.map((group) => group.name);
  const before = groups.filter((group) => !nodeGroupWaitsForVpcCni(lab, group));
  const placement = ['nodeSelector', 'affinity'].filter((key) => key in addon.configuration);
  const problems = [
    ...(before.length > 0 ? [`node group(s) ${before.join(', ')} do not wait for the add-on`] : []),
    ...(placement.length > 0 ? [`the add-on configuration sets ${placement.join(', ')}`] : []),
  ];
  return {
    pass: problems.length === 0 && groups.length > 0,
    actual:
      problems.length === 0
        ? `vpc-cni add-on ${addon.version ?? '(EKS default version)'} before node groups ${groups.join(', ')}, default placement`
        : problems.join('; '),
  };
}

/** Live: each EC2 node runs an aws-node pod that is Running and ready. */
export function interpretAwsNodePerNode(results: readonly CommandResult[]): CheckOutcome {
  const nodes = kubeItems<NodeJson>(results[0]);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const pods = kubeItems<PodJson>(results[1]);
  if (typeof pods === 'string') return { pass: false, actual: pods };
  const ec2Nodes = nodes.filter(isEc2Node);
  if (ec2Nodes.length === 0) return { pass: false, actual: 'no EC2 node in the cluster' };
  const active = pods.filter(podIsActive);
  const problems = ec2Nodes.flatMap((node) => {
    const onNode = active.filter((pod) => pod.spec?.nodeName === nodeName(node));
    if (onNode.length === 0) return [`${nodeName(node)}: no aws-node pod`];
    return onNode.some(podIsRunningAndReady)
      ? []
      : [`${nodeName(node)}: aws-node ${onNode.map(podReadiness).join(', ')}`];
  });
  const ready = active.filter(podIsRunningAndReady);
  return {
    pass: problems.length === 0,
    actual:
      `${ec2Nodes.length} EC2 node(s), ${ready.length} aws-node pod(s) Running and ready` +
      (ready.length > 0 ? ` (${podReadiness(ready[0])})` : '') +
      (problems.length > 0 ? `; ${problems.join('; ')}` : ''),
  };
}

export function awsNodeOnEveryNodeExpectation(module: string): LabExpectation {
  return {
    id: `${module}/aws-node-on-every-node`,
    module,
    subject: `aws-node pods (VPC CNI, ${AWS_NODE_POD_LABEL}) on the EC2 nodes`,
    expected: 'one per EC2 node, Running with every container ready',
    source: 'workshop prefix delegation step 1 (kubectl get pods --selector=k8s-app=aws-node -n kube-system)',
    checkOffline: checkVpcCniOnEveryNodeGroup,
    live: { commands: () => [ALL_NODES_COMMAND, AWS_NODE_PODS_COMMAND], interpret: interpretAwsNodePerNode },
  };
}
