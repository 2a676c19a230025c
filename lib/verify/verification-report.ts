import type { CheckOutcome, LabExpectation } from './lab-expectation';

export interface VerificationResult {
  readonly expectation: LabExpectation;
  readonly outcome: CheckOutcome;
}

export interface VerificationSummary {
  readonly mode: 'offline' | 'live';
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly VerificationResult[];
}

export function summarize(mode: 'offline' | 'live', results: readonly VerificationResult[]): VerificationSummary {
  const failed = results.filter((result) => !result.outcome.pass).length;
  return { mode, passed: results.length - failed, failed, results };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export interface TableOptions {
  /** Also print where each expectation comes from, and every note (routes walked, fallbacks used). */
  readonly verbose?: boolean;
}

/** VPC CNI caveats and live fallbacks are always shown; other notes (analysis details) only with --verbose. */
function isCaveat(note: string): boolean {
  return note.startsWith('warning [') || note.startsWith('fallback: ');
}

/** The pass/fail table both offline and live verification print. */
export function formatVerificationTable(summary: VerificationSummary, options: TableOptions = {}): string {
  const rows = summary.results.map(({ expectation, outcome }) => [
    outcome.pass ? 'PASS' : 'FAIL',
    expectation.module,
    expectation.subject,
    expectation.expected,
    outcome.actual,
  ]);
  const header = ['', 'module', 'check', 'expected', `actual (${summary.mode})`];
  const widths = header.map((title, column) =>
    Math.min(60, Math.max(title.length, ...rows.map((row) => row[column].length))),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column]))).join('  ');
  const allNotes = summary.results.flatMap(({ expectation, outcome }) =>
    (outcome.notes ?? []).map((note) => ({ note, line: `  ${expectation.id}: ${note}` })),
  );
  const shown = allNotes.filter(({ note }) => options.verbose || isCaveat(note));
  const hidden = allNotes.length - shown.length;
  const sources = options.verbose
    ? summary.results.flatMap(({ expectation }) =>
        expectation.source ? [`  ${expectation.id}: ${expectation.source}`] : [],
      )
    : [];
  return [
    line(header),
    ...rows.map(line),
    '',
    `${summary.passed} passed, ${summary.failed} failed (${summary.mode})`,
    ...(shown.length > 0 ? ['', 'Notes:', ...new Set(shown.map(({ line: text }) => text))] : []),
    ...(sources.length > 0 ? ['', 'Where each expectation comes from:', ...sources] : []),
    ...(hidden > 0
      ? ['', `${hidden} more notes (routes walked, analysis details, fallbacks used): add --verbose`]
      : []),
  ].join('\n');
}

/** Machine-readable results for `--json`. */
export function verificationJson(summary: VerificationSummary): object {
  return {
    mode: summary.mode,
    passed: summary.passed,
    failed: summary.failed,
    results: summary.results.map(({ expectation, outcome }) => ({
      id: expectation.id,
      module: expectation.module,
      subject: expectation.subject,
      expected: expectation.expected,
      source: expectation.source,
      pass: outcome.pass,
      actual: outcome.actual,
      notes: outcome.notes ?? [],
    })),
  };
}
