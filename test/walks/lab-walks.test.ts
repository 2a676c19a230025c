import { main as verifyMain, EXIT_PASSED } from '../../bin/verify';
import { EXIT_USAGE } from '../../lib/cli/cli-io';
import { contextOfPairs } from '../../lib/cli/project-context';
import { MODULES } from '../../lib/modules/module-registry';
import type { SynthesizeOutput } from '../../lib/verify/synthesized-lab';
import { formatWalkReport, verifyWalk, walkHolds } from '../../lib/verify/verify-walk';
import { type LabWalk, walkDeployCommand, walkVerifyCommand } from '../../lib/walks/lab-walk';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/** Every configuration is synthesized once per test run, whichever test file asks first. */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);

/** A command line as a POSIX shell splits it (double quotes only: what the walks' commands use). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

/** The `-c key=value` pairs of a command line. */
function contextOfCommand(words: readonly string[]): Record<string, string> {
  return contextOfPairs(words.flatMap((word, index) => (words[index - 1] === '-c' ? [word] : [])));
}

async function runVerify(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
  const code = await verifyMain(argv, io, undefined, synthesize, undefined, () => ({}));
  return { code, stdout, stderr };
}

const walks = MODULES.map((module) => ({ module: module.name, walk: module.walk }));

describe('every lab has a guided walk of at least two moments', () => {
  test.each(walks)('$module', ({ module, walk }) => {
    expect(walk?.module).toBe(module);
    expect(walk!.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of walk!.steps) expect(step.checks.length).toBeGreaterThan(0);
  });
});

describe.each(walks.filter(({ walk }) => walk))(
  "the walk of $module, run as the guide's commands (offline)",
  ({ walk }) => {
    test.each(walk!.steps.map((step, index) => ({ step, number: index + 1 })))(
      'step $number: the deploy command synthesizes and its verify command passes with the verdicts the walk names',
      async ({ step }) => {
        const deployWords = shellWords(walkDeployCommand(step));
        expect(deployWords.slice(0, 4)).toEqual(['npx', 'cdk', 'deploy', 'NetworkingLabStack']);
        const deployed = synthesize({ context: contextOfCommand(deployWords) });
        expect(deployed.config.modules).toEqual(step.context.modules ? step.context.modules.split(',') : []);

        const verifyWords = shellWords(walkVerifyCommand(step, false));
        expect(verifyWords.slice(0, 4)).toEqual(['npm', 'run', 'verify', '--']);
        const { code, stdout } = await runVerify([...verifyWords.slice(4), '--json']);
        expect(code).toBe(EXIT_PASSED);
        const results = (JSON.parse(stdout) as { results: { id: string; expected: string; pass: boolean }[] }).results;
        for (const check of step.checks) {
          const result = results.find((candidate) => candidate.id === check.id);
          expect({ id: check.id, pass: result?.pass, expected: result?.expected }).toEqual({
            id: check.id,
            pass: true,
            expected: expect.stringContaining(check.expected),
          });
        }
        // The live command is the same with --live: same modules and context as the deploy.
        expect(walkVerifyCommand(step, true).replace(' --live', '')).toBe(walkVerifyCommand(step, false));
      },
    );
  },
);

describe('a walk that no longer matches the lab fails', () => {
  const sgp = MODULES.find((module) => module.name === 'security-groups-for-pods')!.walk!;
  const broken = sgp.steps[1];
  const drifted: LabWalk = {
    module: sgp.module,
    steps: [
      { ...broken, checks: [{ id: 'security-groups-for-pods/catalog-to-rds', expected: 'allowed' }] },
      { ...broken, checks: [{ id: 'security-groups-for-pods/no-such-check', expected: 'allowed' }] },
    ],
  };

  test('a verdict the stage does not expect, and a check the configuration lacks, are reported', () => {
    const verdicts = verifyWalk(drifted, synthesize);
    expect(walkHolds(verdicts)).toBe(false);
    expect(verdicts.map((verdict) => verdict.checks[0].asWalked)).toEqual([false, false]);
    const report = formatWalkReport(drifted, verdicts);
    expect(report).toContain('the walk says "allowed"');
    expect(report).toContain('no such check in this configuration');
    expect(report).toMatch(/NOT as walked \(offline\)$/);
  });
});

describe('npm run verify -- --walk', () => {
  test('prints each step with its deploy command and verdicts, and exits 0 when the walk holds', async () => {
    const { code, stdout } = await runVerify(['--walk', 'security-groups-for-pods']);
    expect(code).toBe(EXIT_PASSED);
    expect(stdout).toContain(
      'npx cdk deploy NetworkingLabStack -c modules=security-groups-for-pods -c securityGroupsForPods.stage=rds-without-policy',
    );
    expect(stdout).toMatch(/PASS {2}security-groups-for-pods\/catalog-to-rds: expected blocked/);
    expect(stdout).toMatch(
      /Walk security-groups-for-pods: 3 steps, \d+ named checks, every step as walked \(offline\)$/,
    );
  });

  test('an unknown walk names the allowed ones; --walk with --live or --modules is refused with what to do', async () => {
    const unknown = await runVerify(['--walk', 'security-groups']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toMatch(/--walk: received "security-groups"; allowed: .*security-groups-for-pods/);
    const live = await runVerify(['--walk', 'vpc-lattice', '--live']);
    expect(live.code).toBe(EXIT_USAGE);
    expect(live.stderr).toContain('run its "npm run verify -- --live ..." command from the lab guide');
  });
});
