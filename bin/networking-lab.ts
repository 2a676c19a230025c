#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { deployedLabStateFrom, OUTPUTS_FILE } from '../lib/config/deployed-lab-state';
import { LabConfigError } from '../lib/config/lab-config-error';
import { nodeSupport } from '../lib/cli/node-support';
import { costSummaryLine } from '../lib/cost/cost-report';
import { composeLab } from '../lib/lab-app';
import { LAB_STACK_NAME } from '../lib/lab-stack-name';
import { extractDeployedObjects, stackTemplates } from '../lib/verify/synthesized-lab';

// One line, before anything else: what to do about an old or unsupported Node.js.
const node = nodeSupport(process.version, new Date().toISOString().slice(0, 10));
if (node.kind !== 'supported') console.error(node.message);
if (node.kind === 'does-not-run') process.exit(1);

// The CDK CLI passes cdk.json's context (feature flags and the lab's keys) and every -c.
const app = new App();
try {
  // Written by cdk deploy (cdk.json outputsFile); absent on a fresh machine, so synth stays offline and stateless.
  const deployed = existsSync(OUTPUTS_FILE)
    ? deployedLabStateFrom(JSON.parse(readFileSync(OUTPUTS_FILE, 'utf8')), LAB_STACK_NAME)
    : undefined;
  const stack = composeLab(app, { deployed });
  app.synth();
  // What a forgotten lab costs, before it is deployed (npm run cost has the breakdown).
  const templates = stackTemplates(stack);
  console.error(costSummaryLine({ config: stack.config, templates, ...extractDeployedObjects(templates) }));
} catch (error) {
  if (error instanceof LabConfigError) {
    // One readable line for bad input; a stack trace would only point into our own parser.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
