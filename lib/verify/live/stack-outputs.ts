import type { LiveCommand } from '../lab-expectation';
import type { CommandRunner } from './command-runner';
import { aws, commandJson } from './live-commands';

export function describeStackCommand(stackName: string): LiveCommand {
  return aws(
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    stackName,
    '--query',
    'Stacks[0].Outputs',
    '--output',
    'json',
  );
}

/** The deployed stack's outputs, or an empty record when the user's credentials cannot read them. */
export async function readStackOutputs(run: CommandRunner, stackName: string): Promise<Record<string, string>> {
  const result = await run(describeStackCommand(stackName));
  const outputs = commandJson<{ OutputKey: string; OutputValue: string }[] | null>(result, 'aws');
  if (typeof outputs === 'string') return {};
  return Object.fromEntries((outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
}
