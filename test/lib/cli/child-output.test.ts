import { runChild } from '../../../lib/cli/child-output';

describe('runChild', () => {
  test('keeps what the child writes to stdout and stderr, in order, with its exit status', async () => {
    const script =
      "process.stdout.write('out\\n'); setTimeout(() => { process.stderr.write('err\\n'); process.exit(3); }, 20);";
    await expect(runChild(process.execPath, ['-e', script], true)).resolves.toEqual({
      status: 3,
      output: 'out\nerr\n',
    });
  });

  test('keeps nothing when the child writes to this process, and reports success as 0', async () => {
    await expect(runChild(process.execPath, ['-e', ''], false)).resolves.toEqual({ status: 0, output: '' });
  });
});
