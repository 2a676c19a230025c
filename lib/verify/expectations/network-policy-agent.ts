/**
 * The VPC CNI network policy agent is on, with policy event logs: offline from the synthesized `vpc-cni` add-on
 * configuration (`enableNetworkPolicy`, `nodeAgent.enablePolicyEventLogs`), live from the arguments EKS gives the
 * agent container of the `aws-node` DaemonSet (`--enable-network-policy=true`, `--enable-policy-event-logs=true`,
 * the flags the user guide names for the same settings; amazon-vpc-cni-k8s charts/aws-vpc-cni/templates/daemonset.yaml
 * renders them from the same two values in container `aws-eks-nodeagent`).
 */
import type { CheckOutcome, CommandResult, LabExpectation } from '../lab-expectation';
import { synthesizedVpcCniAddon } from '../vpc-cni-addon';
import { vpcCniSetting } from '../../vpc-cni/vpc-cni-configuration';
import { AWS_NODE_DAEMONSET_COMMAND } from './vpc-cni-env';
import { commandJson } from '../live/live-commands';

/** Add-on setting (dotted path) -> the agent flag it becomes. */
export const NETWORK_POLICY_AGENT_SETTINGS: Readonly<Record<string, string>> = {
  enableNetworkPolicy: '--enable-network-policy',
  'nodeAgent.enablePolicyEventLogs': '--enable-policy-event-logs',
};

interface ContainerJson {
  readonly name: string;
  readonly args?: readonly string[];
}
interface DaemonSetJson {
  readonly spec?: { readonly template?: { readonly spec?: { readonly containers?: readonly ContainerJson[] } } };
}

/**
 * Reads `kubectl get daemonset aws-node -n kube-system -o json`. The agent container is found by its flags rather
 * than its name (`aws-eks-nodeagent` in the add-on, `aws-network-policy-agent` in parts of the docs).
 */
export function interpretNetworkPolicyAgent(result: CommandResult | undefined): CheckOutcome {
  const daemonSet = commandJson<DaemonSetJson>(result, 'kubectl');
  if (typeof daemonSet === 'string') return { pass: false, actual: daemonSet };
  const flags = Object.values(NETWORK_POLICY_AGENT_SETTINGS);
  const agent = daemonSet.spec?.template?.spec?.containers?.find((container) =>
    (container.args ?? []).some((arg) => arg.startsWith(`${flags[0]}=`)),
  );
  if (!agent) return { pass: false, actual: `no aws-node container takes ${flags[0]} (VPC CNI older than 1.14?)` };
  const seen = flags.map((flag) => (agent.args ?? []).find((arg) => arg.startsWith(`${flag}=`)) ?? `${flag} (unset)`);
  return { pass: flags.every((flag) => seen.includes(`${flag}=true`)), actual: `${agent.name}: ${seen.join(' ')}` };
}

export function networkPolicyAgentExpectation(module: string, source?: string): LabExpectation {
  const settings = Object.keys(NETWORK_POLICY_AGENT_SETTINGS);
  return {
    id: `${module}/network-policy-agent`,
    module,
    subject: 'vpc-cni add-on: network policy agent with policy event logs',
    expected: settings.map((setting) => `${setting}=true`).join(', '),
    source,
    checkOffline(lab): CheckOutcome {
      const addon = synthesizedVpcCniAddon(lab.templates);
      if (!addon) return { pass: false, actual: 'no vpc-cni add-on is synthesized' };
      const values = settings.map((setting) => [setting, vpcCniSetting(addon.configuration, setting)] as const);
      return {
        pass: values.every(([, value]) => value === 'true'),
        actual: values.map(([setting, value]) => `${setting}=${value ?? '(unset)'}`).join(', '),
      };
    },
    live: {
      commands: () => [AWS_NODE_DAEMONSET_COMMAND],
      interpret: (results) => interpretNetworkPolicyAgent(results[0]),
    },
  };
}
