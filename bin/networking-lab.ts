#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { readLabConfig } from '../lib/config/read-lab-config';
import { LabConfigError } from '../lib/config/lab-config-error';
import { NetworkingLabStack } from '../lib/networking-lab-stack';

const app = new App();
try {
  const config = readLabConfig(app.node.getAllContext());
  new NetworkingLabStack(app, 'NetworkingLabStack', { config });
} catch (error) {
  if (error instanceof LabConfigError) {
    // One readable line for bad input; a stack trace would only point into our own parser.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
