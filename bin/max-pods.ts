/**
 * `npm run max-pods -- <instance-type> [--custom-networking] [--prefix-delegation] [--json]`
 *
 * Prints how many pods an instance type can run in each VPC CNI addressing mode and the kubelet `maxPods` for the
 * chosen options. With `--json` it prints the figures object of lib/verify/pod-density.ts (the options do not change
 * it: it holds every mode). Exit codes: 0 done, 1 unknown instance type, 2 bad usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { firstUnknownOption, isParseArgsError } from '../lib/cli/parse-args-errors';
import {
  KNOWN_INSTANCE_TYPES,
  UnknownInstanceTypeError,
  lookupInstanceType,
  supportsPrefixDelegation,
} from '../lib/instance-types/instance-types';
import {
  EKS_MAX_PODS_CAP_VCPU_THRESHOLD,
  MODE_LABELS,
  POD_NETWORKING_MODES,
  eksMaxPodsCap,
  maxPodsByMode,
  modeOfOptions,
  podDensityFigures,
  type PodNetworkingOptions,
} from '../lib/node-groups/pod-density';
import { type CliIo, EXIT_USAGE, PROCESS_IO } from '../lib/cli/cli-io';

export const EXIT_OK = 0;
export const EXIT_UNKNOWN_INSTANCE_TYPE = 1;

export const USAGE = [
  'Usage: npm run max-pods -- <instance-type> [--custom-networking] [--prefix-delegation] [--json]',
  '       npm run max-pods -- --list',
  '',
  '  --custom-networking   pods use ENIConfig subnets; the primary ENI carries no pods',
  '  --prefix-delegation   ENIs get /28 prefixes (16 addresses each) instead of single addresses',
  '  --json                print the figures of every mode as JSON (the two options above do not change it)',
  '  --list                print the instance types the lab knows',
  '',
].join('\n');

interface ParsedArguments {
  readonly instanceType: string | undefined;
  readonly options: PodNetworkingOptions;
  readonly json: boolean;
  readonly list: boolean;
  readonly help: boolean;
}

/** Runs the CLI with `argv` (arguments after the script name) and returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.list) {
    io.stdout(`${KNOWN_INSTANCE_TYPES.join('\n')}\n`);
    return EXIT_OK;
  }
  if (parsed.instanceType === undefined) {
    io.stderr(`Missing the instance type.\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    io.stdout(parsed.json ? renderJson(parsed.instanceType) : renderReport(parsed.instanceType, parsed.options));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UnknownInstanceTypeError) {
      io.stderr(`${error.message}\nRun \`npm run max-pods -- --list\` to see every known instance type.\n`);
      return EXIT_UNKNOWN_INSTANCE_TYPE;
    }
    throw error;
  }
}

const MAX_PODS_OPTIONS = {
  'custom-networking': { type: 'boolean', default: false },
  'prefix-delegation': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The parsed arguments, or a message saying what is wrong with them. */
function parseArguments(argv: readonly string[]): ParsedArguments | string {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: MAX_PODS_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const unknown =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? firstUnknownOption(argv, MAX_PODS_OPTIONS) : undefined;
    return unknown === undefined ? error.message : `Unknown option ${JSON.stringify(unknown)}.`;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    return `Expected one instance type, got ${JSON.stringify(positionals[0])} and ${JSON.stringify(positionals[1])}.`;
  }
  return {
    instanceType: positionals[0],
    options: { customNetworking: values['custom-networking'], prefixDelegation: values['prefix-delegation'] },
    json: values.json,
    list: values.list,
    help: values.help,
  };
}

function renderJson(instanceType: string): string {
  return `${JSON.stringify(podDensityFigures(instanceType), null, 2)}\n`;
}

function renderReport(instanceType: string, options: PodNetworkingOptions): string {
  const facts = lookupInstanceType(instanceType);
  const byMode = maxPodsByMode(facts.name);
  const selected = modeOfOptions(options);
  const cap = eksMaxPodsCap(facts.vcpus);
  const capReason =
    facts.vcpus > EKS_MAX_PODS_CAP_VCPU_THRESHOLD
      ? `more than ${EKS_MAX_PODS_CAP_VCPU_THRESHOLD} vCPUs`
      : `${EKS_MAX_PODS_CAP_VCPU_THRESHOLD} vCPUs or fewer`;
  const platform = facts.bareMetal ? 'bare metal (Nitro)' : facts.hypervisor === 'nitro' ? 'Nitro' : 'Xen';
  const labelWidth = Math.max(...POD_NETWORKING_MODES.map((mode) => MODE_LABELS[mode].length));
  const row = (marker: string, label: string, kubelet: string, allowed: string): string =>
    `${marker} ${label.padEnd(labelWidth)}  ${kubelet.padStart(15)}  ${allowed.padStart(17)}`;
  const lines = [
    `${facts.name}: ${facts.vcpus} vCPUs, ${facts.architecture}, ${platform}, ` +
      `${facts.maxEnis} ENIs x ${facts.ipv4PerEni} IPv4 addresses`,
    `EKS max-pods cap: ${cap} (${capReason})`,
    '',
    row(' ', 'Mode', 'kubelet maxPods', 'addressing allows'),
    ...POD_NETWORKING_MODES.map((mode) =>
      row(mode === selected ? '*' : ' ', MODE_LABELS[mode], `${byMode[mode].capped}`, `${byMode[mode].uncapped}`),
    ),
    '',
    `* ${MODE_LABELS[selected]}: kubelet maxPods ${byMode[selected].capped}`,
  ];
  if (options.prefixDelegation && !supportsPrefixDelegation(facts)) {
    lines.push(
      `  ${facts.name} is not Nitro-based: the VPC CNI cannot assign prefixes and falls back to secondary IPs.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), PROCESS_IO);
}
