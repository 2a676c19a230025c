import { EXIT_OK, EXIT_UNKNOWN_INSTANCE_TYPE, main } from '../../bin/max-pods';
import { EXIT_USAGE } from '../../lib/cli/cli-io';
import { runTypeScriptEntryPoint } from '../support/child-processes';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(...argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('max-pods CLI', () => {
  test('prints the kubelet value and the addressing limit of every mode for m5.large', () => {
    const { code, stdout, stderr } = run('m5.large');
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(stdout).toContain('m5.large: 2 vCPUs, x86_64, Nitro, 3 ENIs x 10 IPv4 addresses');
    expect(stdout).toContain('EKS max-pods cap: 110 (30 vCPUs or fewer)');
    expect(stdout).toMatch(/\* Secondary IPs +29 +29\n/);
    expect(stdout).toMatch(/ {2}Custom networking +20 +20\n/);
    expect(stdout).toMatch(/ {2}Prefix delegation +110 +434\n/);
    expect(stdout).toMatch(/ {2}Prefix delegation \+ custom networking +110 +290\n/);
    expect(stdout).toContain('* Secondary IPs: kubelet maxPods 29');
  });

  test('marks the mode the options choose and prints its kubelet value', () => {
    expect(run('m5.large', '--prefix-delegation').stdout).toContain('* Prefix delegation: kubelet maxPods 110');
    expect(run('t3.medium', '--custom-networking').stdout).toContain('* Custom networking: kubelet maxPods 12');
    expect(run('--custom-networking', 'm5.large', '--prefix-delegation').stdout).toContain(
      '* Prefix delegation + custom networking: kubelet maxPods 110',
    );
  });

  test('names the higher cap for instances with more than 30 vCPUs', () => {
    const { stdout } = run('m5.24xlarge');
    expect(stdout).toContain('EKS max-pods cap: 250 (more than 30 vCPUs)');
    expect(stdout).toMatch(/\* Secondary IPs +250 +737\n/);
  });

  test('says when a Xen instance falls back to secondary IPs', () => {
    const { code, stdout } = run('m4.large', '--prefix-delegation');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('* Prefix delegation: kubelet maxPods 20');
    expect(stdout).toContain('m4.large is not Nitro-based');
  });

  test('prints the figures object with --json', () => {
    const { code, stdout, stderr } = run('t3.medium', '--json');
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      instanceType: 't3.medium',
      enis: 3,
      ipv4PerEni: 6,
      vcpus: 2,
      secondaryIp: 17,
      customNetworking: 12,
      prefixDelegation: 242,
      prefixDelegationCustomNetworking: 162,
      cappedPrefixDelegation: 110,
    });
  });

  test('prints the same figures object whatever the mode options', () => {
    expect(run('m5.large', '--json', '--prefix-delegation', '--custom-networking').stdout).toBe(
      run('m5.large', '--json').stdout,
    );
  });

  test('fails when the instance type is unknown, with a close-match suggestion', () => {
    const { code, stdout, stderr } = run('t3.medum');
    expect(code).toBe(EXIT_UNKNOWN_INSTANCE_TYPE);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown instance type "t3.medum"');
    expect(stderr).toContain('Did you mean "t3.medium"?');
    expect(stderr).toContain('--list');
  });

  test('fails when the instance type is unknown with --json too', () => {
    const { code, stderr } = run('m5.lrge', '--json');
    expect(code).toBe(EXIT_UNKNOWN_INSTANCE_TYPE);
    expect(stderr).toContain('Did you mean "m5.large"?');
  });

  test('fails when the instance type is missing', () => {
    const { code, stderr } = run('--prefix-delegation');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('Missing the instance type.');
    expect(stderr).toContain('Usage: npm run max-pods --');
  });

  test('fails when an option is unknown', () => {
    const { code, stderr } = run('m5.large', '--prefix');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('Unknown option "--prefix".');
  });

  test('fails with the usage when a flag is given a value', () => {
    const { code, stdout, stderr } = run('m5.large', '--json=yes');
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--json.*\n\nUsage: npm run max-pods --/);
  });

  test('names an unknown short option as typed', () => {
    const { code, stderr } = run('m5.large', '-p');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('Unknown option "-p".');
  });

  test('takes the instance type after -- and the options before it', () => {
    expect(run('--custom-networking', '--', 't3.medium').stdout).toContain('* Custom networking: kubelet maxPods 12');
  });

  test('fails when two instance types are given', () => {
    const { code, stderr } = run('m5.large', 't3.medium');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('Expected one instance type, got "m5.large" and "t3.medium".');
  });

  test('prints the usage with --help', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Usage: npm run max-pods -- <instance-type> [--custom-networking] [--prefix-delegation]');
  });

  test('lists the known instance types with --list', () => {
    const lines = run('--list').stdout.trim().split('\n');
    expect(lines).toContain('m5.large');
    expect(lines).toContain('t4g.medium');
    expect(lines).not.toContain('');
  });

  // One run as a real process (node with tsx's require hook) proves the script entry point sets the exit code.
  test('runs as a script and exits non-zero for an unknown type', () => {
    const result = runTypeScriptEntryPoint('bin/max-pods.ts', ['m5.lage']);
    expect(result.status).toBe(EXIT_UNKNOWN_INSTANCE_TYPE);
    expect(result.stderr).toContain('Did you mean "m5.large"?');
  });
});
