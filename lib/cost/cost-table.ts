/**
 * The README's cost table: what the base lab costs, what each module and `exposeUi` add with their default settings,
 * and everything together. Each row is a real synthesis of that configuration, priced like `npm run cost` does.
 */
import { synthesizeLab } from '../lab-app';
import type { SynthesizeOutput } from '../verify/synthesized-lab';
import { MODULE_NAMES } from '../modules/module-registry';
import {
  type CostLineItem,
  type CostPart,
  estimateLabCost,
  EXCLUDED_CHARGES,
  type LabCost,
  type LabCostOptions,
} from './lab-cost';
import { quantityText, usd } from './cost-report';
import { PRICE_TABLE } from './price-table';

/** `exposeUi` needs `inboundCidrs`; the table uses a documentation range (RFC 5737 TEST-NET-3), which costs the same. */
export const COST_TABLE_INBOUND_CIDRS = '203.0.113.0/24';

export interface CostTableConfiguration {
  readonly label: string;
  /** `-c` context of the configuration, as strings like the CDK CLI passes them. */
  readonly context: Readonly<Record<string, string>>;
  /** The part whose cost the row shows as "adds"; undefined for the row of everything together. */
  readonly part?: CostPart;
}

/** The rows of the table: base, base + each module (registry order), base + exposeUi, then everything. */
export function costTableConfigurations(): CostTableConfiguration[] {
  const exposeUi = { exposeUi: 'true', inboundCidrs: COST_TABLE_INBOUND_CIDRS };
  return [
    { label: 'Base lab', context: {}, part: 'base' },
    ...MODULE_NAMES.map((module) => ({ label: `+ \`${module}\``, context: { modules: module }, part: module })),
    { label: '+ `exposeUi=true`', context: exposeUi, part: 'exposeUi' },
    { label: 'Everything (all modules, `exposeUi=true`)', context: { modules: MODULE_NAMES.join(','), ...exposeUi } },
  ];
}

/** `EKS cluster 1.35, standard support`, `3 × EC2 m5.large, node group default`, `EBS gp3 ... (60 GiB)`, `*` if estimated. */
function describe(item: CostLineItem): string {
  const estimate = item.price?.basis === 'estimate' ? ' \\*' : '';
  if (item.quantityUnit === 'GiB' || item.quantityUnit === 'vCPU') {
    return `${item.item} (${quantityText(item)})${estimate}`;
  }
  return `${item.quantity === 1 ? item.item : `${item.quantity} × ${item.item}`}${estimate}`;
}

const itemKey = (item: CostLineItem): string => `${item.part}\u0000${item.item}`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A markdown table of the cost of each part with its default settings. `synthesize` builds each configuration (tests
 * pass a memoized one); `options.day` fixes the Kubernetes support phase.
 */
export function costTableMarkdown(synthesize: SynthesizeOutput = synthesizeLab, options: LabCostOptions = {}): string {
  const priced = costTableConfigurations().map((configuration) => ({
    configuration,
    cost: estimateLabCost(synthesize({ context: configuration.context }), options),
  }));
  const singlePartItems = new Set(
    priced
      .filter(({ configuration }) => configuration.part !== undefined)
      .flatMap(({ configuration, cost }) =>
        cost.lineItems.filter((item) => item.part === configuration.part).map(itemKey),
      ),
  );
  const lines = [
    row(['Configuration', 'What it adds', 'Adds per hour', 'Adds per day', 'Lab per hour', 'Lab per day']),
    row(['---', '---', '---:', '---:', '---:', '---:']),
    ...priced.map(({ configuration, cost }) => {
      const { part } = configuration;
      const partCost = cost.parts.find((candidate) => candidate.part === part);
      return row([
        configuration.label,
        part === undefined ? onlyTogether(cost, singlePartItems) : whatItAdds(cost, part),
        partCost ? usd(partCost.hourlyUsd, 3) : '',
        partCost ? usd(partCost.dailyUsd) : '',
        usd(cost.total.hourlyUsd, 3),
        usd(cost.total.dailyUsd),
      ]);
    }),
  ];
  const anyEstimate = priced.some(({ cost }) => cost.lineItems.some((item) => item.price?.basis === 'estimate'));
  return [
    ...lines,
    '',
    ...(anyEstimate ? ['\\* estimated price: no source gives this exact figure.', ''] : []),
    `On-demand prices in ${PRICE_TABLE.region} checked on ${PRICE_TABLE.checkedOn} (lib/cost/price-table.ts); ` +
      `excluded: ${EXCLUDED_CHARGES}. \`npm run cost -- -c key=value\` prices any configuration.`,
  ].join('\n');
}

function whatItAdds(cost: LabCost, part: CostPart): string {
  const items = cost.lineItems.filter((item) => item.part === part);
  return items.length === 0 ? 'nothing billed by the hour' : items.map(describe).join('; ');
}

/** What only the combination creates (e.g. the hybrid nodes ALB, which needs exposeUi's controller). */
function onlyTogether(cost: LabCost, singlePartItems: ReadonlySet<string>): string {
  const extra = cost.lineItems.filter((item) => !singlePartItems.has(itemKey(item)));
  return extra.length === 0
    ? 'the sum of the rows above'
    : `the rows above, and together: ${extra.map((item) => `${describe(item)} (${item.part})`).join('; ')}`;
}
