#!/usr/bin/env node
/**
 * `npm test`: the type check, then lint and the CDK CLI synth side by side (each keeps about one core busy, so
 * together they take little longer than lint alone), then the unit tests, which use every core. Stops at the first
 * stage that fails and ends with one line of timings.
 */
import { runChild } from '../lib/cli/child-output';
import { runStages, type StartStep } from '../lib/cli/run-stages';

const STAGES = [['typecheck'], ['lint', 'synth:check'], ['test:unit']] as const;

/** Runs an npm script with the npm that runs this one (`npm_execpath`), else with `npm` from PATH. */
const startScript: StartStep = (script, keepOutput) => {
  const npm = process.env.npm_execpath;
  const args = ['run', '--silent', script];
  return npm ? runChild(process.execPath, [npm, ...args], keepOutput) : runChild('npm', args, keepOutput);
};

runStages(STAGES, startScript, (text) => process.stdout.write(text)).then(({ status, summary }) => {
  console.log(`\nnpm test: ${summary}`);
  process.exit(status);
});
