/**
 * VPC CNI settings a module contributes: present in the synthesized `vpc-cni` add-on configuration (offline) and in the
 * environment of the `aws-node` container (live; the workshop checks it with `kubectl get ds aws-node -o yaml`).
 */
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import { synthesizedVpcCniAddon, vpcCniEnv } from '../vpc-cni-addon';
import { commandJson, kubectl } from '../live/live-commands';

export interface VpcCniEnvOptions {
  readonly module: string;
  /** Short name appended to the module key in the id. */
  readonly name: string;
  /** Environment variables and the values they must have. */
  readonly settings: Readonly<Record<string, string>>;
  readonly source?: string;
}

function describe(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

interface DaemonSetJson {
  readonly spec?: { readonly template?: { readonly spec?: { readonly containers?: readonly ContainerJson[] } } };
}
interface ContainerJson {
  readonly name: string;
  readonly image?: string;
  readonly env?: readonly { readonly name: string; readonly value?: string }[];
}

/** The `aws-node` container of `kubectl get daemonset aws-node -n kube-system -o json` output. */
export function awsNodeContainer(result: CommandResult | undefined): ContainerJson | string {
  const daemonSet = commandJson<DaemonSetJson>(result, 'kubectl');
  if (typeof daemonSet === 'string') return daemonSet;
  const container = daemonSet.spec?.template?.spec?.containers?.find((candidate) => candidate.name === 'aws-node');
  return container ?? 'the aws-node DaemonSet has no aws-node container';
}

export function interpretAwsNodeEnv(
  result: CommandResult | undefined,
  settings: Readonly<Record<string, string>>,
): CheckOutcome {
  const container = awsNodeContainer(result);
  if (typeof container === 'string') return { pass: false, actual: container };
  const env = Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable.value ?? '']));
  const seen = Object.fromEntries(Object.keys(settings).map((key) => [key, env[key] ?? '(unset)']));
  return { pass: Object.entries(settings).every(([key, value]) => env[key] === value), actual: describe(seen) };
}

/** The VPC CNI DaemonSet, whose `aws-node` container carries the add-on's settings as environment variables. */
export const AWS_NODE_DAEMONSET_COMMAND = kubectl('get', 'daemonset', 'aws-node', '-n', 'kube-system', '-o', 'json');

export function vpcCniEnvExpectation(options: VpcCniEnvOptions): LabExpectation {
  return {
    id: `${options.module}/${options.name}`,
    module: options.module,
    subject: 'vpc-cni add-on configuration (aws-node environment)',
    expected: describe(options.settings),
    source: options.source,
    checkOffline(lab) {
      const addon = synthesizedVpcCniAddon(lab.templates);
      if (!addon) return { pass: false, actual: 'no vpc-cni add-on is synthesized' };
      const env = vpcCniEnv(addon.configuration);
      const seen = Object.fromEntries(Object.keys(options.settings).map((key) => [key, env[key] ?? '(unset)']));
      return {
        pass: Object.entries(options.settings).every(([key, value]) => env[key] === value),
        actual: describe(seen),
      };
    },
    live: {
      commands: () => [AWS_NODE_DAEMONSET_COMMAND],
      interpret: (results) => interpretAwsNodeEnv(results[0], options.settings),
    },
  };
}
