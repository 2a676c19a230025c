import {
  interpretAllocatablePods,
  eksMaxPodsExpectation,
  statedMaxPods,
  synthesizedEksMaxPods,
} from '../../../../lib/verify/expectations/node-group-max-pods';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

let base: SynthesizedOutput;
let prefix: SynthesizedOutput;

beforeAll(() => {
  base = synthesizedOutputForTest();
  prefix = synthesizedOutputForTest({ modules: 'prefix-delegation' });
});

describe('node group max pods offline', () => {
  test('computes what EKS gives the default m5.large node group from the synthesized add-on: 29, 110 in prefix mode', () => {
    expect(synthesizedEksMaxPods(base, 'default')).toBe(29);
    expect(synthesizedEksMaxPods(prefix, 'default')).toBe(110);
    expect(statedMaxPods(prefix, 'default')).toBe(110);
  });

  test('passes when plan, stack output and EKS agree with the stated value', () => {
    const expectation = eksMaxPodsExpectation({ module: 'test', nodeGroup: 'default', maxPods: 110 });
    expect(expectation.checkOffline(prefix)).toEqual({
      pass: true,
      actual: 'planned 110, stack output 110, EKS computes 110',
    });
  });

  test('fails when the stated value differs from what EKS computes', () => {
    const expectation = eksMaxPodsExpectation({ module: 'test', nodeGroup: 'default', maxPods: 110 });
    expect(expectation.checkOffline(base)).toEqual({
      pass: false,
      actual: 'planned 29, stack output 29, EKS computes 29',
    });
  });

  test('fails for a node group that is not synthesized', () => {
    expect(synthesizedEksMaxPods(base, 'missing')).toBe('no managed node group named missing is synthesized');
  });
});

describe('node group max pods live', () => {
  const expectation = eksMaxPodsExpectation({ module: 'test', nodeGroup: 'default', maxPods: 110 });

  test('reads the allocatable pods of the node group nodes', () => {
    expect(expectation.live?.commands({ clusterName: 'c', stackOutputs: {}, lab: prefix })).toEqual([
      {
        program: 'kubectl',
        args: [
          'get',
          'nodes',
          '-l',
          'eks-networking-lab/node-group=default',
          '-o',
          'jsonpath={.items[*].status.allocatable.pods}',
        ],
      },
    ]);
  });

  test('passes when every node allows the planned pods', () => {
    expect(interpretAllocatablePods({ exitCode: 0, stdout: "'110 110 110'", stderr: '' }, 'default', 110).pass).toBe(
      true,
    );
  });

  test('fails with a note on node age when a node keeps the old value', () => {
    const outcome = interpretAllocatablePods({ exitCode: 0, stdout: '110 29', stderr: '' }, 'default', 110);
    expect(outcome).toMatchObject({ pass: false, actual: 'allocatable pods per node: 110, 29' });
    expect(outcome.notes?.[0]).toContain('update or replace the node group');
  });

  test('fails without nodes', () => {
    expect(interpretAllocatablePods({ exitCode: 0, stdout: '', stderr: '' }, 'default', 110)).toEqual({
      pass: false,
      actual: 'no nodes of node group default',
    });
  });
});
