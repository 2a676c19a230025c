import { type RetailAppCall, RETAIL_APP_CALLS } from '../../manifests/retail-app/retail-app-calls';
import type { LabPlan } from '../config/lab-plan-model';
import { connectivityExpectation } from './expectations/connectivity-expectation';
import { awsNodeOnEveryNodeExpectation } from './expectations/aws-node-on-every-node';
import { eksMaxPodsExpectation } from './expectations/node-group-max-pods';
import { nodeGroupReadinessExpectation } from './expectations/node-group-readiness';
import type { LabExpectation } from './lab-expectation';

/** Id of the expectation about one retail app call; a module that changes the verdict declares the same id. */
export function appCallExpectationId(call: RetailAppCall): string {
  return `app/${call.from}-to-${call.toService}`;
}

/** An app call as a connectivity expectation with the given verdict. */
export function appCallExpectation(
  call: RetailAppCall,
  module: string,
  expect: 'allowed' | 'blocked',
  source?: string,
): LabExpectation {
  return connectivityExpectation({
    id: appCallExpectationId(call),
    module,
    from: { namespace: call.from, workload: call.from },
    to: { kind: 'service', namespace: call.toNamespace, name: call.toService, port: call.port, path: call.path },
    expect,
    source,
  });
}

/**
 * What the base lab promises: the retail app's own calls work, every planned node group (the base's and the
 * modules') runs its desired number of Ready nodes with the max pods the plan states, and the VPC CNI runs on every
 * EC2 node.
 */
export function baseExpectations(plan: LabPlan): LabExpectation[] {
  return [
    ...RETAIL_APP_CALLS.map((call) =>
      appCallExpectation(call, 'base', 'allowed', 'retail app ConfigMaps (normal use)'),
    ),
    ...plan.nodeGroups.map((group) =>
      eksMaxPodsExpectation({ module: group.owner, nodeGroup: group.name, maxPods: group.maxPods }),
    ),
    // Declared for the module that owns the group, like max pods: the module's report shows its own nodes.
    ...plan.nodeGroups.map((group) =>
      nodeGroupReadinessExpectation({ module: group.owner, nodeGroup: group.name, desiredSize: group.desiredSize }),
    ),
    awsNodeOnEveryNodeExpectation('base'),
  ];
}
