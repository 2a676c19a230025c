import { closestMatch, editDistance } from '../../../lib/text/closest-match';

test('counts a transposition as one edit', () => {
  expect(editDistance('vpc-lattcie', 'vpc-lattice')).toBe(1);
  expect(editDistance('abc', 'abc')).toBe(0);
  expect(editDistance('', 'abc')).toBe(3);
});

test('suggests the closest candidate within typo distance', () => {
  expect(closestMatch('prefix-delgation', ['prefix-delegation', 'custom-networking'])).toBe('prefix-delegation');
});

test('suggests nothing when every candidate is far', () => {
  expect(closestMatch('warp-drive', ['prefix-delegation', 'custom-networking'])).toBeUndefined();
});
