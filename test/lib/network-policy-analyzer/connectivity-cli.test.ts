import { join } from 'node:path';
import { EXIT_INVALID_INPUT, EXIT_SUCCESS, main } from '../../../bin/connectivity';
import { type CliIo, EXIT_USAGE } from '../../../lib/cli/cli-io';
import { runTypeScriptEntryPoint } from '../../support/child-processes';

const CLI_FIXTURES = join(__dirname, 'fixtures', 'cli');
const fixture = (name: string): string => join(CLI_FIXTURES, name);

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

const EVERYTHING = [
  { protocol: 'TCP', ranges: [[1, 65535]] },
  { protocol: 'UDP', ranges: [[1, 65535]] },
  { protocol: 'SCTP', ranges: [[1, 65535]] },
];

describe('connectivity CLI', () => {
  it('prints exactly one JSON object with workloads and one connection per ordered pair', () => {
    const { code, stdout, stderr } = run('--json', fixture('shop.yaml'), fixture('deny-all.json'));
    expect(code).toBe(EXIT_SUCCESS);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(stdout)).toEqual({
      workloads: ['shop/api', 'shop/probe', 'shop/web'],
      connections: [
        { from: 'shop/api', to: 'shop/probe', allowed: [] },
        { from: 'shop/api', to: 'shop/web', allowed: EVERYTHING },
        { from: 'shop/probe', to: 'shop/api', allowed: [] },
        { from: 'shop/probe', to: 'shop/web', allowed: [] },
        {
          from: 'shop/web',
          to: 'shop/api',
          allowed: [
            { protocol: 'TCP', ranges: [[8080, 8081]] },
            { protocol: 'UDP', ranges: [[53, 53]] },
          ],
        },
        { from: 'shop/web', to: 'shop/probe', allowed: [] },
      ],
    });
  });

  it('keeps the top-level JSON keys exactly workloads and connections', () => {
    const report: unknown = JSON.parse(run('--json', join(__dirname, 'fixtures', 'retail-store')).stdout);
    expect(Object.keys(report as object)).toEqual(['workloads', 'connections']);
  });

  it('prints a readable matrix with the exact ports of partial connections without --json', () => {
    const { code, stdout } = run(fixture('shop.yaml'));
    expect(code).toBe(EXIT_SUCCESS);
    expect(stdout).toBe(
      [
        'Workloads:',
        '   1  shop/api',
        '   2  shop/web',
        '',
        'Connections (row = from, column = to; A = all ports, P = some ports, - = none):',
        '       1 2',
        '   1   \\ A',
        '   2   P \\',
        '',
        'Partially allowed:',
        '  shop/web -> shop/api: TCP 8080-8081; UDP 53',
        '',
      ].join('\n'),
    );
  });

  it('reads every manifest file under a directory, recursively', () => {
    const report = JSON.parse(run('--json', join(__dirname, 'fixtures', 'retail-store')).stdout) as {
      workloads: string[];
      connections: unknown[];
    };
    expect(report.workloads).toHaveLength(15);
    expect(report.connections).toHaveLength(15 * 14);
  });

  it('ignores unknown kinds and documents without kind with a note on stderr', () => {
    const { code, stdout, stderr } = run('--json', fixture('unknown-kinds.yaml'), fixture('shop.yaml'));
    expect(code).toBe(EXIT_SUCCESS);
    expect(stderr).toBe(
      [
        'note: ignored ConfigMap (not used by the connectivity analysis): shop/settings',
        'note: ignored Widget (not used by the connectivity analysis): gadget',
        'note: ignored (no kind) (not used by the connectivity analysis): (unnamed)',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(stdout).workloads).toEqual(['shop/api', 'shop/web']);
  });

  it('prints Amazon VPC CNI caveats to stderr and keeps them out of the JSON', () => {
    const { code, stdout, stderr } = run('--json', fixture('service-port-caveat.yaml'));
    expect(code).toBe(EXIT_SUCCESS);
    expect(stderr).toMatch(/^warning \[service-port-differs-from-container-port\] Service shop\/api /m);
    expect(stdout).not.toContain('warning');
  });

  it('fails with exit code 1 naming the file and line on bad YAML', () => {
    const { code, stdout, stderr } = run('--json', fixture('bad-yaml.yaml'));
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*bad-yaml\.yaml: invalid YAML in document 1: .*line \d+, column \d+\n$/);
  });

  it('fails with exit code 1 naming the policy on an invalid NetworkPolicy', () => {
    const { code, stdout, stderr } = run('--json', fixture('shop.yaml'), fixture('invalid-policy.yaml'));
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: Invalid NetworkPolicy shop/open-door: spec.ingress[0].from[0]: must specify a peer (podSelector, ' +
        'namespaceSelector or ipBlock); an empty peer {} is invalid — omit from/to entirely to allow every peer\n',
    );
  });

  it('fails with exit code 1 on a missing file', () => {
    const { code, stderr } = run('--json', fixture('no-such-file.yaml'));
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toMatch(/^error: .*no-such-file\.yaml: no such file or directory\n$/);
  });

  it('fails with exit code 1 when a directory holds no manifest files', () => {
    const { code, stderr } = run('--json', fixture('empty-dir'));
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toMatch(/^error: no \.yaml, \.yml or \.json files under .*empty-dir\n$/);
  });

  it('fails with exit code 2 and the usage when no path or an unknown option is given', () => {
    expect(run('--json')).toEqual({
      code: EXIT_USAGE,
      stdout: '',
      stderr: expect.stringMatching(/^error: no manifest file/),
    });
    expect(run('--yaml', fixture('shop.yaml'))).toEqual({
      code: EXIT_USAGE,
      stdout: '',
      stderr: expect.stringMatching(/^error: unknown option --yaml\n\nUsage: /),
    });
  });

  it('fails with exit code 2 and the usage when --json is given a value', () => {
    expect(run('--json=yes', fixture('shop.yaml'))).toEqual({
      code: EXIT_USAGE,
      stdout: '',
      stderr: expect.stringMatching(/^error: .*--json.*\n\nUsage: /),
    });
  });

  it('reads every argument after -- as a path, even one that looks like an option', () => {
    const { code, stderr } = run('--json', '--', '--help');
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toMatch(/^error: .*--help: no such file or directory\n$/);
  });

  it('prints the usage and succeeds for --help', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(EXIT_SUCCESS);
    expect(stdout).toMatch(/^Usage: npm run --silent connectivity -- \[--json\] FILE_OR_DIR\.\.\./);
  });

  it("runs as a real process (node with tsx's require hook), exiting 0 with the JSON report and 1 on an invalid policy", () => {
    const ok = runTypeScriptEntryPoint('bin/connectivity.ts', ['--json', fixture('shop.yaml')]);
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(ok.stdout).workloads).toEqual(['shop/api', 'shop/web']);

    const invalid = runTypeScriptEntryPoint('bin/connectivity.ts', ['--json', fixture('invalid-policy.yaml')]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('Invalid NetworkPolicy shop/open-door');
  });
});
