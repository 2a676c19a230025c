import { Match, Template } from 'aws-cdk-lib/assertions';
import type { LabSynthesis } from '../../lib/lab-app';
import { CfnStackGraph } from '../../lib/verify/cfn-stack-references';
import type { LabTemplate } from '../../lib/verify/cfn-template';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { shareSynthesizedOutput } from './synthesized-output-cache';
import { TEST_DAY } from './test-day';

export { TEST_DAY };

/**
 * Synthesizes the lab once for a context (call from `beforeAll`, never per test), with its construct tree. A test
 * that reads only the output (templates, objects, releases) uses synthesizedOutputForTest instead; the output of
 * this synthesis goes to the same run-wide cache, for the files that need only that.
 */
export function synthesizeForTest(context: Record<string, unknown> = {}): LabSynthesis {
  // Loaded on first use only: the composition root pulls in all of aws-cdk-lib, which the files that import this
  // module for TEST_DAY or the template helpers do not need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeLab } = require('../../lib/lab-app') as typeof import('../../lib/lab-app');
  const lab = synthesizeLab({ context, today: TEST_DAY });
  shareSynthesizedOutput(context, lab);
  return lab;
}

/**
 * The entry of a synthesized template. The templates are what Template.fromStack read from the cloud assembly
 * (stackTemplates in lib/verify/synthesized-lab.ts), so Template.fromJSON of one is the template fromStack gives,
 * with the same cyclic dependency check; it works on a LabSynthesis and on the cached output alike.
 */
function templateAt(lab: SynthesizedOutput, stackPath: string): LabTemplate | undefined {
  return lab.templates.find((entry) => entry.stackPath === stackPath);
}

/** The path of the root stack (the construct path of NetworkingLabStack): the first template's. */
export function rootStackPath(lab: SynthesizedOutput): string {
  return lab.templates[0].stackPath;
}

export function rootTemplate(lab: SynthesizedOutput): Template {
  return Template.fromJSON(lab.templates[0].template);
}

/** The template of the module's nested stack (by construct id, under the root stack). */
export function nestedTemplate(lab: SynthesizedOutput, nestedStackId: string): Template {
  const entry = templateAt(lab, `${rootStackPath(lab)}/${nestedStackId}`);
  if (!entry) throw new Error(`No nested stack ${nestedStackId} under ${rootStackPath(lab)}`);
  return Template.fromJSON(entry.template);
}

/** The logical id, in the root template, of the AWS::CloudFormation::Stack resource of a nested stack under the root. */
export function nestedStackResourceId(lab: SynthesizedOutput, nestedStackId: string): string {
  const path = `${rootStackPath(lab)}/${nestedStackId}`;
  const resource = new CfnStackGraph(lab.templates).nestedStackResource(path);
  if (!resource) throw new Error(`No nested stack resource for ${path}`);
  return resource.logicalId;
}

export { Match };
