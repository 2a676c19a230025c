import type { ContextKeySpec } from './context-key-spec';
import type { ContextReader } from './context-reader';
import type { LabConfig, ModuleSettingsByPrefix } from './lab-config';
import type { LabPlan } from './lab-plan-model';
import type { NodeGroupDeclaration } from '../node-groups/node-group-plan';
import type { PartContract } from '../third-party/part-contract';
import type { VpcCniConfiguration } from '../vpc-cni/vpc-cni-configuration';

/** A capability of the base that a module can require, with the context key that switches it on. */
export interface CapabilityRequirement {
  readonly capability: 'aws-load-balancer-controller';
  /** Whether the module needs it with this config (a module may need it only for an optional part). */
  readonly neededWhen: (config: LabConfig) => boolean;
  readonly reason: string;
}

/**
 * A module's context keys: all under `<keyPrefix>.`, read into `config[keyPrefix]`. The module's settings file
 * declares the type of `config[keyPrefix]` by augmenting `ModuleSettingsByPrefix` (lib/config/lab-config.ts).
 */
export interface ModuleSettings<Prefix extends keyof ModuleSettingsByPrefix = keyof ModuleSettingsByPrefix> {
  readonly keyPrefix: Prefix;
  readonly keySpecs: readonly ContextKeySpec[];
  read(reader: ContextReader): ModuleSettingsByPrefix[Prefix];
}

/**
 * What the configuration and the plan need to know about a module before any construct exists: its name, its
 * settings and the hooks it uses (absent hooks add nothing). The module's definition (lib/modules/lab-module.ts)
 * adds its stacks and its checks; the composition root hands the definitions to the config reader and the planner.
 */
export interface LabModuleModel {
  /** The exact name in `-c modules=<name>`. */
  readonly name: string;
  readonly summary: string;
  readonly settings?: ModuleSettings;
  /** Other modules this one needs enabled. */
  readonly requiresModules?: readonly string[];
  readonly requiresCapabilities?: readonly CapabilityRequirement[];
  /** Modules that cannot run together with this one, and why. */
  readonly conflicts?: readonly { readonly module: string; readonly reason: string }[];
  /** VPC CNI add-on settings, merged by the base before any node group exists. */
  vpcCniConfiguration?(config: LabConfig): VpcCniConfiguration;
  /** Node groups the module adds (created by the module through the foundation). */
  nodeGroups?(config: LabConfig): readonly NodeGroupDeclaration[];
  /** Cross-key checks that need the whole config and its plan (node groups, VPC CNI mode); throw LabConfigError. */
  validate?(plan: LabPlan): void;
  /** Third-party parts the module installs with this config (their contracts: lib/third-party). */
  parts?(config: LabConfig): readonly PartContract[];
}
