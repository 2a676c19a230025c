import { commandJson, kubectl, labelSelector } from '../../../lib/verify/live/live-commands';

const result = (exitCode: number, stdout: string, stderr = '') => ({ exitCode, stdout, stderr });

describe('commandJson', () => {
  test('returns the parsed output of a successful command', () => {
    expect(commandJson<{ items: number[] }>(result(0, '{"items":[1,2]}'), 'kubectl')).toEqual({ items: [1, 2] });
  });

  test('names the program and its own message when it fails, falling back to stdout, then to the exit code', () => {
    expect(commandJson(result(1, '', 'error: forbidden\n'), 'kubectl')).toBe('kubectl failed: error: forbidden');
    expect(commandJson(result(254, 'An error occurred (AccessDenied)', ''), 'aws')).toBe(
      'aws failed: An error occurred (AccessDenied)',
    );
    expect(commandJson(result(2, '', ''), 'aws')).toBe('aws failed: exit code 2');
  });

  test('says so when the output is not JSON or the command never ran', () => {
    expect(commandJson(result(0, 'No resources found'), 'kubectl')).toBe('kubectl printed no JSON');
    expect(commandJson(undefined, 'kubectl')).toBe('kubectl did not run');
  });
});

test('labelSelector writes labels in kubectl -l syntax', () => {
  expect(labelSelector({ 'app.kubernetes.io/name': 'checkout', tier: 'web' })).toBe(
    'app.kubernetes.io/name=checkout,tier=web',
  );
  expect(kubectl('get', 'pods', '-l', labelSelector({ a: 'b' }))).toEqual({
    program: 'kubectl',
    args: ['get', 'pods', '-l', 'a=b'],
  });
});
