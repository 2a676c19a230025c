import { dependsOn } from '../cfn-template';
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import type { PlannedNodeGroup } from '../../lab-plan';
import type { SynthesizedLab } from '../synthesized-lab';

function nodeGroupWaitsForVpcCni(lab: SynthesizedLab, nodeGroupName: string): CheckOutcome {
  for (const { template } of lab.templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::EKS::Nodegroup' || resource.Properties?.NodegroupName !== nodeGroupName) continue;
      // Inside a nested stack the edge to the parent's add-on is the nested stack's own dependency; the nested
      // stack resource is checked in the root template.
      const direct = dependsOn(resource).some(
        (id) =>
          template.Resources[id]?.Type === 'AWS::EKS::Addon' &&
          template.Resources[id].Properties?.AddonName === 'vpc-cni',
      );
      if (direct) return { pass: true, actual: `${logicalId} is created after the vpc-cni add-on` };
      const root = lab.templates[0].template;
      const nestedWaits = Object.values(root.Resources).some(
        (candidate) =>
          candidate.Type === 'AWS::CloudFormation::Stack' &&
          dependsOn(candidate).some(
            (id) =>
              root.Resources[id]?.Type === 'AWS::EKS::Addon' && root.Resources[id].Properties?.AddonName === 'vpc-cni',
          ),
      );
      return nestedWaits
        ? { pass: true, actual: `${logicalId}'s nested stack is created after the vpc-cni add-on` }
        : { pass: false, actual: `${logicalId} does not wait for the vpc-cni add-on` };
    }
  }
  return { pass: false, actual: `no node group named ${nodeGroupName}` };
}

/**
 * Nodes of a managed node group run with the max pods the plan states. Offline: the node group is created after
 * the vpc-cni add-on (EKS computes max pods from the CNI configuration present at creation). Live: every node's
 * allocatable pods equals the planned value.
 */
export function nodeGroupMaxPodsExpectation(module: string, plan: PlannedNodeGroup): LabExpectation {
  return {
    id: `${module}/max-pods-${plan.name}`,
    module,
    subject: `node group ${plan.name} (${plan.instanceType.name}) max pods`,
    expected: String(plan.maxPods),
    source: 'EKS user guide: managed node groups compute maxPods from the VPC CNI configuration',
    checkOffline: (lab) => nodeGroupWaitsForVpcCni(lab, plan.name),
    live: {
      commands: () => [
        {
          program: 'kubectl',
          args: [
            'get',
            'nodes',
            '-l',
            `eks.amazonaws.com/nodegroup=${plan.name}`,
            '-o',
            'jsonpath={.items[*].status.allocatable.pods}',
          ],
        },
      ],
      interpret: (results: readonly CommandResult[]): CheckOutcome => {
        const values = results[0].stdout.trim().split(/\s+/).filter(Boolean);
        if (results[0].exitCode !== 0 || values.length === 0)
          return { pass: false, actual: `no nodes found (${results[0].stderr.trim()})` };
        return { pass: values.every((value) => Number(value) === plan.maxPods), actual: values.join(', ') };
      },
    },
  };
}
