/**
 * Runs steps in stages: the steps of a stage at the same time, the stages one after the other, stopping after a
 * stage in which a step failed. Steps that run alone write as they go; steps that share a stage keep their output
 * and write it as one block when they end, so two tools never interleave their lines.
 */
import type { ChildOutput } from './child-output';

/** Starts a step: live output when `keepOutput` is false, else kept for the result. */
export type StartStep = (step: string, keepOutput: boolean) => Promise<ChildOutput>;

export interface StagesResult {
  /** 0 when every step of every stage passed, else 1. */
  readonly status: number;
  /** One line: each step's time, the stages' times and the total. */
  readonly summary: string;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

export async function runStages(
  stages: readonly (readonly string[])[],
  startStep: StartStep,
  write: (text: string) => void,
  now: () => number = Date.now,
): Promise<StagesResult> {
  const started = now();
  const parts: string[] = [];
  for (const stage of stages) {
    const stageStarted = now();
    const keepOutput = stage.length > 1;
    const results = await Promise.all(
      stage.map(async (step) => {
        const stepStarted = now();
        const result = await startStep(step, keepOutput);
        const time = seconds(now() - stepStarted);
        if (keepOutput) write(`> ${step} (${time})\n${result.output}`);
        return { step, time, status: result.status };
      }),
    );
    const times = results.map(({ step, time }) => `${step} ${time}`).join(', ');
    parts.push(keepOutput ? `${times} (together ${seconds(now() - stageStarted)})` : times);
    const failed = results.filter((result) => result.status !== 0).map((result) => result.step);
    if (failed.length > 0) {
      return { status: 1, summary: `${failed.join(' and ')} failed; ${parts.join('; ')}` };
    }
  }
  return { status: 0, summary: `${parts.join('; ')}; total ${seconds(now() - started)}` };
}
