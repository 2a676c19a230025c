import { main, EXIT_FAILED, EXIT_PASSED } from '../../../bin/verify';
import { EXIT_USAGE } from '../../../lib/cli/cli-io';
import { verifyOffline } from '../../../lib/verify/verify-offline';
import { synthesizeForTest } from '../../support/lab-fixtures';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

test('passes every expectation of the synthesized lab', () => {
  const summary = verifyOffline(synthesizeForTest({ modules: 'network-policies' }));
  expect(summary.failed).toBe(0);
  expect(summary.passed).toBeGreaterThan(20);
});

test('fails the expectations a missing policy breaks (the checks read what is synthesized)', () => {
  const lab = synthesizeForTest({ modules: 'network-policies' });
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
    expect(await main(['--modules', 'network-policies', '-c', 'networkPolicies.stage=ui-egress'], io)).toBe(
      EXIT_PASSED,
    );
    expect(out.join('\n')).toMatch(/PASS {2}network-policies +ui\/ui -> catalog-mysql\.catalog:3306 +blocked/);
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

  test('exits 1 and reports the failing check in JSON when an expectation fails', async () => {
    const { io, out } = captureIo();
    const brokenLab = (options: Parameters<typeof synthesizeForTest>[0] & object) => {
      const lab = synthesizeForTest((options as { context: Record<string, unknown> }).context);
      return {
        ...lab,
        kubernetesObjects: lab.kubernetesObjects.filter((deployed) => deployed.object.metadata.name !== 'default-deny'),
      };
    };
    const code = await main(
      ['--modules', 'network-policies', '-c', 'networkPolicies.stage=default-deny', '--json'],
      io,
      undefined,
      brokenLab as never,
    );
    expect(code).toBe(EXIT_FAILED);
    const report = JSON.parse(out.join('\n')) as { results: { id: string; pass: boolean }[] };
    expect(report.results.filter((result) => !result.pass).map((result) => result.id)).toContain('app/ui-to-catalog');
  });
});
