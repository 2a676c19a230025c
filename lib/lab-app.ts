/**
 * The composition root: the one place the lab app is assembled, used by `cdk synth`/`cdk deploy`
 * (bin/networking-lab.ts), by every in-memory synthesis (`npm run verify`, `plan`, `cost`, the tests) and by the
 * cdk-nag harness, so they all build the same stack from the same feature flags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppProps } from 'aws-cdk-lib';
import type { LabConfig } from './config/lab-config';
import { parseLabConfig, type ReadLabConfigOptions } from './config/read-lab-config';
import type { LabPlan } from './config/lab-plan-model';
import { planLab } from './lab-plan';
import { MODULES } from './modules/module-registry';
import { LAB_STACK_NAME } from './lab-stack-name';
import { NetworkingLabStack } from './networking-lab-stack';
import { extractDeployedObjects, stackTemplates, type SynthesizedLab } from './verify/synthesized-lab';

const PROJECT_ROOT = join(__dirname, '..');

/** The lab as synthesized in memory, with the root stack's own members (VPC, cluster, ...) for tests. */
export type LabSynthesis = SynthesizedLab<NetworkingLabStack>;

let featureFlags: Readonly<Record<string, unknown>> | undefined;

/**
 * The CDK feature flags of the project's cdk.json (its context keys namespaced with `:`), which the CDK CLI applies
 * on every run; in-memory syntheses apply the same ones. The lab's own context keys in cdk.json are not included:
 * tools that act for the user (verify, plan, cost) read those themselves, tests never do.
 */
export function projectFeatureFlags(): Readonly<Record<string, unknown>> {
  if (!featureFlags) {
    const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
      context?: Record<string, unknown>;
    };
    featureFlags = Object.fromEntries(Object.entries(cdkJson.context ?? {}).filter(([key]) => key.includes(':')));
  }
  return featureFlags;
}

/**
 * An app for synthesis in memory: the project's feature flags, then `context`; assets are not staged and no stack
 * trace is recorded.
 */
export function inMemoryLabApp(context: Readonly<Record<string, unknown>>, props: AppProps = {}): App {
  return new App({
    ...props,
    context: {
      ...projectFeatureFlags(),
      ...context,
      // Offline checks read templates only: staging would copy the ~70 MB of Lambda layers into a temporary cloud
      // assembly on every call.
      'aws:cdk:disable-asset-staging': true,
      // A stack trace per resource and per metadata entry goes to the cloud assembly's metadata only, never to a
      // template; capturing them took about a tenth of a synth's time (under jest, which source-maps every frame).
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
    analyticsReporting: false,
  });
}

/** Reads and validates context into the lab's configuration, for every registered module. */
export function readLabConfig(
  context: Readonly<Record<string, unknown>>,
  options: ReadLabConfigOptions = {},
): LabConfig {
  return parseLabConfig(context, MODULES, options);
}

/** The plan of a configuration, with every registered module. */
export function planLabConfig(config: LabConfig): LabPlan {
  return planLab(config, MODULES);
}

/** Reads the configuration from the app's context and adds the lab's stack to the app. */
export function composeLab(app: App, options: ReadLabConfigOptions = {}): NetworkingLabStack {
  const config = readLabConfig(app.node.getAllContext(), options);
  return new NetworkingLabStack(app, LAB_STACK_NAME, { config });
}

export interface SynthesizeLabOptions extends ReadLabConfigOptions {
  /** CDK context, as `-c key=value` would give it (the project's feature flags are added). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Builds the lab in memory for a context, without the CDK CLI (no credentials, no network). */
export function synthesizeLab(options: SynthesizeLabOptions = {}): LabSynthesis {
  return synthesisOf(composeLab(inMemoryLabApp(options.context ?? {}), options));
}

/** The synthesized output of a composed lab (its app is synthesized now, unless it already was). */
export function synthesisOf(stack: NetworkingLabStack): LabSynthesis {
  const templates = stackTemplates(stack);
  return { config: stack.config, plan: stack.plan, stack, templates, ...extractDeployedObjects(templates) };
}
