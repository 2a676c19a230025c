import { durationOf, LAMBDA_INTERFACE_RELEASE } from './resource-durations';
import { addressKey, DeployOrder, referencedIds } from '../verify/deploy-order';
import type { ResourceAddress } from '../verify/cfn-stack-references';
import type { CfnResourceJson, LabTemplate } from '../verify/cfn-template';

/** One step of a critical path: a resource, its duration and when it finishes. */
export interface PathStep {
  readonly address: ResourceAddress;
  readonly type: string;
  readonly seconds: number;
  /** Seconds it waited after its prerequisite finished (Lambda releasing VPC interfaces), before its own work. */
  readonly waited: number;
  readonly finishesAt: number;
}

export interface DeployEstimate {
  /** Seconds from the start until the last resource is done. */
  readonly seconds: number;
  /** The chain of resources that sets the total, first to last. */
  readonly criticalPath: readonly PathStep[];
}

interface Node {
  readonly address: ResourceAddress;
  readonly resource: CfnResourceJson;
}

/**
 * Longest path through a dependency graph: each resource starts when everything it waits for is done. For
 * creation it waits for its prerequisites; for deletion, for everything that depends on it.
 */
function longestPath(
  nodes: readonly Node[],
  waitsFor: (node: Node) => readonly string[],
  seconds: (node: Node) => number,
  /** Extra wait after a prerequisite finished (Lambda interfaces released after the function is deleted). */
  delay: (node: Node, before: string) => number = () => 0,
): DeployEstimate {
  const byKey = new Map(nodes.map((node) => [addressKey(node.address), node]));
  const finish = new Map<string, { at: number; previous?: string; waited: number }>();
  const visiting = new Set<string>();
  const finishOf = (key: string): number => {
    const done = finish.get(key);
    if (done) return done.at;
    if (visiting.has(key)) throw new Error(`dependency cycle at ${key}`);
    visiting.add(key);
    const node = byKey.get(key)!;
    let start = 0;
    let previous: string | undefined;
    let waited = 0;
    for (const before of waitsFor(node)) {
      if (!byKey.has(before)) continue;
      const extra = delay(node, before);
      const at = finishOf(before) + extra;
      if (at > start) {
        start = at;
        previous = before;
        waited = extra;
      }
    }
    visiting.delete(key);
    const at = start + seconds(node);
    finish.set(key, { at, previous, waited });
    return at;
  };
  let last: string | undefined;
  let total = 0;
  for (const key of byKey.keys()) {
    const at = finishOf(key);
    if (at > total) {
      total = at;
      last = key;
    }
  }
  const path: PathStep[] = [];
  for (let key = last; key !== undefined; key = finish.get(key)?.previous) {
    const node = byKey.get(key)!;
    path.unshift({
      address: node.address,
      type: node.resource.Type,
      seconds: seconds(node),
      waited: finish.get(key)!.waited,
      finishesAt: finish.get(key)!.at,
    });
  }
  return { seconds: total, criticalPath: path };
}

/** Typical time to create every resource of the lab, and the chain that sets it. */
export function estimateCreate(templates: readonly LabTemplate[], only?: ReadonlySet<string>): DeployEstimate {
  const order = new DeployOrder(templates);
  const nodes = order.resources.filter((node) => !only || only.has(addressKey(node.address)));
  return longestPath(
    nodes,
    (node) => [...order.directPrerequisites(node.address)],
    (node) => durationOf(node.resource).create,
  );
}

/** `<held resource>|<function>` for each subnet or security group a VPC function's interfaces hold. */
function heldByLambdaInterfaces(order: DeployOrder): Set<string> {
  const held = new Set<string>();
  for (const { address, resource } of order.resources) {
    if (resource.Type !== 'AWS::Lambda::Function' || resource.Properties?.VpcConfig === undefined) continue;
    for (const id of referencedIds(resource.Properties.VpcConfig)) {
      for (const key of order.directPrerequisites(address)) {
        if (key.endsWith(`#${id}`)) held.add(`${key}|${addressKey(address)}`);
      }
    }
  }
  return held;
}

/** Typical time to delete every resource of the lab (dependents first), and the chain that sets it. */
export function estimateDelete(templates: readonly LabTemplate[], only?: ReadonlySet<string>): DeployEstimate {
  const order = new DeployOrder(templates);
  const held = heldByLambdaInterfaces(order);
  const nodes = order.resources.filter((node) => !only || only.has(addressKey(node.address)));
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    for (const before of order.directPrerequisites(node.address)) {
      dependents.set(before, [...(dependents.get(before) ?? []), addressKey(node.address)]);
    }
  }
  return longestPath(
    nodes,
    (node) => dependents.get(addressKey(node.address)) ?? [],
    (node) => durationOf(node.resource).delete,
    (node, before) => (held.has(`${addressKey(node.address)}|${before}`) ? LAMBDA_INTERFACE_RELEASE.delete : 0),
  );
}
