import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LabSynthesis } from '../../lib/lab-app';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { TEST_DAY } from './test-day';

/**
 * Synthesized output (config, plan, templates, Kubernetes objects, Helm releases: plain JSON) of a configuration,
 * shared by every test file of one run through the run's temporary directory. Jest gives each test file its own
 * module registry, so without it a file that checks all nine configurations would build and synthesize them again;
 * tests that need the construct tree use synthesizeForTest instead, which shares its output here too.
 */
function cacheFile(context: Readonly<Record<string, unknown>>): string | undefined {
  const directory = process.env.LAB_TEST_TMPDIR;
  if (!directory) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify(Object.entries(context).sort()))
    .digest('hex')
    .slice(0, 16);
  return join(directory, 'synthesized', `${key}.json`);
}

/** A warning or error annotation on a construct: what `cdk synth --strict` fails on. */
export interface SynthAnnotation {
  readonly level: 'warning' | 'error';
  readonly path: string;
  readonly message: string;
}

/** The output, and the warning and error annotations of every construct. */
export interface CachedOutput extends SynthesizedOutput {
  readonly annotations: readonly SynthAnnotation[];
}

/** The output of an in-memory synthesis, with the warning and error annotations of its constructs. */
function outputOf(lab: LabSynthesis): CachedOutput {
  const { config, plan, stack, templates, kubernetesObjects, helmReleases } = lab;
  const annotations = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata.flatMap((entry) =>
      entry.type === 'aws:cdk:warning' || entry.type === 'aws:cdk:error'
        ? [
            {
              level: entry.type === 'aws:cdk:warning' ? ('warning' as const) : ('error' as const),
              path: construct.node.path,
              message: String(entry.data),
            },
          ]
        : [],
    ),
  );
  return { config, plan, templates, kubernetesObjects, helmReleases, annotations };
}

function synthesizeOutput(context: Readonly<Record<string, unknown>>): CachedOutput {
  // Loaded only on a cache miss: the composition root pulls in all of aws-cdk-lib.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeLab } = require('../../lib/lab-app') as typeof import('../../lib/lab-app');
  return outputOf(synthesizeLab({ context, today: TEST_DAY }));
}

/** Writes an output aside and renames it into place, so a reader never sees half a file. */
function store(file: string, output: CachedOutput): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(output));
  renameSync(partial, file);
}

/**
 * Shares the output of a synthesis made with the construct tree (synthesizeForTest, same context and test day), so
 * later files of the run that need only the output read it instead of synthesizing it again. Call right after the
 * synthesis, before a test touches the constructs.
 */
export function shareSynthesizedOutput(context: Readonly<Record<string, unknown>>, lab: LabSynthesis): void {
  const file = cacheFile(context);
  if (file && !existsSync(file)) store(file, outputOf(lab));
}

/**
 * The synthesized output of a configuration: from this run's cache when another test file already synthesized it,
 * else synthesized now and stored.
 */
export function synthesizedOutputForTest(context: Readonly<Record<string, unknown>> = {}): CachedOutput {
  const file = cacheFile(context);
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CachedOutput;
  const output = synthesizeOutput(context);
  if (file) store(file, output);
  return output;
}
