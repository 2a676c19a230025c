import damerauLevenshtein from 'damerau-levenshtein';

/**
 * Edit distance (insertions, deletions, substitutions, adjacent transpositions), case-insensitive. The transposition
 * is why this is damerau-levenshtein and not a plain Levenshtein library: `1.13` for `1.31` or `shop/wbe` for
 * `shop/web` is one slip of the fingers, and short words only tolerate one edit.
 */
export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a.toLowerCase(), b.toLowerCase()).steps;
}

/** The largest typo tolerance of any word. */
const MAX_TYPO_TOLERANCE = 3;

/** The typo distance we still call a likely misspelling: 1 for short words, up to 3 for long ones. */
export function typoTolerance(word: string): number {
  return Math.min(MAX_TYPO_TOLERANCE, Math.max(1, Math.floor(word.length / 4)));
}

/** The candidate closest to `input` within typo tolerance, or undefined when nothing is close. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the difference in length, and past the largest tolerance a candidate can neither be
    // accepted nor hide an acceptable one; skipping it spares the matrix for every CDK feature flag in the context.
    if (Math.abs(input.length - candidate.length) > MAX_TYPO_TOLERANCE) continue;
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= typoTolerance(best) ? best : undefined;
}

/** ` Did you mean "x"?` when a close match exists, else an empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : `Did you mean "${match}"?`;
}
