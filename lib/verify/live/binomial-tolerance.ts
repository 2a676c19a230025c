/**
 * How far an observed count of "successes" may stray from what a probability predicts before a check calls the
 * probability wrong. Each request through a weighted route lands on a backend independently with probability
 * `share`, so the count over `trials` requests is binomial, with standard deviation sqrt(n p (1 - p)).
 */

/** Three standard deviations: a correct route fails the check about 3 times in 1000 runs. */
export const DEFAULT_SIGMAS = 3;

export interface BinomialRange {
  /** Smallest count that passes. */
  readonly low: number;
  /** Largest count that passes. */
  readonly high: number;
  /** Half-width of the range as a share of the trials (about 0.13 for 100 requests at 75%). */
  readonly tolerance: number;
}

/**
 * The counts within `sigmas` standard deviations of `trials * share`. A share of 0 or 1 has no variation: only the
 * exact count passes, as it should (every request must go to the one backend with weight).
 */
export function binomialRange(trials: number, share: number, sigmas: number = DEFAULT_SIGMAS): BinomialRange {
  const mean = trials * share;
  const spread = sigmas * Math.sqrt(trials * share * (1 - share));
  // Rounded in, so every passing count is within `sigmas` deviations; the tiny epsilon keeps 75.0000001 from
  // rounding a whole-number bound away.
  const low = Math.max(0, Math.ceil(mean - spread - 1e-9));
  const high = Math.min(trials, Math.floor(mean + spread + 1e-9));
  return { low, high, tolerance: trials === 0 ? 0 : spread / trials };
}
