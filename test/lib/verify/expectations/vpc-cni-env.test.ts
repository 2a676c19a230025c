import { interpretAwsNodeEnv, vpcCniEnvExpectation } from '../../../../lib/verify/expectations/vpc-cni-env';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

const daemonSet = (env: Record<string, string>) => ({
  exitCode: 0,
  stderr: '',
  stdout: JSON.stringify({
    spec: {
      template: {
        spec: {
          containers: [{ name: 'aws-node', env: Object.entries(env).map(([name, value]) => ({ name, value })) }],
        },
      },
    },
  }),
});

describe('vpc-cni env expectation', () => {
  let prefix: SynthesizedOutput;
  beforeAll(() => {
    prefix = synthesizedOutputForTest({ modules: 'prefix-delegation' });
  });

  test('passes offline when the add-on configuration carries the settings, fails when one differs', () => {
    const wanted = vpcCniEnvExpectation({ module: 'm', name: 'n', settings: { ENABLE_PREFIX_DELEGATION: 'true' } });
    const other = vpcCniEnvExpectation({ module: 'm', name: 'n', settings: { WARM_PREFIX_TARGET: '2' } });
    expect(wanted.checkOffline(prefix)).toEqual({ pass: true, actual: 'ENABLE_PREFIX_DELEGATION=true' });
    expect(other.checkOffline(prefix)).toEqual({ pass: false, actual: 'WARM_PREFIX_TARGET=1' });
  });

  test('passes live when aws-node has the settings, fails when one is unset', () => {
    expect(
      interpretAwsNodeEnv(daemonSet({ ENABLE_PREFIX_DELEGATION: 'true', OTHER: 'x' }), {
        ENABLE_PREFIX_DELEGATION: 'true',
      }).pass,
    ).toBe(true);
    expect(interpretAwsNodeEnv(daemonSet({}), { ENABLE_PREFIX_DELEGATION: 'true' })).toEqual({
      pass: false,
      actual: 'ENABLE_PREFIX_DELEGATION=(unset)',
    });
  });

  test('fails live when kubectl fails', () => {
    expect(interpretAwsNodeEnv({ exitCode: 1, stdout: '', stderr: 'forbidden' }, { A: 'b' })).toEqual({
      pass: false,
      actual: 'kubectl failed: forbidden',
    });
  });
});
