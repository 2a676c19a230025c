/**
 * The cost estimate as text: the one line `cdk synth` prints, and the table `npm run cost` prints. Nothing here
 * builds the app, so the stack can use it without an import cycle.
 */
import {
  amountOf,
  type CostLineItem,
  type CostPart,
  estimateLabCost,
  EXCLUDED_CHARGES,
  type LabCost,
  type LabCostInput,
  type LabCostOptions,
} from './lab-cost';
import type { Price } from './price-table';

export const usd = (amount: number, decimals = 2): string => `$${amount.toFixed(decimals)}`;

/** `3 instances`, `1 address`, `60 GiB`. */
export function quantityText(item: Pick<CostLineItem, 'quantity' | 'quantityUnit'>): string {
  const { quantity, quantityUnit } = item;
  if (quantity === 1 || quantityUnit === 'GiB' || quantityUnit === 'vCPU') return `${quantity} ${quantityUnit}`;
  return `${quantity} ${quantityUnit}${quantityUnit.endsWith('s') ? 'es' : 's'}`;
}

/** A price as its source states it, with at least cents: `$0.10`, `$0.0225`. */
export function unitPriceText(amount: number): string {
  const decimals = String(amount).split('.')[1]?.length ?? 0;
  return usd(amount, Math.max(2, decimals));
}

/** `$0.096/hour`, with `*` when the price is an estimate. */
export function priceText(price: Price | undefined): string {
  if (price === undefined) return 'no price';
  return `${unitPriceText(price.usd)}/${price.unit}${price.basis === 'estimate' ? ' *' : ''}`;
}

const ESTIMATE_FOOTNOTE = '* estimate: no source gives this exact figure (see lib/cost/price-table.ts)';

function partLabel(part: CostPart): string {
  return part === 'exposeUi' ? 'exposeUi=true' : part;
}

function unpricedNote(cost: LabCost): string[] {
  return cost.unpriced.length === 0
    ? []
    : [
        `Not priced, not in the totals (add them to lib/cost/price-table.ts): ${cost.unpriced
          .map((item) => `${item.item} (${quantityText(item)})`)
          .join('; ')}`,
      ];
}

/** The report of `npm run cost`: every line item, the cost of each part, the total and what is left out. */
export function formatCostReport(cost: LabCost): string[] {
  const rows = cost.lineItems.map((item) => {
    const amount = item.hourlyUsd === undefined ? undefined : amountOf(item.hourlyUsd);
    return [
      partLabel(item.part),
      item.item,
      quantityText(item),
      priceText(item.price),
      amount?.hourlyUsd.toFixed(4) ?? '-',
      amount?.dailyUsd.toFixed(2) ?? '-',
      amount?.monthlyUsd.toFixed(2) ?? '-',
    ];
  });
  const header = ['Part', 'Item', 'Quantity', 'Price', '$/hour', '$/day', '$/month'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  // Text columns align left, amounts right.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const partWidth = Math.max('Total'.length, ...cost.parts.map((part) => partLabel(part.part).length));
  const amounts = (hourly: number, daily: number, monthly: number) =>
    `${usd(hourly, 4).padStart(9)}/hour  ${usd(daily).padStart(8)}/day  ${usd(monthly).padStart(9)}/month`;
  return [
    `Estimated cost of the lab in ${cost.region}, on-demand prices of ${cost.pricesCheckedOn} (USD; a day is 24 hours, a month 30 days)`,
    '',
    line(header),
    ...rows.map(line),
    ...(cost.lineItems.some((item) => item.price?.basis === 'estimate') ? [ESTIMATE_FOOTNOTE] : []),
    '',
    'By part:',
    ...cost.parts.map(
      (part) =>
        `  ${partLabel(part.part).padEnd(partWidth)}  ${amounts(part.hourlyUsd, part.dailyUsd, part.monthlyUsd)}`,
    ),
    `  ${'Total'.padEnd(partWidth)}  ${amounts(cost.total.hourlyUsd, cost.total.dailyUsd, cost.total.monthlyUsd)}`,
    '',
    ...unpricedNote(cost),
    `Excluded: ${EXCLUDED_CHARGES}.`,
  ];
}

/**
 * One line for `cdk synth`: what the configuration costs per hour and per day while it stays deployed, e.g.
 * `Estimated cost: $0.52/hour, $12.48/day in us-east-1 (prices of 2026-12-04; npm run cost for details)`.
 */
export function costSummaryLine(lab: LabCostInput, options: LabCostOptions = {}): string {
  const cost = estimateLabCost(lab, options);
  const unpriced =
    cost.unpriced.length === 0
      ? ''
      : `; ${cost.unpriced.length} item${cost.unpriced.length === 1 ? '' : 's'} not priced`;
  return (
    `Estimated cost: ${usd(cost.total.hourlyUsd)}/hour, ${usd(cost.total.dailyUsd)}/day in ${cost.region} ` +
    `(prices of ${cost.pricesCheckedOn}${unpriced}; npm run cost for details)`
  );
}
