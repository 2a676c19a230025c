import { parseVerifyArguments, VerifyUsageError } from '../../../lib/verify/verify-arguments';

const usageErrorOf = (argv: string[]): string => {
  try {
    parseVerifyArguments(argv);
  } catch (error) {
    if (error instanceof VerifyUsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
};

describe('npm run verify arguments', () => {
  test('without arguments: every module, offline, the short table', () => {
    expect(parseVerifyArguments([])).toEqual({
      modules: undefined,
      context: {},
      live: false,
      dryRun: false,
      json: false,
      verbose: false,
      help: false,
    });
  });

  test('reads every documented option', () => {
    expect(
      parseVerifyArguments(['--modules', 'network-policies', '--live', '--dry-run', '--json', '--verbose', '--help']),
    ).toEqual({
      modules: 'network-policies',
      context: {},
      live: true,
      dryRun: true,
      json: true,
      verbose: true,
      help: true,
    });
    expect(parseVerifyArguments(['-h']).help).toBe(true);
  });

  test('takes an empty module list, which enables no module', () => {
    expect(parseVerifyArguments(['--modules', '']).modules).toBe('');
    expect(parseVerifyArguments(['--modules=']).modules).toBe('');
  });

  test('repeats -c/--context in every spelling, keeps = inside values, and lets a later key win', () => {
    expect(
      parseVerifyArguments([
        '-c',
        'networkPolicies.stage=ui-egress',
        '--context',
        'inboundCidrs=203.0.113.0/24',
        '--context=exposeUi=true',
        '-ckubernetesVersion=1.33',
        '-c',
        'networkPolicies.stage=complete',
        '-c',
        'tag=a=b',
      ]).context,
    ).toEqual({
      'networkPolicies.stage': 'complete',
      inboundCidrs: '203.0.113.0/24',
      exposeUi: 'true',
      kubernetesVersion: '1.33',
      tag: 'a=b',
    });
  });

  test('names an unknown option as typed', () => {
    expect(usageErrorOf(['--everything'])).toBe('unknown argument "--everything"');
    expect(usageErrorOf(['--live', '-x'])).toBe('unknown argument "-x"');
  });

  test('rejects a context argument that is not key=value', () => {
    expect(usageErrorOf(['-c', 'networkPolicies.stage'])).toBe(
      '-c, --context: "networkPolicies.stage" is not key=value',
    );
    expect(usageErrorOf(['-c', '=complete'])).toMatch(/is not key=value/);
  });

  test('rejects an option without its value, rather than taking the next option as the value', () => {
    expect(usageErrorOf(['--modules'])).toMatch(/--modules/);
    expect(usageErrorOf(['-c'])).toMatch(/--context/);
    expect(usageErrorOf(['--modules', '--live'])).toMatch(/--modules/);
  });

  test('rejects a value given to a flag, and a positional argument', () => {
    expect(usageErrorOf(['--json=yes'])).toMatch(/--json/);
    expect(usageErrorOf(['network-policies'])).toMatch(/network-policies/);
  });

  test('rejects --dry-run without --live', () => {
    expect(usageErrorOf(['--dry-run'])).toBe('--dry-run only applies to --live');
  });
});
