import { BASE_KEY_SPECS } from '../config/base-context-keys';
import type { ContextKeySpec } from '../config/context-key-spec';
import { MODULES } from '../modules/module-registry';
import { renderNetworkPoliciesReadmeTables } from '../modules/network-policies/network-policies-stage-table';
import { prefixDelegationMaxPodsTable } from '../modules/prefix-delegation/max-pods-readme-table';
import { renderMaxPodsMarkdownTable } from '../node-groups/pod-density';
import { costTableMarkdown } from '../cost/cost-table';
import { PRICE_TABLE } from '../cost/price-table';
import { synthesizeLab } from '../lab-app';
import type { SynthesizeOutput } from '../verify/synthesized-lab';
import { partVersionsTable } from './part-versions-table';
import { walkMarkdown } from './walk-markdown';

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
  const rows = MODULES.map(
    (module) => `| [\`${module.name}\`](${labGuideFile(module.name)}) | ${escapeCell(module.summary)} |`,
  );
  return ['| Module (its lab guide) | What it adds |', '|---|---|', ...rows].join('\n') + '\n';
}

/** A file of the project with generated blocks (`<!-- generated:NAME -->` ... `<!-- /generated:NAME -->`). */
export interface GeneratedDocument {
  /** Path from the project root. */
  readonly file: string;
  readonly sections: Readonly<Record<string, string>>;
}

/** The day the README's cost table prices the Kubernetes support phase for: the day the prices were checked. */
export const COST_TABLE_DAY = PRICE_TABLE.checkedOn;

/** The lab guide of a module (docs/labs/<module>.md). */
export function labGuideFile(moduleName: string): string {
  return `docs/labs/${moduleName}.md`;
}

/**
 * Every generated block of every document: the README's tables (modules, cost, context keys, validation, max pods)
 * and each lab guide's walk and tables. `synthesize` builds the cost table's configurations (tests pass a cached one).
 */
export function generatedDocuments(synthesize: SynthesizeOutput = synthesizeLab): GeneratedDocument[] {
  const guideTables: Readonly<Record<string, Record<string, string>>> = {
    'prefix-delegation': { 'prefix-delegation-max-pods': prefixDelegationMaxPodsTable() },
    'network-policies': { 'network-policies-stages': renderNetworkPoliciesReadmeTables() },
  };
  return [
    {
      file: 'README.md',
      sections: {
        modules: moduleTable(),
        cost: costTableMarkdown(synthesize, { day: COST_TABLE_DAY }),
        'context-keys': contextKeysTable(),
        validation: validationCatalogue(),
        'part-versions': partVersionsTable(),
      },
    },
    { file: 'docs/base-lab.md', sections: { 'max-pods': renderMaxPodsMarkdownTable(LAB_INSTANCE_TYPES) } },
    ...MODULES.flatMap((module) =>
      module.walk
        ? [
            {
              file: labGuideFile(module.name),
              sections: { walk: walkMarkdown(module.walk), ...guideTables[module.name] },
            },
          ]
        : [],
    ),
  ];
}

/** A document's text with every generated block replaced by its current content. */
export function renderGeneratedBlocks(text: string, document: GeneratedDocument): string {
  let result = text;
  for (const [name, content] of Object.entries(document.sections)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(result)) throw new Error(`${document.file} has no <!-- generated:${name} --> block`);
    // A block always ends with a line break, so its closing marker stays on a line of its own.
    const body = content.endsWith('\n') ? content : `${content}\n`;
    result = result.replace(pattern, (_match, open: string, close: string) => `${open}${body}${close}`);
  }
  return result;
}
