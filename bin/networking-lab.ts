#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { deployedLabStateFrom, OUTPUTS_FILE } from '../lib/config/deployed-lab-state';
import { readLabConfig } from '../lib/config/read-lab-config';
import { LabConfigError } from '../lib/config/lab-config-error';
import { NetworkingLabStack } from '../lib/networking-lab-stack';

const STACK_NAME = 'NetworkingLabStack';

const app = new App();
try {
  // Written by cdk deploy (cdk.json outputsFile); absent on a fresh machine, so synth stays offline and stateless.
  const deployed = existsSync(OUTPUTS_FILE)
    ? deployedLabStateFrom(JSON.parse(readFileSync(OUTPUTS_FILE, 'utf8')), STACK_NAME)
    : undefined;
  const config = readLabConfig(app.node.getAllContext(), { deployed });
  new NetworkingLabStack(app, STACK_NAME, { config });
} catch (error) {
  if (error instanceof LabConfigError) {
    // One readable line for bad input; a stack trace would only point into our own parser.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
