import { BASE_KEY_SPECS } from '../config/base-context-keys';
import type { ContextKeySpec } from '../config/context-key-spec';
import { MODULES } from '../modules/module-registry';
import { renderNetworkPoliciesReadmeTables } from '../modules/network-policies/network-policies-stage-table';
import { prefixDelegationMaxPodsTable } from '../modules/prefix-delegation/max-pods-readme-table';
import { renderMaxPodsMarkdownTable } from '../node-groups/pod-density';

/** Instance types the labs use (default and custom networking node groups, hybrid host) plus a large one for contrast. */
export const LAB_INSTANCE_TYPES = [
  'm5.large',
  't3.medium',
  'm6i.large',
  'm7g.large',
  'c5.large',
  'm5.24xlarge',
] as const;

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function allKeySpecs(): readonly ContextKeySpec[] {
  return [...BASE_KEY_SPECS, ...MODULES.flatMap((module) => module.settings?.keySpecs ?? [])];
}

function contextKeysTable(): string {
  const rows = allKeySpecs().map(
    (spec) => `| \`${spec.key}\` | ${escapeCell(spec.defaultValue)} | ${escapeCell(spec.description)} |`,
  );
  return ['| Key | Default | What it does |', '|---|---|---|', ...rows].join('\n') + '\n';
}

function validationCatalogue(): string {
  const rows = allKeySpecs().map((spec) => `| \`${spec.key}\` | ${escapeCell(spec.validation)} |`);
  return ['| Key | Rejected at synth time unless |', '|---|---|', ...rows].join('\n') + '\n';
}

function moduleTable(): string {
  const rows = MODULES.map((module) => `| \`${module.name}\` | ${escapeCell(module.summary)} |`);
  return ['| Module key | What it adds |', '|---|---|', ...rows].join('\n') + '\n';
}

/** Every generated README block, by marker name (`<!-- generated:NAME -->` ... `<!-- /generated:NAME -->`). */
export function readmeSections(): Record<string, string> {
  return {
    modules: moduleTable(),
    'context-keys': contextKeysTable(),
    validation: validationCatalogue(),
    'max-pods': renderMaxPodsMarkdownTable(LAB_INSTANCE_TYPES),
    'prefix-delegation-max-pods': prefixDelegationMaxPodsTable(),
    'network-policies-stages': renderNetworkPoliciesReadmeTables(),
  };
}

/** README text with every generated block replaced by its current content. */
export function renderReadme(readme: string, sections: Readonly<Record<string, string>> = readmeSections()): string {
  let result = readme;
  for (const [name, content] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(result)) throw new Error(`README.md has no <!-- generated:${name} --> block`);
    result = result.replace(pattern, (_match, open: string, close: string) => `${open}${content}${close}`);
  }
  return result;
}
