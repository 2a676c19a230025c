import { Match, Template } from 'aws-cdk-lib/assertions';
import type { NestedStack } from 'aws-cdk-lib';
import { synthesizeLab, type LabSynthesis } from '../../lib/lab-app';

import { TEST_DAY } from './test-day';

export { TEST_DAY };

/** Synthesizes the lab once for a context (call from `beforeAll`, never per test). */
export function synthesizeForTest(context: Record<string, unknown> = {}): LabSynthesis {
  return synthesizeLab({ context, today: TEST_DAY });
}

export function rootTemplate(lab: LabSynthesis): Template {
  return Template.fromStack(lab.stack);
}

/** The template of the module's nested stack (found by construct id). */
export function nestedTemplate(lab: LabSynthesis, nestedStackId: string): Template {
  const nested = lab.stack.node.tryFindChild(nestedStackId) as NestedStack | undefined;
  if (!nested) throw new Error(`No nested stack ${nestedStackId} under NetworkingLabStack`);
  return Template.fromStack(nested);
}

export { Match };
