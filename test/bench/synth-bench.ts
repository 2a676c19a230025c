/**
 * `npm run bench`: times `cdk synth` (CDK CLI, CloudFormation validator on, as a user runs it) of the base lab,
 * of every module enabled, and of the smallest comparable app, and prints the ratios. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLE_INBOUND_CIDR } from '../../lib/lab-configurations';
import { MODULE_NAMES } from '../../lib/modules/module-registry';

const ROOT = path.join(__dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Case {
  readonly name: string;
  readonly args: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'comparison app', args: ['--app', 'node --require tsx/cjs test/bench/comparison-app.ts'] },
  { name: 'base lab', args: [] },
  {
    name: 'every module + exposeUi',
    args: [
      '-c',
      `modules=${MODULE_NAMES.join(',')}`,
      '-c',
      'exposeUi=true',
      '-c',
      `inboundCidrs=${EXAMPLE_INBOUND_CIDR}`,
    ],
  },
];

function timeSynth(args: readonly string[]): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bench-'));
  const started = process.hrtime.bigint();
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '-o', outdir, ...args], { cwd: ROOT, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`cdk synth ${args.join(' ')} failed:\n${result.stderr}`);
  return seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// One untimed synth per case first, so no case pays for a cold transpile cache or cold disk.
for (const benchCase of CASES) timeSynth(benchCase.args);
const results = CASES.map((benchCase) => {
  const times = Array.from({ length: RUNS }, () => timeSynth(benchCase.args));
  return { name: benchCase.name, seconds: median(times), times };
});
const comparison = results[0].seconds;
console.log(`cdk synth, median of ${RUNS} runs (CDK CLI, CloudFormation validator on):`);
for (const result of results) {
  console.log(
    `  ${result.name.padEnd(26)} ${result.seconds.toFixed(2)} s  (x${(result.seconds / comparison).toFixed(2)} of the comparison app; runs: ${result.times.map((t) => t.toFixed(2)).join(', ')})`,
  );
}
const allModules = results[results.length - 1].seconds / comparison;
console.log(
  `target: every module within 2x the comparison app -> ${allModules <= 2 ? 'met' : 'NOT met'} (x${allModules.toFixed(2)})`,
);
