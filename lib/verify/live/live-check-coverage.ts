import type { LabExpectation } from '../lab-expectation';

/** How many of one module's expectations `npm run verify -- --live` can check on the cluster. */
export interface LiveCheckCoverage {
  /** `base` or a module key (the expectation's `module`). */
  readonly module: string;
  readonly declared: number;
  readonly live: number;
  /** Ids of the expectations checked offline only (routing walks, facts only the templates hold). */
  readonly offlineOnly: readonly string[];
}

/** Coverage per module, in the order the modules first appear among the expectations. */
export function liveCheckCoverage(expectations: readonly LabExpectation[]): LiveCheckCoverage[] {
  const byModule = new Map<string, { declared: number; live: number; offlineOnly: string[] }>();
  for (const expectation of expectations) {
    let entry = byModule.get(expectation.module);
    if (!entry) {
      entry = { declared: 0, live: 0, offlineOnly: [] };
      byModule.set(expectation.module, entry);
    }
    entry.declared += 1;
    if (expectation.live) entry.live += 1;
    else entry.offlineOnly.push(expectation.id);
  }
  return [...byModule].map(([module, entry]) => ({ module, ...entry }));
}

/** `base: 9/9 live`, `hybrid-nodes: 8/14 live (offline only: ...)`, one line per module. */
export function formatLiveCheckCoverage(coverage: readonly LiveCheckCoverage[]): string[] {
  return coverage.map(
    (entry) =>
      `${entry.module}: ${entry.live}/${entry.declared} live` +
      (entry.offlineOnly.length > 0 ? ` (offline only: ${entry.offlineOnly.join(', ')})` : ''),
  );
}
