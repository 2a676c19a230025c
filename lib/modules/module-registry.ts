import type { LabModuleDefinition } from './lab-module';

/**
 * Every lab module, keyed by its exact context name (`-c modules=<key>`). Registry order is creation order.
 * `ModuleName` is derived from this object; nothing else spells a module name.
 */
export const MODULES = {} as const satisfies Record<string, LabModuleDefinition>;

export type ModuleName = keyof typeof MODULES;

export const MODULE_NAMES = Object.keys(MODULES) as ModuleName[];

export function moduleDefinition(name: ModuleName): LabModuleDefinition {
  return MODULES[name];
}
