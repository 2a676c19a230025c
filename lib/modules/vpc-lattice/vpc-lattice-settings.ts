import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { LabConfigError } from '../../config/lab-config-error';
import type { ModuleSettings } from '../../config/lab-module-model';

export interface VpcLatticeSettings {
  /** HTTPRoute weights: [checkout (namespace checkout), checkout (namespace checkoutv2)]. */
  readonly weights: readonly [number, number];
}

/** The module's key in `modules` (the registry maps it to the module). */
export const VPC_LATTICE_MODULE_KEY = 'vpc-lattice';

export const VPC_LATTICE_KEYS = { weights: 'vpcLattice.weights' } as const;

/** The workshop's split: 25% of requests to checkout, 75% to checkoutv2 (`routes/checkout-route.yaml`). */
export const DEFAULT_WEIGHTS: readonly [number, number] = [25, 75];

/**
 * Largest weight we accept. Gateway API allows up to 1,000,000 per backendRef
 * (https://gateway-api.sigs.k8s.io/reference/spec/#backendref, `weight`); three digits are plenty for an A/B split
 * and keep the printed percentages readable.
 */
export const MAX_WEIGHT = 999;

export const VPC_LATTICE_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: VPC_LATTICE_KEYS.weights,
    defaultValue: DEFAULT_WEIGHTS.join(','),
    description: 'HTTPRoute `checkoutroute` weights for checkout and checkoutv2.',
    validation: `Two non-negative integers (at most ${MAX_WEIGHT}, as Gateway API allows weights up to 1,000,000) with a positive sum.`,
  },
];

const ALLOWED = `two non-negative integers from 0 to ${MAX_WEIGHT} with a positive sum (checkout,checkoutv2), e.g. 25,75 or [25,75]`;

/**
 * The weight items as given: `-c vpcLattice.weights=25,75` (a string), `-c vpcLattice.weights='[25,75]'` (a JSON
 * array string) or `"vpcLattice.weights": [25, 75]` in cdk.json (an array of numbers or strings).
 */
function weightItems(reader: ContextReader): readonly unknown[] | undefined {
  const key = VPC_LATTICE_KEYS.weights;
  const raw = reader.raw(key);
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') throw new LabConfigError(key, raw, ALLOWED);
  const text = raw.trim();
  if (!text.startsWith('[')) return text === '' ? [] : text.split(',');
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('not an array');
    return parsed;
  } catch (error) {
    throw new LabConfigError(key, raw, ALLOWED, `The JSON array does not parse (${(error as Error).message}).`);
  }
}

function weightOf(item: unknown): number | undefined {
  if (typeof item === 'number') return Number.isInteger(item) && item >= 0 && item <= MAX_WEIGHT ? item : undefined;
  if (typeof item !== 'string') return undefined;
  const text = item.trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

export function readVpcLatticeSettings(reader: ContextReader): VpcLatticeSettings {
  const key = VPC_LATTICE_KEYS.weights;
  const items = weightItems(reader);
  if (items === undefined) return { weights: DEFAULT_WEIGHTS };
  if (items.length !== 2) {
    throw new LabConfigError(key, reader.raw(key), ALLOWED, `Got ${items.length} item(s); give exactly two.`);
  }
  const parsed = items.map(weightOf);
  const bad = parsed.findIndex((weight) => weight === undefined);
  if (bad >= 0) {
    throw new LabConfigError(
      key,
      reader.raw(key),
      ALLOWED,
      `Item ${bad + 1} (${JSON.stringify(items[bad])}) is not one.`,
    );
  }
  const weights: [number, number] = [parsed[0]!, parsed[1]!];
  if (weights[0] + weights[1] === 0) {
    throw new LabConfigError(key, reader.raw(key), ALLOWED, 'Both weights are 0, so the route would send no traffic.');
  }
  return { weights };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly vpcLattice: VpcLatticeSettings;
  }
}

/** The module's context keys (`vpcLattice.*`), read into `config.vpcLattice`. */
export const VPC_LATTICE_SETTINGS: ModuleSettings<'vpcLattice'> = {
  keyPrefix: 'vpcLattice',
  keySpecs: VPC_LATTICE_KEY_SPECS,
  read: readVpcLatticeSettings,
};
