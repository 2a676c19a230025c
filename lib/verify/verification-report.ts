import { styleText } from 'node:util';
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

/** Line width when the output is not a terminal (piped, redirected, captured by a test). */
export const DEFAULT_REPORT_WIDTH = 100;

/** How the report is drawn; derived from the output stream by {@link reportStyleOf}, fixed in tests. */
export interface ReportStyle {
  /** ANSI colours: green PASS, red FAIL, dim details. */
  readonly color: boolean;
  /** Columns of the one-line-per-check view; `--verbose` details below each check are printed whole. */
  readonly width: number;
}

export const PLAIN_REPORT_STYLE: ReportStyle = { color: false, width: DEFAULT_REPORT_WIDTH };

export interface TableOptions extends Partial<ReportStyle> {
  /** Also print, under each check, its subject, expected outcome, full actual outcome, source and every note. */
  readonly verbose?: boolean;
}

/** The part of an output stream the report style depends on (`process.stdout` has it all). */
export interface OutputStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?(env?: object): boolean;
}

/**
 * Colours only on a terminal that supports them and when `NO_COLOR` (https://no-color.org) is unset or empty;
 * the terminal's width when known, else {@link DEFAULT_REPORT_WIDTH}.
 */
export function reportStyleOf(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): ReportStyle {
  const terminal = stream.isTTY === true;
  const noColorRequested = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    color: terminal && !noColorRequested && (stream.hasColors?.(env) ?? true),
    width: terminal && stream.columns !== undefined && stream.columns > 0 ? stream.columns : DEFAULT_REPORT_WIDTH,
  };
}

/** VPC CNI caveats and live fallbacks are always shown; other notes (analysis details) only with --verbose. */
function isCaveat(note: string): boolean {
  return note.startsWith('warning [') || note.startsWith('fallback: ');
}

const GAP = '  ';
const STATUS_WIDTH = 'PASS'.length;
/** Lines under a check start below its module column. */
const DETAIL_INDENT = ' '.repeat(STATUS_WIDTH + GAP.length);
/** Narrower than this, a line could not even hold its status and part of its module. */
const MIN_WIDTH = 20;
const ELLIPSIS = '\u2026';

/** Columns as code points, so that an ellipsis or a curly quote counts as one and no surrogate pair is split. */
function columnsOf(text: string): number {
  return Array.from(text).length;
}

/** `text` cut to `width` columns, its last one an ellipsis. */
function truncate(text: string, width: number): string {
  const characters = Array.from(text);
  return characters.length <= width ? text : characters.slice(0, width - 1).join('') + ELLIPSIS;
}

/** Live outcomes may quote multi-line command output; the one-line view joins it. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columnsOf(text)));
}

/** The id without its `<module>/` prefix, which the module column already shows (`app/` and `parts/` ids keep theirs). */
function checkName({ id, module }: LabExpectation): string {
  return id.startsWith(`${module}/`) ? id.slice(module.length + 1) : id;
}

/**
 * The report both offline and live verification print: one short line per check (status, module, check, actual
 * outcome cut to the width), VPC CNI caveats and live fallbacks below their check, then the summary line. With
 * `verbose`, every check is followed by its full details instead.
 */
export function formatVerificationTable(summary: VerificationSummary, options: TableOptions = {}): string {
  const color = options.color ?? PLAIN_REPORT_STYLE.color;
  const width = Math.max(MIN_WIDTH, options.width ?? PLAIN_REPORT_STYLE.width);
  const paint = (format: Parameters<typeof styleText>[0], text: string): string =>
    // validateStream: false, because whether to colour was decided from the stream the caller writes to.
    color && text !== '' ? styleText(format, text, { validateStream: false }) : text;

  const moduleWidth = Math.max(
    columnsOf('module'),
    ...summary.results.map(({ expectation }) => columnsOf(expectation.module)),
  );
  const checkWidth = Math.max(
    columnsOf('check'),
    ...summary.results.map(({ expectation }) => columnsOf(checkName(expectation))),
  );
  // The actual outcome comes last, so cutting the whole line at the width is what shortens it.
  const row = (status: string, module: string, check: string, result: string): string =>
    truncate(
      [padEnd(status, STATUS_WIDTH), padEnd(module, moduleWidth), padEnd(check, checkWidth), result].join(GAP),
      width,
    );
  const detail = (text: string): string => paint('dim', `${DETAIL_INDENT}${text}`);

  const lines = [paint('dim', row('', 'module', 'check', `actual (${summary.mode})`).trimEnd())];
  let hiddenNotes = 0;
  for (const { expectation, outcome } of summary.results) {
    const status = outcome.pass ? 'PASS' : 'FAIL';
    const line = row(status, expectation.module, checkName(expectation), oneLine(outcome.actual));
    lines.push(paint(outcome.pass ? 'green' : 'red', status) + line.slice(status.length));
    const notes = [...new Set(outcome.notes ?? [])];
    if (options.verbose) {
      lines.push(
        detail(`subject:  ${expectation.subject}`),
        detail(`expected: ${expectation.expected}`),
        detail(`actual:   ${outcome.actual}`),
        ...(expectation.source ? [detail(`source:   ${expectation.source}`)] : []),
        ...notes.map((note) => detail(`note:     ${note}`)),
      );
    } else {
      const caveats = notes.filter(isCaveat);
      hiddenNotes += notes.length - caveats.length;
      lines.push(...caveats.map((note) => paint('dim', truncate(`${DETAIL_INDENT}${oneLine(note)}`, width))));
    }
  }
  const hint = `Expected outcomes, sources${hiddenNotes > 0 ? ` and ${hiddenNotes} more notes` : ''}: add --verbose`;
  return [
    ...lines,
    '',
    ...(options.verbose ? [] : [paint('dim', truncate(hint, width))]),
    `${summary.passed} passed, ${summary.failed} failed (${summary.mode})`,
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
