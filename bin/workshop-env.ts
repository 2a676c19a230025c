#!/usr/bin/env node
/**
 * `npm run --silent workshop-env [-- --outputs-file <file>]`
 *
 * After `cdk deploy`, the workshop's shell variables (VPC_ID, EKS_CLUSTER_NAME, CATALOG_RDS_ENDPOINT...) as
 * `export NAME='value'` lines, read from the outputs file `cdk deploy` writes (cdk.json `outputsFile`), so that
 * `eval "$(npm run --silent workshop-env)"` lets the workshop's own commands be pasted. Offline: no AWS call.
 * Exit codes: 0 done, 2 bad usage or no deployed lab in the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type CliIo, EXIT_USAGE, PROCESS_IO } from '../lib/cli/cli-io';
import { HELP_OPTION, parseCommandLine } from '../lib/cli/command-line';
import { OUTPUTS_FILE } from '../lib/config/deployed-lab-state';
import { LAB_STACK_NAME } from '../lib/lab-stack-name';
import { workshopEnvScript } from '../lib/workshop/workshop-env-script';

export const EXIT_OK = 0;

export const WORKSHOP_ENV_USAGE = [
  'Usage: npm run --silent workshop-env [-- --outputs-file <file>]',
  '',
  `  --outputs-file <file>   outputs written by cdk deploy (default ${OUTPUTS_FILE}, cdk.json outputsFile)`,
  '',
  "Prints the workshop's shell variables of the deployed lab as export lines:",
  '  eval "$(npm run --silent workshop-env)"',
  '',
].join('\n');

export function main(argv: readonly string[], io: CliIo): number {
  const parsed = parseCommandLine(
    argv,
    {
      'outputs-file': { type: 'string', default: OUTPUTS_FILE },
      ...HELP_OPTION,
    },
    WORKSHOP_ENV_USAGE,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  const file = values['outputs-file'];
  const outputs = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>)[LAB_STACK_NAME]
    : undefined;
  if (!outputs) {
    io.stderr(
      `No outputs of ${LAB_STACK_NAME} in ${file}: run \`npx cdk deploy ${LAB_STACK_NAME}\` first (it writes the file).\n`,
    );
    return EXIT_USAGE;
  }
  const lines = workshopEnvScript(outputs);
  io.stdout(
    [
      `# The workshop's variables of ${LAB_STACK_NAME} (from ${file}).`,
      '# CATALOG_RDS_PASSWORD and the SSM activation code are secrets: the lab never outputs them.',
      ...lines,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2), PROCESS_IO);
