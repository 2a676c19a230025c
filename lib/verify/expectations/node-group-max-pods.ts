/**
 * The kubelet `maxPods` of a managed node group: stated by the lab (the plan and the `NodeGroupMaxPods` stack output)
 * and checked offline against what EKS computes from the synthesized VPC CNI configuration, and live against the
 * nodes' allocatable pods.
 *
 * EKS computes the value itself for a managed node group whose launch template has no AMI, from the VPC CNI
 * configuration present when the node group is created or updated, capped at 110 (30 vCPUs or fewer) or 250
 * (https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html;
 * https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods). Custom networking
 * and prefix delegation are settings of the whole `aws-node` DaemonSet, so the check reads them cluster-wide.
 */
import { dependsOn, renderCfnValue } from '../cfn-template';
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import { resourcesOfType } from '../nested-stack-parameters';
import { labNodeGroupName } from '../node-group-resources';
import { kubeletMaxPods } from '../../node-groups/pod-density';
import type { SynthesizedOutput } from '../synthesized-lab';
import { synthesizedVpcCniAddon, vpcCniEnv } from '../vpc-cni-addon';
import { kubectl, labelSelector } from '../live/live-commands';
import { NODE_GROUP_LABEL } from '../../node-groups/node-group-plan';

/** Construct id of the root stack output that states every node group's max pods (lib/networking-lab-stack.ts). */
export const NODE_GROUP_MAX_PODS_OUTPUT = 'NodeGroupMaxPods';

export interface NodeGroupMaxPodsOptions {
  /** The module declaring the expectation. */
  readonly module: string;
  /**
   * @default `<module>/max-pods-<node group>`. A module that changes the value of a node group declared by another
   * (prefix delegation changes every node group's) reuses the id the base gives it, `<owner>/max-pods-<name>`
   * (lib/verify/base-expectations.ts), so the stricter check replaces the base one instead of running twice.
   */
  readonly id?: string;
  readonly nodeGroup: string;
  /** The value the lab states for the node group's kubelet. */
  readonly maxPods: number;
  readonly source?: string;
}

/** The max pods EKS will compute for a synthesized node group, or a reason it cannot be told. */
export function synthesizedEksMaxPods(lab: SynthesizedOutput, nodeGroup: string): number | string {
  const found = resourcesOfType(lab.templates, 'AWS::EKS::Nodegroup').find(
    ({ resource }) => labNodeGroupName(resource) === nodeGroup,
  );
  if (!found) return `no managed node group named ${nodeGroup} is synthesized`;
  const instanceTypes = (found.resource.Properties?.InstanceTypes ?? []) as unknown[];
  if (instanceTypes.length !== 1)
    return `node group ${nodeGroup} has ${instanceTypes.length} instance types, expected 1`;
  const addon = synthesizedVpcCniAddon(lab.templates);
  const env = addon ? vpcCniEnv(addon.configuration) : {};
  return kubeletMaxPods(renderCfnValue(instanceTypes[0]), {
    customNetworking: env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG === 'true',
    prefixDelegation: env.ENABLE_PREFIX_DELEGATION === 'true',
  });
}

/**
 * Whether the node group is created after the vpc-cni add-on (directly, or through the nested stack that holds it):
 * EKS computes max pods from the CNI configuration present when the node group is created.
 */
export function nodeGroupWaitsForVpcCni(lab: SynthesizedOutput, nodeGroup: string): boolean {
  const root = lab.templates[0].template;
  const isVpcCni = (resources: SynthesizedOutput['templates'][number]['template']['Resources'], id: string) =>
    resources[id]?.Type === 'AWS::EKS::Addon' && resources[id].Properties?.AddonName === 'vpc-cni';
  for (const { template } of lab.templates) {
    for (const resource of Object.values(template.Resources)) {
      if (resource.Type !== 'AWS::EKS::Nodegroup' || labNodeGroupName(resource) !== nodeGroup) continue;
      if (dependsOn(resource).some((id) => isVpcCni(template.Resources, id))) return true;
      return (
        template !== root &&
        Object.values(root.Resources).some(
          (candidate) =>
            candidate.Type === 'AWS::CloudFormation::Stack' &&
            dependsOn(candidate).some((id) => isVpcCni(root.Resources, id)),
        )
      );
    }
  }
  return false;
}

/** The value the root stack output states for a node group, or undefined. */
export function statedMaxPods(lab: SynthesizedOutput, nodeGroup: string): number | undefined {
  const output = lab.templates[0]?.template.Outputs?.[NODE_GROUP_MAX_PODS_OUTPUT] as { Value?: unknown } | undefined;
  if (output?.Value === undefined) return undefined;
  const values = JSON.parse(renderCfnValue(output.Value)) as Record<string, number>;
  return values[nodeGroup];
}

/** Reads `kubectl ... -o jsonpath={.items[*].status.allocatable.pods}` output against the expected value. */
export function interpretAllocatablePods(
  result: CommandResult | undefined,
  nodeGroup: string,
  expected: number,
): CheckOutcome {
  if (!result || result.exitCode !== 0) {
    return { pass: false, actual: `kubectl failed: ${result?.stderr.trim() || 'no result'}` };
  }
  const values = result.stdout
    .replace(/'/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((value) => value !== '');
  if (values.length === 0) return { pass: false, actual: `no nodes of node group ${nodeGroup}` };
  const wrong = values.filter((value) => Number(value) !== expected);
  return {
    pass: wrong.length === 0,
    actual: `allocatable pods per node: ${values.join(', ')}`,
    notes:
      wrong.length === 0
        ? undefined
        : [
            'Nodes keep the max pods EKS computed when their node group was created or last updated; after changing ' +
              'the VPC CNI configuration, update or replace the node group.',
          ],
  };
}

/**
 * The stated max pods of a node group, checked offline against the value EKS computes from the synthesized templates
 * (instance type and vpc-cni add-on configuration) and the `NodeGroupMaxPods` output, live against allocatable pods.
 */
export function eksMaxPodsExpectation(options: NodeGroupMaxPodsOptions): LabExpectation {
  const { nodeGroup, maxPods } = options;
  return {
    id: options.id ?? `${options.module}/max-pods-${nodeGroup}`,
    module: options.module,
    subject: `kubelet maxPods of node group ${nodeGroup}`,
    expected: `${maxPods}`,
    source: options.source ?? 'EKS user guide, Amazon EKS recommended maximum Pods for each Amazon EC2 instance type',
    checkOffline(lab) {
      const planned = lab.plan.nodeGroups.find((group) => group.name === nodeGroup)?.maxPods;
      const computed = synthesizedEksMaxPods(lab, nodeGroup);
      const stated = statedMaxPods(lab, nodeGroup);
      const waits = nodeGroupWaitsForVpcCni(lab, nodeGroup);
      const actual =
        `planned ${planned ?? 'nothing'}, stack output ${stated ?? 'nothing'}, EKS computes ${computed}` +
        (waits ? '' : '; the node group does not wait for the vpc-cni add-on');
      return { pass: planned === maxPods && stated === maxPods && computed === maxPods && waits, actual };
    },
    live: {
      commands: () => [
        kubectl(
          'get',
          'nodes',
          '-l',
          labelSelector({ [NODE_GROUP_LABEL]: nodeGroup }),
          '-o',
          'jsonpath={.items[*].status.allocatable.pods}',
        ),
      ],
      interpret: (results) => interpretAllocatablePods(results[0], nodeGroup, maxPods),
    },
  };
}
