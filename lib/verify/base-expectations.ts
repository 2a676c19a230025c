import { type RetailAppCall, RETAIL_APP_CALLS } from '../../manifests/retail-app/retail-app-calls';
import type { LabPlan } from '../config/lab-plan-model';
import { connectivityExpectation } from './expectations/connectivity-expectation';
import { eksMaxPodsExpectation } from './expectations/node-group-max-pods';
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
 * What the base lab promises: the retail app's own calls work, and every planned node group (the base's and the
 * modules') runs with the max pods the plan states.
 */
export function baseExpectations(plan: LabPlan): LabExpectation[] {
  return [
    ...RETAIL_APP_CALLS.map((call) =>
      appCallExpectation(call, 'base', 'allowed', 'retail app ConfigMaps (normal use)'),
    ),
    ...plan.nodeGroups.map((group) =>
      eksMaxPodsExpectation({ module: group.owner, nodeGroup: group.name, maxPods: group.maxPods }),
    ),
  ];
}
