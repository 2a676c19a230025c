#!/usr/bin/env node
/**
 * `npm run synth:all [-- <configuration>...]`: a full `cdk synth` (CDK CLI, cdk.json app, CloudFormation validator on,
 * `--strict`) of every configuration the tests cover, or of the named ones, two at a time. Fails when any synth
 * fails or prints a warning or error annotation. `npm test` runs it for `all-modules` only: the unit tests
 * synthesize every configuration in-process and check their annotations; the CLI adds the app entry point and the
 * CloudFormation validator, and every resource type of the lab is in `all-modules`.
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { runChild } from '../lib/cli/child-output';
import { type LabConfiguration, labConfigurations } from '../lib/lab-configurations';

const ROOT = path.join(__dirname, '..');
const CONCURRENCY = 2;
/** The project's CDK CLI, started with this Node.js (as `npx cdk` would, without starting npm first). */
const CDK_CLI = require.resolve('aws-cdk/bin/cdk');

interface SynthResult {
  readonly configuration: LabConfiguration;
  readonly exitCode: number;
  readonly output: string;
  readonly seconds: number;
}

async function synth(configuration: LabConfiguration): Promise<SynthResult> {
  const args = [
    CDK_CLI,
    'synth',
    '--quiet',
    '--strict',
    '--output',
    path.join('cdk.out', 'configurations', configuration.name),
  ];
  for (const [key, value] of Object.entries(configuration.context)) args.push('--context', `${key}=${value}`);
  const started = Date.now();
  const { status, output } = await runChild(process.execPath, args, true, {
    cwd: ROOT,
    env: { ...process.env, CDK_VALIDATION: undefined },
  });
  return { configuration, exitCode: status, output, seconds: (Date.now() - started) / 1000 };
}

async function main(): Promise<number> {
  const names = parseArgs({ allowPositionals: true, options: {} }).positionals;
  const known = labConfigurations();
  const unknown = names.filter((name) => !known.some((configuration) => configuration.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown configuration ${unknown.join(', ')}; known: ${known.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const queue = names.length === 0 ? known : known.filter((configuration) => names.includes(configuration.name));
  const results: SynthResult[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const result = await synth(next);
      results.push(result);
      const context = Object.entries(next.context)
        .map(([key, value]) => `-c ${key}=${value}`)
        .join(' ');
      console.log(
        `${result.exitCode === 0 ? 'ok  ' : 'FAIL'} ${next.name.padEnd(26)} ${result.seconds.toFixed(1)}s  ${context}`,
      );
      if (result.exitCode !== 0) console.log(result.output);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const failed = results.filter((result) => result.exitCode !== 0);
  console.log(`${results.length - failed.length}/${results.length} configurations synthesized`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
