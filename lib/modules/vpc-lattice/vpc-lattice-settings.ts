import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { LabConfigError } from '../../config/lab-config-error';

export interface VpcLatticeSettings {
  /** HTTPRoute weights: [checkout (namespace checkout), checkout (namespace checkoutv2)]. */
  readonly weights: readonly [number, number];
}

export const VPC_LATTICE_KEYS = { weights: 'vpcLattice.weights' } as const;

export const VPC_LATTICE_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: VPC_LATTICE_KEYS.weights,
    defaultValue: '25,75',
    description: 'HTTPRoute `checkoutroute` weights for checkout and checkoutv2.',
    validation: 'Two non-negative integers (at most 999, as Gateway API allows weights up to 1,000,000) with a positive sum.',
  },
];

export function readVpcLatticeSettings(reader: ContextReader): VpcLatticeSettings {
  const key = VPC_LATTICE_KEYS.weights;
  const items = reader.list(key) ?? ['25', '75'];
  const allowed = 'two non-negative integers with a positive sum, e.g. 25,75';
  if (items.length !== 2 || items.some((item) => !/^\d{1,3}$/.test(item))) {
    throw new LabConfigError(key, reader.raw(key), allowed);
  }
  const weights: [number, number] = [Number(items[0]), Number(items[1])];
  if (weights[0] + weights[1] === 0) throw new LabConfigError(key, reader.raw(key), allowed, 'Both weights are 0.');
  return { weights };
}
