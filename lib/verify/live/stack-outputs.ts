import type { LiveCommand } from '../lab-expectation';
import type { CommandRunner } from './command-runner';

export function describeStackCommand(stackName: string): LiveCommand {
  return {
    program: 'aws',
    args: [
      'cloudformation',
      'describe-stacks',
      '--stack-name',
      stackName,
      '--query',
      'Stacks[0].Outputs',
      '--output',
      'json',
    ],
  };
}

/** The deployed stack's outputs, or an empty record when the user's credentials cannot read them. */
export async function readStackOutputs(run: CommandRunner, stackName: string): Promise<Record<string, string>> {
  const result = await run(describeStackCommand(stackName));
  if (result.exitCode !== 0) return {};
  try {
    const outputs = JSON.parse(result.stdout) as { OutputKey: string; OutputValue: string }[] | null;
    return Object.fromEntries((outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  } catch {
    return {};
  }
}
