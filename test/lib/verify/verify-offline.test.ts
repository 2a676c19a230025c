import { main, EXIT_FAILED, EXIT_PASSED } from '../../../bin/verify';
import { stripVTControlCharacters } from 'node:util';
import { EXIT_USAGE } from '../../../lib/cli/cli-io';
import type { SynthesizeOutput } from '../../../lib/verify/synthesized-lab';
import { DEFAULT_REPORT_WIDTH } from '../../../lib/verify/verification-report';
import { verifyOffline } from '../../../lib/verify/verify-offline';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

/** What the CLI synthesizes, from the run's cache of synthesized output. */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

test('passes every expectation of the synthesized lab', () => {
  const summary = verifyOffline(synthesizedOutputForTest({ modules: 'network-policies' }));
  expect(summary.failed).toBe(0);
  expect(summary.passed).toBeGreaterThan(20);
});

test('fails the expectations a missing policy breaks (the checks read what is synthesized)', () => {
  const lab = synthesizedOutputForTest({ modules: 'network-policies' });
  const withoutCatalogDbPolicy = {
    ...lab,
    kubernetesObjects: lab.kubernetesObjects.filter(
      (deployed) => deployed.object.metadata.name !== 'allow-catalog-ingress-db',
    ),
  };
  const failed = verifyOffline(withoutCatalogDbPolicy).results.filter((result) => !result.outcome.pass);
  expect(failed.map((result) => result.expectation.id)).toEqual(
    expect.arrayContaining(['network-policies/deployed-policies', 'network-policies/orders-to-catalog-mysql']),
  );
});

describe('the verify CLI', () => {
  test('prints the table and exits 0 when everything passes', async () => {
    const { io, out } = captureIo();
    expect(
      await main(['--modules', 'network-policies', '-c', 'networkPolicies.stage=ui-egress'], io, undefined, synthesize),
    ).toBe(EXIT_PASSED);
    expect(out.join('\n')).toMatch(/^PASS {2}network-policies +ui-to-catalog-mysql +blocked: /m);
  });

  test('prints one line per check no wider than 100 columns, without colour, unless given a terminal style', async () => {
    const { io, out } = captureIo();
    await main(['--modules', 'network-policies', '-c', 'networkPolicies.stage=ui-egress'], io, undefined, synthesize);
    const lines = out.join('\n').split('\n');
    expect(lines.filter((line) => line.startsWith('PASS ')).length).toBeGreaterThan(20);
    expect(lines.filter((line) => Array.from(line).length > DEFAULT_REPORT_WIDTH)).toEqual([]);
    expect(out.join('\n')).not.toContain('\u001b[');

    const terminal = captureIo();
    await main(['--modules', 'network-policies'], terminal.io, undefined, synthesize, { color: true, width: 60 });
    const terminalLines = terminal.out.join('\n').split('\n');
    expect(terminalLines).toContainEqual(expect.stringMatching(/^\u001b\[32mPASS\u001b\[39m {2}network-policies /));
    expect(terminalLines.filter((line) => Array.from(stripVTControlCharacters(line)).length > 60)).toEqual([]);
  });

  test('--verbose prints the expected outcome and the source under each check', async () => {
    const { io, out } = captureIo();
    await main(
      ['--modules', 'network-policies', '-c', 'networkPolicies.stage=ui-egress', '--verbose'],
      io,
      undefined,
      synthesize,
    );
    expect(out.join('\n')).toMatch(
      /^PASS {2}network-policies +ui-to-catalog-mysql .*\n {6}subject: {2}ui\/ui -> catalog-mysql\.catalog:3306\n {6}expected: blocked/m,
    );
  });

  test('prints JSON without colour even when given a terminal style', async () => {
    const { io, out } = captureIo();
    await main(['--modules', '', '--json'], io, undefined, synthesize, { color: true, width: 60 });
    expect(out.join('\n')).not.toContain('\u001b[');
    expect(JSON.parse(out.join('\n'))).toMatchObject({ mode: 'offline', failed: 0 });
  });

  test('fails with a usage error naming the key on bad input', async () => {
    const { io, err } = captureIo();
    expect(await main(['--modules', 'network-policies', '-c', 'networkPolicies.stage=finished'], io)).toBe(EXIT_USAGE);
    expect(err.join('\n')).toMatch(/Invalid context 'networkPolicies.stage': received "finished"/);
  });

  test('rejects unknown arguments', async () => {
    const { io, err } = captureIo();
    expect(await main(['--everything'], io)).toBe(EXIT_USAGE);
    expect(err.join('\n')).toMatch(/unknown argument "--everything"/);
  });

  test('exits 2 with the message and the usage on any bad usage', async () => {
    for (const argv of [['--modules'], ['-c', 'no-equals-sign'], ['--dry-run'], ['--json=yes'], ['network-policies']]) {
      const { io, out, err } = captureIo();
      expect(await main(argv, io)).toBe(EXIT_USAGE);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/^.+\n\nUsage: npm run verify -- \[options\]/);
    }
  });

  test('exits 1 and reports the failing check in JSON when an expectation fails', async () => {
    const { io, out } = captureIo();
    const brokenLab: SynthesizeOutput = (options) => {
      const lab = synthesize(options);
      return {
        ...lab,
        kubernetesObjects: lab.kubernetesObjects.filter((deployed) => deployed.object.metadata.name !== 'default-deny'),
      };
    };
    const code = await main(
      ['--modules', 'network-policies', '-c', 'networkPolicies.stage=default-deny', '--json'],
      io,
      undefined,
      brokenLab,
    );
    expect(code).toBe(EXIT_FAILED);
    const report = JSON.parse(out.join('\n')) as { results: { id: string; pass: boolean }[] };
    expect(report.results.filter((result) => !result.pass).map((result) => result.id)).toContain('app/ui-to-catalog');
  });
});
