import { stripVTControlCharacters } from 'node:util';
import type { CheckOutcome, LabExpectation } from '../../../lib/verify/lab-expectation';
import { MODULE_NAMES } from '../../../lib/modules/module-registry';
import {
  DEFAULT_REPORT_WIDTH,
  formatVerificationTable,
  reportStyleOf,
  summarize,
  verificationJson,
  type VerificationResult,
  type VerificationSummary,
} from '../../../lib/verify/verification-report';
import { verifyOffline } from '../../../lib/verify/verify-offline';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

type Declared = Pick<LabExpectation, 'id' | 'module' | 'subject' | 'expected'> & { source?: string };

function result(declared: Declared, outcome: CheckOutcome): VerificationResult {
  return { expectation: { ...declared, checkOffline: () => outcome }, outcome };
}

const LONG_ACTUAL =
  'catalog pod -> RDS eks-workshop-catalog (database catalog) tcp/3306 allowed: egress by CatalogPodSecurityGroup: ' +
  'egress all/all to 0.0.0.0/0 ("Allow all outbound traffic by default"); ingress by CatalogDatabaseSecurityGroup';
const VPC_CNI_CAVEAT =
  'warning [service-port-differs-from-container-port] Service orders/orders maps port 80 to target port 8080: ' +
  'the VPC CNI network policy agent matches the pod port (see https://docs.aws.amazon.com/eks/latest/userguide/)';
const FALLBACK =
  'fallback: the first attempt could not run (exec: "curl": executable file not found in $PATH); answered by: ' +
  'kubectl run lab-verify-app-catalog-to-catalog-mysql -n catalog --image=curlimages/curl';

const SAMPLE = summarize('live', [
  result(
    {
      id: 'security-groups-for-pods/catalog-to-rds',
      module: 'security-groups-for-pods',
      subject: 'catalog pod (pod security group) -> catalog RDS (tcp/3306)',
      expected: 'allowed by security groups',
      source: 'Security groups for pods, step 3',
    },
    { pass: true, actual: LONG_ACTUAL, notes: ['walked 2 security groups'] },
  ),
  result(
    {
      id: 'app/checkout-to-orders',
      module: 'network-policies',
      subject: 'checkout/checkout -> orders.orders:80',
      expected: 'blocked (as in the workshop)',
    },
    { pass: false, actual: 'allowed', notes: [VPC_CNI_CAVEAT, 'route: checkout -> orders', VPC_CNI_CAVEAT] },
  ),
  result(
    {
      id: 'app/catalog-to-catalog-mysql',
      module: 'security-groups-for-pods',
      subject: 'catalog -> mysql',
      expected: 'allowed',
    },
    { pass: true, actual: 'allowed\n(connected)', notes: [FALLBACK] },
  ),
]);

const codePoints = (line: string): number => Array.from(stripVTControlCharacters(line)).length;
const ESCAPE = '\u001b[';

describe('the default (short) report', () => {
  const lines = formatVerificationTable(SAMPLE, { width: 100 }).split('\n');

  test('prints one aligned line per check: status, module, check, actual outcome', () => {
    expect(lines.slice(0, 3)).toEqual([
      '      module                    check                         actual (live)',
      `PASS  security-groups-for-pods  catalog-to-rds                ${LONG_ACTUAL.slice(0, 37)}\u2026`,
      'FAIL  network-policies          app/checkout-to-orders        allowed',
    ]);
  });

  test('drops the module prefix the module column already shows, and keeps app/ and parts/ ids whole', () => {
    expect(lines[1]).toMatch(/^PASS {2}security-groups-for-pods {2}catalog-to-rds /);
    expect(lines[2]).toMatch(/^FAIL {2}network-policies {10}app\/checkout-to-orders /);
  });

  test('shows VPC CNI caveats and live fallbacks once, indented and cut to the width, below their check', () => {
    const caveatLines = lines.filter(
      (line) => line.startsWith('      warning [') || line.startsWith('      fallback: '),
    );
    expect(caveatLines).toHaveLength(2);
    expect(lines[lines.indexOf(caveatLines[0]) - 1]).toMatch(/^FAIL .*app\/checkout-to-orders/);
    expect(lines[lines.indexOf(caveatLines[1]) - 1]).toMatch(/^PASS .*app\/catalog-to-catalog-mysql/);
    for (const line of caveatLines) {
      expect(codePoints(line)).toBe(100);
      expect(line.endsWith('\u2026')).toBe(true);
    }
  });

  test('joins a multi-line outcome into one line', () => {
    expect(lines).toContain('PASS  security-groups-for-pods  app/catalog-to-catalog-mysql  allowed (connected)');
  });

  test('keeps expected outcomes, sources and analysis notes for --verbose, and says how many notes it left out', () => {
    const text = lines.join('\n');
    expect(text).not.toContain('blocked (as in the workshop)');
    expect(text).not.toContain('Security groups for pods, step 3');
    expect(text).not.toContain('walked 2 security groups');
    expect(lines.at(-2)).toBe('Expected outcomes, sources and 2 more notes: add --verbose');
  });

  test('ends with the summary line', () => {
    expect(lines.at(-1)).toBe('2 passed, 1 failed (live)');
  });
});

