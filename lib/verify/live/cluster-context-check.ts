import type { CommandResult, LiveCommand } from '../lab-expectation';
import type { CommandRunner } from './command-runner';
import { aws, kubectl } from './live-commands';

export const CURRENT_CONTEXT_COMMAND: LiveCommand = kubectl('config', 'current-context');
export const CURRENT_SERVER_COMMAND: LiveCommand = kubectl(
  'config',
  'view',
  '--minify',
  '-o',
  'jsonpath={.clusters[0].cluster.server}',
);

export function clusterEndpointCommand(clusterName: string): LiveCommand {
  return aws('eks', 'describe-cluster', '--name', clusterName, '--query', 'cluster.endpoint', '--output', 'text');
}

export interface ContextCheck {
  readonly ok: boolean;
  readonly message: string;
}

/** `aws eks update-kubeconfig` names the context after the cluster ARN: `arn:aws:eks:<region>:<account>:cluster/<name>`. */
export function contextNamesCluster(context: string, clusterName: string): boolean {
  return context.trim().endsWith(`:cluster/${clusterName}`) || context.trim() === clusterName;
}

/**
 * Confirms the current kubeconfig context points at the lab's cluster before anything runs: by the context name
 * `update-kubeconfig` gives, or else by comparing the context's API server with the cluster's endpoint.
 */
export async function confirmClusterContext(run: CommandRunner, clusterName: string): Promise<ContextCheck> {
  const context: CommandResult = await run(CURRENT_CONTEXT_COMMAND);
  if (context.exitCode !== 0) {
    return {
      ok: false,
      message: `kubectl has no current context (${context.stderr.trim()}); run: aws eks update-kubeconfig --name ${clusterName}`,
    };
  }
  const name = context.stdout.trim();
  if (contextNamesCluster(name, clusterName)) return { ok: true, message: `kubectl context ${name}` };
  const server = (await run(CURRENT_SERVER_COMMAND)).stdout.trim();
  const endpoint = await run(clusterEndpointCommand(clusterName));
  if (endpoint.exitCode === 0 && server !== '' && endpoint.stdout.trim() === server) {
    return { ok: true, message: `kubectl context ${name} (API server ${server} is cluster ${clusterName})` };
  }
  return {
    ok: false,
    message:
      `Refusing to run: the current kubectl context "${name}" (${server || 'unknown server'}) is not the lab cluster ` +
      `"${clusterName}". Switch with: aws eks update-kubeconfig --name ${clusterName}`,
  };
}
