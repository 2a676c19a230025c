import type { NestedStack } from 'aws-cdk-lib';
import type { Construct, IConstruct, IDependable } from 'constructs';
import type { LabConfig } from '../config/lab-config';
import type { LabModuleModel } from '../config/lab-module-model';
import type { LabFoundation } from '../lab-foundation';
import type { AppServiceName } from '../../manifests/retail-app/retail-app-components';
import type { RetailAppCustomization } from '../../manifests/retail-app/retail-app-customization';
import type { LabExpectation } from '../verify/lab-expectation';
import type { LabWalk } from '../walks/lab-walk';
import type { WorkshopVariable } from '../workshop/workshop-variable';

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
  /** Values the workshop's commands read from shell variables, exported as root outputs (lib/workshop). */
  readonly workshopVariables?: readonly WorkshopVariable[];
  readonly afterRetailApp?: readonly {
    readonly constructs: readonly IConstruct[];
    readonly components?: readonly AppServiceName[];
  }[];
}

/**
 * One lab module, declared in one place: its model (name, settings, the hooks it uses: lib/config/lab-module-model.ts),
 * what `npm run verify` checks, and the factory of its nested stacks. The registry lists the definitions.
 */
export interface LabModuleDefinition extends LabModuleModel {
  /** The guided walk through the lab (its guide renders it; `npm run verify -- --walk <module>` checks it). */
  readonly walk?: LabWalk;
  /** What `npm run verify` checks for this module (offline, and live with `--live`). */
  expectations(config: LabConfig): readonly LabExpectation[];
  create(scope: Construct, foundation: LabFoundation): ModuleResult;
}
