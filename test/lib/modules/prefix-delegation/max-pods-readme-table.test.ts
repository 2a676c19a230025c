import { readLabConfig } from '../../../../lib/lab-app';
import {
  labInstanceTypes,
  prefixDelegationMaxPodsTable,
} from '../../../../lib/modules/prefix-delegation/max-pods-readme-table';
import { TEST_DAY } from '../../../support/lab-fixtures';

describe('README max pods table', () => {
  test('lists the lab instance types, then the non-Nitro examples', () => {
    expect(labInstanceTypes()).toEqual(['m5.large', 't3.medium', 'm4.large', 't2.medium']);
  });

  test('follows the configured instance types without duplicates', () => {
    const config = readLabConfig(
      { nodeInstanceType: 't3.medium', 'customNetworking.instanceType': 't3.medium' },
      { today: TEST_DAY },
    );
    expect(labInstanceTypes(config)).toEqual(['t3.medium', 'm4.large', 't2.medium']);
  });

  test('shows the published figures: m5.large 29 / 20 / 110, t3.medium 17 / 12 / 110, and marks the Xen rows', () => {
    const table = prefixDelegationMaxPodsTable();
    const row = (type: string) => table.split('\n').find((line) => line.startsWith(`| \`${type}\``));
    expect(row('m5.large')).toBe('| `m5.large` | 2 | 3 x 10 | 110 | 29 | 20 | 110 (434) | 110 (290) |');
    expect(row('t3.medium')).toBe('| `t3.medium` | 2 | 3 x 6 | 110 | 17 | 12 | 110 (242) | 110 (162) |');
    expect(row('m4.large')).toBe('| `m4.large` | 2 | 2 x 10 | 110 | 20 | 11 | 20 ¹ | 11 ¹ |');
    expect(table).toContain('¹ Not Nitro-based');
  });
});