describe('line width', () => {
  let realistic: VerificationSummary;

  beforeAll(() => {
    realistic = verifyOffline(synthesizedOutputForTest({ modules: MODULE_NAMES.join(',') }));
  });

  test.each([DEFAULT_REPORT_WIDTH, 80])(
    'no line of the report of every module is wider than %i columns, long outcomes cut with an ellipsis',
    (width) => {
      const lines = formatVerificationTable(realistic, { width }).split('\n');
      expect(lines.length).toBeGreaterThan(realistic.results.length);
      expect(lines.filter((line) => codePoints(line) > width)).toEqual([]);
      expect(lines.some((line) => line.endsWith('\u2026'))).toBe(true);
    },
  );

  test('a wider terminal shows more of each outcome', () => {
    const longestLine = (width: number) =>
      Math.max(...formatVerificationTable(realistic, { width }).split('\n').map(codePoints));
    expect(longestLine(160)).toBeGreaterThan(longestLine(100));
  });
});

describe('the --verbose report', () => {
  const text = formatVerificationTable(SAMPLE, { width: 100, verbose: true });

  test('prints the subject, expected and full actual outcome, source and every note under each check', () => {
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('catalog-to-rds'));
    expect(lines.slice(first + 1, first + 6)).toEqual([
      '      subject:  catalog pod (pod security group) -> catalog RDS (tcp/3306)',
      '      expected: allowed by security groups',
      `      actual:   ${LONG_ACTUAL}`,
      '      source:   Security groups for pods, step 3',
      '      note:     walked 2 security groups',
    ]);
    expect(text).toContain(`      note:     ${VPC_CNI_CAVEAT}\n      note:     route: checkout -> orders\n`);
    expect(text).toContain(`      note:     ${FALLBACK}`);
  });

  test('has no hint to add --verbose and still ends with the summary line', () => {
    expect(text).not.toContain('add --verbose');
    expect(text.split('\n').at(-1)).toBe('2 passed, 1 failed (live)');
  });
});

describe('colour', () => {
  test('is off unless asked for', () => {
    expect(formatVerificationTable(SAMPLE, { verbose: true })).not.toContain(ESCAPE);
  });

  test('when on, PASS is green, FAIL red, details dim, and the text is otherwise the same', () => {
    for (const verbose of [false, true]) {
      const colored = formatVerificationTable(SAMPLE, { color: true, width: 100, verbose });
      expect(colored).toContain(`${ESCAPE}32mPASS${ESCAPE}39m  security-groups-for-pods`);
      expect(colored).toContain(`${ESCAPE}31mFAIL${ESCAPE}39m  network-policies`);
      expect(colored).toMatch(/\u001b\[2m {6}(warning \[|subject: )/);
      expect(stripVTControlCharacters(colored)).toBe(formatVerificationTable(SAMPLE, { width: 100, verbose }));
    }
  });

  test('never reaches the JSON results', () => {
    expect(JSON.stringify(verificationJson(SAMPLE))).not.toContain('\\u001b');
  });
});

describe('report style of an output stream', () => {
  const terminal = { isTTY: true, columns: 132, hasColors: () => true };

  test('a terminal gets colours and its own width', () => {
    expect(reportStyleOf(terminal, {})).toEqual({ color: true, width: 132 });
  });

  test('a pipe or file gets no colours and the default width', () => {
    expect(reportStyleOf({ isTTY: false, columns: 132 }, {})).toEqual({ color: false, width: DEFAULT_REPORT_WIDTH });
    expect(reportStyleOf({}, {})).toEqual({ color: false, width: DEFAULT_REPORT_WIDTH });
  });

  test('NO_COLOR turns colours off on a terminal; set but empty, it does not', () => {
    expect(reportStyleOf(terminal, { NO_COLOR: '1' }).color).toBe(false);
    expect(reportStyleOf(terminal, { NO_COLOR: '' }).color).toBe(true);
  });

  test('a terminal that reports no colour support (TERM=dumb) gets none', () => {
    expect(reportStyleOf({ ...terminal, hasColors: () => false }, {}).color).toBe(false);
  });

  test('a terminal of unknown width gets the default width', () => {
    expect(reportStyleOf({ isTTY: true, hasColors: () => true }, {}).width).toBe(DEFAULT_REPORT_WIDTH);
  });
});
