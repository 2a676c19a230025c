/**
 * A managed node group runs its desired number of nodes and every one is Ready: checked offline against the
 * synthesized node group (scaling configuration and the label the live check selects by), live with
 * `kubectl get nodes -l eks-networking-lab/node-group=<name>` (workshop custom networking step 8: every node of
 * `default` and `custom-networking` Ready).
 */
import { renderCfnValue } from '../cfn-template';
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import { kubeItems, type NodeJson, nodeIsReady, nodeName } from '../live/kube-objects';
import { kubectl, labelSelector } from '../live/live-commands';
import { resourcesOfType } from '../nested-stack-parameters';
import { labNodeGroupName } from '../node-group-resources';
import type { SynthesizedOutput } from '../synthesized-lab';
import { NODE_GROUP_LABEL } from '../../node-groups/node-group-plan';

export interface NodeGroupReadinessOptions {
  /** The module that declared the node group (`base` for `default`). */
  readonly module: string;
  readonly nodeGroup: string;
  /** The planned desired size: the number of nodes the group keeps (no autoscaler changes it in the lab). */
  readonly desiredSize: number;
  readonly source?: string;
}

interface ScalingConfigJson {
  readonly DesiredSize?: unknown;
  readonly MinSize?: unknown;
  readonly MaxSize?: unknown;
}

/** Offline: the synthesized node group asks EKS for the planned size and labels its nodes for the live selector. */
export function checkSynthesizedNodeGroupSize(
  lab: SynthesizedOutput,
  nodeGroup: string,
  desiredSize: number,
): CheckOutcome {
  const found = resourcesOfType(lab.templates, 'AWS::EKS::Nodegroup').filter(
    ({ resource }) => labNodeGroupName(resource) === nodeGroup,
  );
  if (found.length !== 1) return { pass: false, actual: `${found.length} managed node groups named ${nodeGroup}` };
  const properties = found[0].resource.Properties ?? {};
  const scaling = (properties.ScalingConfig ?? {}) as ScalingConfigJson;
  const [desired, min, max] = [scaling.DesiredSize, scaling.MinSize, scaling.MaxSize].map((value) =>
    Number(renderCfnValue(value)),
  );
  const label = (properties.Labels as Readonly<Record<string, unknown>> | undefined)?.[NODE_GROUP_LABEL];
  const labelled = label !== undefined && renderCfnValue(label) === nodeGroup;
  return {
    pass: desired === desiredSize && min <= desired && desired <= max && labelled,
    actual:
      `desired ${desired} (min ${min}, max ${max}); nodes ` +
      (labelled ? `labelled ${NODE_GROUP_LABEL}=${nodeGroup}` : `NOT labelled ${NODE_GROUP_LABEL}=${nodeGroup}`),
  };
}

/** Live: exactly the desired number of nodes carry the group's label, and all are Ready. */
export function interpretNodeGroupNodes(
  result: CommandResult | undefined,
  nodeGroup: string,
  desiredSize: number,
): CheckOutcome {
  const nodes = kubeItems<NodeJson>(result);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  if (nodes.length === 0) return { pass: false, actual: `no node of node group ${nodeGroup} has joined` };
  const notReady = nodes.filter((node) => !nodeIsReady(node));
  const cordoned = nodes.filter((node) => node.spec?.unschedulable === true);
  const notes = [
    ...(nodes.length > desiredSize
      ? ['more nodes than desired: a node group update replaces nodes one batch at a time; run again once it is done']
      : []),
    ...(cordoned.length > 0 ? [`cordoned: ${cordoned.map(nodeName).join(', ')}`] : []),
  ];
  return {
    pass: nodes.length === desiredSize && notReady.length === 0,
    actual:
      `${nodes.length} node(s), ${nodes.length - notReady.length} Ready` +
      (notReady.length > 0 ? `; not Ready: ${notReady.map(nodeName).join(', ')}` : ''),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

export function nodeGroupReadinessExpectation(options: NodeGroupReadinessOptions): LabExpectation {
  const { nodeGroup, desiredSize } = options;
  return {
    id: `${options.module}/nodes-ready-${nodeGroup}`,
    module: options.module,
    subject: `nodes of node group ${nodeGroup} (${NODE_GROUP_LABEL}=${nodeGroup})`,
    expected: `${desiredSize} node(s), all Ready`,
    source:
      options.source ??
      'workshop custom networking step 8 (kubectl get nodes -L eks.amazonaws.com/nodegroup: every node Ready)',
    checkOffline: (lab) => checkSynthesizedNodeGroupSize(lab, nodeGroup, desiredSize),
    live: {
      commands: () => [kubectl('get', 'nodes', '-l', labelSelector({ [NODE_GROUP_LABEL]: nodeGroup }), '-o', 'json')],
      interpret: (results) => interpretNodeGroupNodes(results[0], nodeGroup, desiredSize),
    },
  };
}
