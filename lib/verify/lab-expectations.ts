import { baseExpectations } from './base-expectations';
import { partExpectation } from './expectations/part-expectation';
import type { LabExpectation } from './lab-expectation';
import type { LabPlan } from '../config/lab-plan-model';
import { moduleDefinition } from '../modules/module-registry';

/**
 * Every expectation the lab declares for a plan: the base's, then each enabled module's in registry order. A
 * later declaration with the same id replaces an earlier one (a module that changes the verdict of an app call
 * declares it under the same id), so nothing is checked twice with contradicting answers.
 */
export function labExpectations(plan: LabPlan): LabExpectation[] {
  const byId = new Map<string, LabExpectation>();
  const declared = [
    ...baseExpectations(plan),
    ...plan.parts.map(({ part, owner }) => partExpectation(part, owner, plan.config.kubernetesVersion.version)),
    ...plan.config.modules.flatMap((name) => moduleDefinition(name).expectations(plan.config)),
  ];
  for (const expectation of declared) {
    byId.delete(expectation.id);
    byId.set(expectation.id, expectation);
  }
  return [...byId.values()];
}
