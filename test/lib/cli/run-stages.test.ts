import type { ChildOutput } from '../../../lib/cli/child-output';
import { runStages } from '../../../lib/cli/run-stages';

/** A step whose end the test decides, recording when it started and whether it was asked to keep its output. */
function controlledSteps() {
  const started: { step: string; keepOutput: boolean }[] = [];
  const finish = new Map<string, (result: ChildOutput) => void>();
  const startStep = (step: string, keepOutput: boolean) =>
    new Promise<ChildOutput>((resolve) => {
      started.push({ step, keepOutput });
      finish.set(step, resolve);
    });
  return { started, finish, startStep };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('runStages', () => {
  test('starts the steps of a stage together, and the next stage only when all of them passed', async () => {
    const { started, finish, startStep } = controlledSteps();
    const run = runStages([['typecheck'], ['lint', 'synth:check'], ['test:unit']], startStep, () => {});
    await flush();
    expect(started.map((entry) => entry.step)).toEqual(['typecheck']);
    finish.get('typecheck')!({ status: 0, output: '' });
    await flush();
    expect(started.map((entry) => entry.step)).toEqual(['typecheck', 'lint', 'synth:check']);
    finish.get('synth:check')!({ status: 0, output: '' });
    await flush();
    expect(started).toHaveLength(3);
    finish.get('lint')!({ status: 0, output: '' });
    await flush();
    expect(started.map((entry) => entry.step)).toEqual(['typecheck', 'lint', 'synth:check', 'test:unit']);
    finish.get('test:unit')!({ status: 0, output: '' });
    expect((await run).status).toBe(0);
  });

  test('fails, naming the step, and starts no later stage when a step of a stage fails', async () => {
    const { started, finish, startStep } = controlledSteps();
    const run = runStages([['lint', 'synth:check'], ['test:unit']], startStep, () => {});
    await flush();
    finish.get('lint')!({ status: 1, output: 'error' });
    finish.get('synth:check')!({ status: 0, output: '' });
    const result = await run;
    expect(result.status).toBe(1);
    expect(result.summary).toMatch(/^lint failed; /);
    expect(started.map((entry) => entry.step)).not.toContain('test:unit');
  });

  test('a lone step writes as it goes; steps that share a stage keep their output and write it as one block', async () => {
    const { started, finish, startStep } = controlledSteps();
    const written: string[] = [];
    const run = runStages([['typecheck'], ['lint', 'synth:check']], startStep, (text) => written.push(text));
    await flush();
    finish.get('typecheck')!({ status: 0, output: '' });
    await flush();
    finish.get('synth:check')!({ status: 0, output: 'ok   all-modules\n' });
    finish.get('lint')!({ status: 0, output: '' });
    await run;
    expect(started).toEqual([
      { step: 'typecheck', keepOutput: false },
      { step: 'lint', keepOutput: true },
      { step: 'synth:check', keepOutput: true },
    ]);
    expect(written).toHaveLength(2);
    expect(written.find((text) => text.startsWith('> synth:check'))).toMatch(
      /^> synth:check \(.*\)\nok {3}all-modules\n$/,
    );
  });

  test('sums up each step, each shared stage and the whole run in seconds', async () => {
    let clock = 0;
    // Both steps of the second stage start at 3 s; lint ends at 20 s, and synth:check right after it.
    const startStep = async (step: string) => {
      await flush();
      clock += { typecheck: 3000, lint: 17000, 'synth:check': 0 }[step] ?? 0;
      return { status: 0, output: '' };
    };
    const result = await runStages(
      [['typecheck'], ['lint', 'synth:check']],
      startStep,
      () => {},
      () => clock,
    );
    expect(result.summary).toBe('typecheck 3.0 s; lint 17.0 s, synth:check 17.0 s (together 17.0 s); total 20.0 s');
  });
});
