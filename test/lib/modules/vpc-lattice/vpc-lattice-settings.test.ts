import { ContextReader } from '../../../../lib/config/context-reader';
import { readLabConfig } from '../../../../lib/lab-app';
import { readVpcLatticeSettings, VPC_LATTICE_KEYS } from '../../../../lib/modules/vpc-lattice/vpc-lattice-settings';
import { TEST_DAY } from '../../../support/lab-fixtures';

const read = (value: unknown) =>
  readVpcLatticeSettings(new ContextReader(value === undefined ? {} : { [VPC_LATTICE_KEYS.weights]: value }));
const ALLOWED =
  'allowed: two non-negative integers from 0 to 999 with a positive sum (checkout,checkoutv2), e.g. 25,75 or [25,75]';

describe('vpcLattice.weights', () => {
  test('defaults to the workshop split 25 (checkout), 75 (checkoutv2)', () => {
    expect(read(undefined).weights).toEqual([25, 75]);
  });

  test.each([
    ['a comma-separated string', '10,90', [10, 90]],
    ['spaces around items', ' 10 , 90 ', [10, 90]],
    ['a JSON array string', '[10,90]', [10, 90]],
    ['a cdk.json array of numbers', [10, 90], [10, 90]],
    ['a cdk.json array of strings', ['10', '90'], [10, 90]],
    ['one weight of 0 (all requests to the other)', '0,1', [0, 1]],
    ['the largest weight', '999,0', [999, 0]],
  ])('allows %s', (_case, value, expected) => {
    expect(read(value).weights).toEqual(expected);
  });

  test.each([
    ['one weight', '25', '"25"', 'Got 1 item(s); give exactly two.'],
    ['three weights', '1,2,3', '"1,2,3"', 'Got 3 item(s); give exactly two.'],
    ['a negative weight', '-1,5', '"-1,5"', 'Item 1 ("-1") is not one.'],
    ['a fraction', '1.5,2', '"1.5,2"', 'Item 1 ("1.5") is not one.'],
    ['a word', '25,many', '"25,many"', 'Item 2 ("many") is not one.'],
    ['a weight above 999', '1000,1', '"1000,1"', 'Item 1 ("1000") is not one.'],
    ['a fractional number in cdk.json', [2.5, 1], '[2.5,1]', 'Item 1 (2.5) is not one.'],
    ['both weights 0', '0,0', '"0,0"', 'Both weights are 0, so the route would send no traffic.'],
    ['an empty value', '', '""', 'Got 0 item(s); give exactly two.'],
  ])('fails when given %s', (_case, value, received, hint) => {
    expect(() => read(value)).toThrow(
      `Invalid context 'vpcLattice.weights': received ${received}; ${ALLOWED}. ${hint}`,
    );
  });

  test('fails when the JSON array does not parse', () => {
    expect(() => read('[25,')).toThrow(
      /^Invalid context 'vpcLattice.weights': received "\[25,"; allowed: .* The JSON array does not parse/,
    );
  });

  test('fails when given a bare number', () => {
    expect(() => read(25)).toThrow(`Invalid context 'vpcLattice.weights': received 25; ${ALLOWED}.`);
  });

  test('fails the whole lab configuration with the same message', () => {
    expect(() =>
      readLabConfig({ modules: 'vpc-lattice', [VPC_LATTICE_KEYS.weights]: '0,0' }, { today: TEST_DAY }),
    ).toThrow('Invalid context \'vpcLattice.weights\': received "0,0"');
  });
});
