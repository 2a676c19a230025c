/**
 * The parts of `kubectl get nodes|pods|events -o json` output the live checks read, and small readers over them.
 * Only the fields a check needs are typed; everything is optional because a check must report, not crash, on an
 * object that lacks one.
 */
import type { CommandResult } from '../lab-expectation';
import { commandJson } from './live-commands';
import { COMPUTE_TYPE_LABEL } from '../../../manifests/well-known-labels';

export interface KubeListJson<T> {
  readonly items?: readonly T[];
}

export interface KubeConditionJson {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
}

export interface NodeJson {
  readonly metadata?: { readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
  /** `aws:///<zone>/<instance id>` on EC2 nodes; `eks-hybrid:///...` on hybrid nodes. */
  readonly spec?: { readonly providerID?: string; readonly unschedulable?: boolean };
  readonly status?: {
    readonly conditions?: readonly KubeConditionJson[];
    readonly allocatable?: Readonly<Record<string, string>>;
  };
}

export interface ContainerJson {
  readonly name?: string;
  readonly resources?: { readonly requests?: Readonly<Record<string, string>> };
}

export interface PodJson {
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly deletionTimestamp?: string;
  };
  readonly spec?: {
    readonly nodeName?: string;
    readonly hostNetwork?: boolean;
    readonly containers?: readonly ContainerJson[];
    readonly initContainers?: readonly ContainerJson[];
  };
  readonly status?: {
    readonly phase?: string;
    readonly podIP?: string;
    readonly containerStatuses?: readonly { readonly name?: string; readonly ready?: boolean }[];
  };
}

export interface EventJson {
  readonly involvedObject?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
  readonly reason?: string;
  readonly message?: string;
  readonly type?: string;
}

/** The items of a `kubectl get ... -o json` List, or a one-line reason they cannot be read. */
export function kubeItems<T>(result: CommandResult | undefined): readonly T[] | string {
  const list = commandJson<KubeListJson<T>>(result, 'kubectl');
  if (typeof list === 'string') return list;
  return Array.isArray(list.items) ? list.items : 'kubectl printed no item list';
}

export function nodeName(node: NodeJson): string {
  return node.metadata?.name ?? '(unnamed node)';
}

export function nodeIsReady(node: NodeJson): boolean {
  return (node.status?.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

/**
 * Whether the node is an EC2 instance of a node group: EKS labels hybrid nodes (and Fargate and Auto Mode nodes)
 * with `eks.amazonaws.com/compute-type`; managed node group nodes carry no such label.
 */
export function isEc2Node(node: NodeJson): boolean {
  return node.metadata?.labels?.[COMPUTE_TYPE_LABEL] === undefined;
}

/** The EC2 instance id in an EC2 node's provider id (`aws:///us-west-2a/i-0123456789abcdef0`), if any. */
export function instanceIdOfNode(node: NodeJson): string | undefined {
  return /\/(i-[0-9a-f]+)$/.exec(node.spec?.providerID ?? '')?.[1];
}

export function podName(pod: PodJson): string {
  const name = pod.metadata?.name ?? '(unnamed pod)';
  return pod.metadata?.namespace ? `${pod.metadata.namespace}/${name}` : name;
}

/** Neither finished (Succeeded, Failed) nor being deleted: the pod holds its node's resources and address. */
export function podIsActive(pod: PodJson): boolean {
  const phase = pod.status?.phase;
  return pod.metadata?.deletionTimestamp === undefined && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Running, and every container reports ready (what `kubectl get pods` prints as `2/2 Running`). */
export function podIsRunningAndReady(pod: PodJson): boolean {
  const statuses = pod.status?.containerStatuses ?? [];
  return pod.status?.phase === 'Running' && statuses.length > 0 && statuses.every((status) => status.ready === true);
}

/** `2/2 Running` as kubectl prints it. */
export function podReadiness(pod: PodJson): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((status) => status.ready === true).length;
  return `${ready}/${statuses.length} ${pod.status?.phase ?? 'Unknown'}`;
}
