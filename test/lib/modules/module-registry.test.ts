import { BASE_KEY_SPECS } from '../../../lib/config/base-context-keys';
import { MODULE_NAMES, MODULES, moduleDefinition } from '../../../lib/modules/module-registry';

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('module registry', () => {
  test('names are unique kebab-case words, and each name finds its definition', () => {
    expect(new Set(MODULE_NAMES).size).toBe(MODULE_NAMES.length);
    for (const name of MODULE_NAMES) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(moduleDefinition(name).name).toBe(name);
    }
    expect(() => moduleDefinition('no-such-module')).toThrow(/No module named no-such-module/);
  });

  test("a module's settings live under the camelCase of its name, and only there", () => {
    for (const module of MODULES) {
      if (!module.settings) continue;
      expect([module.name, module.settings.keyPrefix]).toEqual([module.name, camelCase(module.name)]);
      for (const spec of module.settings.keySpecs)
        expect(spec.key.startsWith(`${module.settings.keyPrefix}.`)).toBe(true);
    }
  });

  test('every context key is defined once, with a default, a description and its validation', () => {
    const specs = [...BASE_KEY_SPECS, ...MODULES.flatMap((module) => module.settings?.keySpecs ?? [])];
    const keys = specs.map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const spec of specs) {
      expect([spec.key, spec.defaultValue.length > 0, spec.description.length > 0, spec.validation.length > 0]).toEqual(
        [spec.key, true, true, true],
      );
    }
  });

  test('a module that requires another is created after it, and conflicts name registered modules', () => {
    for (const [index, module] of MODULES.entries()) {
      for (const required of module.requiresModules ?? []) {
        expect(MODULE_NAMES.indexOf(required)).toBeGreaterThanOrEqual(0);
        expect(MODULE_NAMES.indexOf(required)).toBeLessThan(index);
      }
      for (const conflict of module.conflicts ?? []) expect(MODULE_NAMES).toContain(conflict.module);
    }
  });
});
