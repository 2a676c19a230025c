import { binomialRange } from '../../../lib/verify/live/binomial-tolerance';

describe('binomial tolerance of an observed split', () => {
  test('100 requests at 75%: within 3 standard deviations (sqrt(100 * 0.75 * 0.25) = 4.33) is 63 to 87', () => {
    // 75 - 12.99 = 62.01 rounds in to 63; 75 + 12.99 = 87.99 rounds in to 87.
    expect(binomialRange(100, 0.75)).toMatchObject({ low: 63, high: 87 });
    expect(binomialRange(100, 0.75).tolerance).toBeCloseTo(0.13, 2);
  });

  test('is symmetric: 25% of 100 gives 13 to 37', () => {
    expect(binomialRange(100, 0.25)).toMatchObject({ low: 13, high: 37 });
  });

  test('narrows with fewer standard deviations and widens with fewer requests', () => {
    // 2 * 4.33 = 8.66: 66.34..83.66.
    expect(binomialRange(100, 0.75, 2)).toMatchObject({ low: 67, high: 83 });
    // 90 answered: mean 67.5, sd sqrt(90 * 0.1875) = 4.108, 3 sd = 12.32: 55.18..79.82.
    expect(binomialRange(90, 0.75)).toMatchObject({ low: 56, high: 79 });
  });

  test('a share of 0 or 1 admits only the exact count', () => {
    expect(binomialRange(100, 1)).toMatchObject({ low: 100, high: 100 });
    expect(binomialRange(100, 0)).toMatchObject({ low: 0, high: 0 });
  });
});
