/**
 * `npm run --silent connectivity -- [--json] FILE_OR_DIR...`: which workload can reach which, on which destination
 * pod ports, under the NetworkPolicies in Kubernetes manifests. Amazon VPC CNI caveats and notes go to stderr.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { firstUnknownOption, isParseArgsError } from '../lib/cli/parse-args-errors';
import {
  analyzeConnectivity,
  buildConnectivityReport,
  ConnectivityAnalysis,
  formatConnectivityMatrix,
  formatWarning,
  loadManifests,
  ManifestError,
} from '../lib/network-policy-analyzer';
import { type CliIo, EXIT_USAGE, PROCESS_IO } from '../lib/cli/cli-io';

export const EXIT_SUCCESS = 0;
/** Bad YAML, a missing file, an invalid NetworkPolicy or another unusable object. */
export const EXIT_INVALID_INPUT = 1;

const USAGE = `Usage: npm run --silent connectivity -- [--json] FILE_OR_DIR...

Reads Kubernetes YAML or JSON manifests (multi-document files, kind: List, and every .yaml/.yml/.json file
under a directory) and reports which workload may open connections to which, on which destination pod ports,
under networking.k8s.io/v1 NetworkPolicy semantics.

  --json      print one JSON object: {"workloads": [...], "connections": [{"from", "to", "allowed"}]}
  -h, --help  print this help

Exit status: 0 on success, 1 on unusable input (bad YAML, missing file, invalid NetworkPolicy), 2 on bad usage.
Amazon VPC CNI caveats and notes about ignored objects are printed to stderr.
`;

const CONNECTIVITY_OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export function main(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    // Positionals are the manifest paths; `-` is one, and so is everything after `--`.
    parsed = parseArgs({ args: [...argv], options: CONNECTIVITY_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const unknown =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? firstUnknownOption(argv, CONNECTIVITY_OPTIONS) : undefined;
    io.stderr(`error: ${unknown === undefined ? error.message : `unknown option ${unknown}`}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_SUCCESS;
  }
  if (paths.length === 0) {
    io.stderr(`error: no manifest file or directory given\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  let analysis: ConnectivityAnalysis;
  try {
    const { objects, files } = loadManifests(paths);
    if (files.length === 0) throw new ManifestError(`no .yaml, .yml or .json files under ${paths.join(', ')}`);
    analysis = analyzeConnectivity(objects);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    io.stderr(`error: ${error.message}\n`);
    return EXIT_INVALID_INPUT;
  }

  for (const note of ignoredObjectNotes(analysis)) io.stderr(`${note}\n`);
  for (const warning of analysis.warnings) io.stderr(`${formatWarning(warning)}\n`);
  io.stdout(
    values.json ? `${JSON.stringify(buildConnectivityReport(analysis))}\n` : formatConnectivityMatrix(analysis),
  );
  return EXIT_SUCCESS;
}

/** One note per ignored kind, so that nothing in the input disappears without a word. */
function ignoredObjectNotes(analysis: ConnectivityAnalysis): string[] {
  const namesByKind = new Map<string, string[]>();
  for (const { kind, name } of analysis.ignoredObjects) {
    namesByKind.set(kind, [...(namesByKind.get(kind) ?? []), name]);
  }
  return [...namesByKind].map(
    ([kind, names]) => `note: ignored ${kind} (not used by the connectivity analysis): ${names.join(', ')}`,
  );
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), PROCESS_IO);
}
