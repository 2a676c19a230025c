import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMUM_NODE_VERSION, nodeSupport } from '../../../lib/cli/node-support';

const TODAY = '2026-12-04';

describe('Node.js versions, per the aws-cdk support policy', () => {
  test('22 and 24 are supported today', () => {
    expect(nodeSupport('v22.12.0', TODAY).kind).toBe('supported');
    expect(nodeSupport('v24.1.0', TODAY).kind).toBe('supported');
  });

  test('20 still runs after the CDK support ended (2026-10-30), with a note that says what to use instead', () => {
    expect(nodeSupport('v20.20.2', '2026-10-30').kind).toBe('supported');
    expect(nodeSupport('v20.20.2', TODAY)).toEqual({
      kind: 'runs-unsupported',
      message: expect.stringMatching(
        /^Note: Node\.js v20\.20\.2 reached end of life on 2026-04-30 .* 2026-10-30\..*use Node\.js 24 or 22/,
      ),
    });
  });

  test('versions older than the minimum do not run, and say so', () => {
    expect(nodeSupport('v20.11.1', TODAY).kind).toBe('does-not-run');
    expect(nodeSupport('v18.20.0', TODAY)).toMatchObject({ message: expect.stringContaining('older than 20.12.0') });
  });

  test('a non-LTS line runs with a note', () => {
    expect(nodeSupport('v23.1.0', TODAY).kind).toBe('runs-unsupported');
  });

  test("package.json's engines states the same minimum", () => {
    const engines = (
      JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines;
    expect(engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
  });
});
