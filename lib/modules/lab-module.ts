import type { NestedStack } from 'aws-cdk-lib';
import type { Construct, IConstruct, IDependable } from 'constructs';
import type { ContextKeySpec } from '../config/context-key-spec';
import type { LabConfig } from '../config/lab-config';
import type { LabFoundation } from '../lab-foundation';
import type { PartContract } from '../third-party/part-contract';
import type { NodeGroupDeclaration, NodeGroupPlan } from '../node-groups/node-group-plan';
import type { AppServiceName } from '../../manifests/retail-app/retail-app-components';
import type { RetailAppCustomization } from '../../manifests/retail-app/retail-app-customization';
import type { LabExpectation } from '../verify/lab-expectation';
import type { VpcCniConfiguration } from '../vpc-cni/vpc-cni-configuration';

/** A capability of the base that a module can require, with the context key that switches it on. */
export interface CapabilityRequirement {
  readonly capability: 'aws-load-balancer-controller';
  /** Whether the module needs it with this config (a module may need it only for an optional part). */
  readonly neededWhen: (config: LabConfig) => boolean;
  readonly reason: string;
}

/** What a module's nested stack hands back to the base. */
export interface ModuleResult {
  readonly stack: NestedStack;
  /** Changes to the retail app; values may be tokens from the nested stack. */
  readonly retailApp?: RetailAppCustomization;
  /** Per retail component, what its objects must be created after (and deleted before). */
  readonly retailAppDependencies?: Partial<Record<AppServiceName, readonly IDependable[]>>;
  /**
   * Constructs of the module the base creates after retail app components (and deletes before them): each entry
   * names the components it needs, or every component when `components` is omitted.
   */
  readonly afterRetailApp?: readonly {
    readonly constructs: readonly IConstruct[];
    readonly components?: readonly AppServiceName[];
  }[];
}

/** One lab module: data the base reads before any construct exists, and a factory for its nested stack. */
export interface LabModuleDefinition {
  /** README heading. */
  readonly title: string;
  readonly summary: string;
  /** Context keys under the module's prefix, for README and typo detection. */
  readonly keyPrefix: string;
  readonly keySpecs: readonly ContextKeySpec[];
  /** Other modules this one needs enabled. */
  readonly requiresModules: readonly string[];
  readonly requiresCapabilities: readonly CapabilityRequirement[];
  /** Modules that cannot run together with this one, and why. */
  readonly conflicts: readonly { readonly module: string; readonly reason: string }[];
  /** VPC CNI add-on settings, merged by the base before any node group exists. */
  vpcCniConfiguration(config: LabConfig): VpcCniConfiguration;
  /** Node groups the module adds (created by the module through the foundation). */
  nodeGroups(config: LabConfig): readonly NodeGroupDeclaration[];
  /** Cross-key checks that need the whole config and the planned node groups; throw LabConfigError. */
  validate(config: LabConfig, nodeGroups: readonly NodeGroupPlan[]): void;
  /** Third-party parts the module installs with this config (their contracts: lib/third-party). */
  parts?(config: LabConfig): readonly PartContract[];
  /** What `npm run verify` checks for this module (offline, and live with `--live`). */
  expectations(config: LabConfig): readonly LabExpectation[];
  create(scope: Construct, foundation: LabFoundation): ModuleResult;
}
