import type { ResourceAddress } from './cfn-stack-references';
import { type CfnResourceJson, type LabTemplate, dependsOn } from './cfn-template';

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/** `<stack path>#<logical id>`. */
export function addressKey(address: ResourceAddress): string {
  return `${address.stackPath}#${address.logicalId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Logical ids a value refers to (`Ref`, `Fn::GetAtt`, `${X}` and `${X.Attr}` of `Fn::Sub`). */
export function referencedIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into);
  } else if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1) {
      const [fn, args] = entries[0];
      if (fn === 'Ref' && typeof args === 'string') {
        into.add(args);
        return into;
      }
      if (fn === 'Fn::GetAtt') {
        const id = Array.isArray(args) ? args[0] : typeof args === 'string' ? args.split('.')[0] : undefined;
        if (typeof id === 'string') into.add(id);
        return into;
      }
      if (fn === 'Fn::Sub') {
        const [text, variables] = Array.isArray(args) ? [args[0], args[1]] : [args, undefined];
        if (typeof text === 'string') {
          const local = isRecord(variables) ? Object.keys(variables) : [];
          for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(\.[^}]*)?\}/g)) {
            if (!local.includes(match[1])) into.add(match[1]);
          }
        }
        if (isRecord(variables)) referencedIds(variables, into);
        return into;
      }
    }
    for (const child of Object.values(value)) referencedIds(child, into);
  }
  return into;
}

/** What a resource waits for in its own template: `DependsOn` and every resource its properties reference. */
function directPrerequisites(resource: CfnResourceJson, resources: Readonly<Record<string, unknown>>): string[] {
  const ids = new Set(dependsOn(resource));
  for (const id of referencedIds(resource.Properties ?? {})) if (id in resources) ids.add(id);
  return [...ids];
}

/**
 * The order in which CloudFormation creates the lab's resources (and, reversed, deletes them), across nested
 * stacks: a resource waits for its `DependsOn` and for every resource its properties reference; a nested stack's
 * resources start only after what its stack resource waits for in the parent; a parent resource that waits for a
 * nested stack waits for every resource in it. Reads template JSON only.
 */
export class DeployOrder {
  private readonly prerequisites = new Map<string, Set<string>>();
  private readonly closure = new Map<string, Set<string>>();
  readonly resources: readonly { readonly address: ResourceAddress; readonly resource: CfnResourceJson }[];

  constructor(templates: readonly LabTemplate[]) {
    const byPath = new Map(templates.map((entry) => [entry.stackPath, entry.template]));
    const all: { address: ResourceAddress; resource: CfnResourceJson }[] = [];
    for (const { stackPath, template } of templates) {
      for (const [logicalId, resource] of Object.entries(template.Resources)) {
        all.push({ address: { stackPath, logicalId }, resource });
        const key = addressKey({ stackPath, logicalId });
        const direct = directPrerequisites(resource, template.Resources);
        this.prerequisites.set(key, new Set(direct.map((id) => addressKey({ stackPath, logicalId: id }))));
      }
    }
    this.resources = all;
    // Nested stacks: construct paths `<parent>/<id>` with a parent resource of type AWS::CloudFormation::Stack.
    for (const { stackPath } of templates) {
      const parent = this.parentResource(stackPath, byPath);
      if (!parent) continue;
      const parentKey = addressKey(parent);
      const inner = all
        .filter((entry) => entry.address.stackPath === stackPath)
        .map((entry) => addressKey(entry.address));
      const parentPrerequisites = [...(this.prerequisites.get(parentKey) ?? [])];
      for (const key of inner) for (const before of parentPrerequisites) this.prerequisites.get(key)!.add(before);
      // Whatever waits for the nested stack resource waits for everything inside it.
      for (const before of this.prerequisites.values()) if (before.has(parentKey)) for (const i of inner) before.add(i);
    }
  }

  private parentResource(stackPath: string, byPath: ReadonlyMap<string, unknown>): ResourceAddress | undefined {
    const slash = stackPath.lastIndexOf('/');
    if (slash < 0) return undefined;
    const parentPath = stackPath.slice(0, slash);
    const id = stackPath.slice(slash + 1).replace(/[^A-Za-z0-9]/g, '');
    if (!byPath.has(parentPath)) return this.parentResource(parentPath, byPath);
    const prefix = `${id}NestedStack${id}NestedStackResource`;
    const match = this.resources.find(
      (entry) =>
        entry.address.stackPath === parentPath &&
        entry.resource.Type === NESTED_STACK_TYPE &&
        entry.address.logicalId.startsWith(prefix),
    );
    return match?.address;
  }

  /** Everything created before `address` (transitively). */
  before(address: ResourceAddress): ReadonlySet<string> {
    const key = addressKey(address);
    const cached = this.closure.get(key);
    if (cached) return cached;
    const seen = new Set<string>();
    const stack = [...(this.prerequisites.get(key) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      for (const further of this.prerequisites.get(next) ?? []) if (!seen.has(further)) stack.push(further);
    }
    this.closure.set(key, seen);
    return seen;
  }

  /** Whether `later` is created only after `earlier` exists (and so is deleted before it). */
  createdAfter(later: ResourceAddress, earlier: ResourceAddress): boolean {
    return this.before(later).has(addressKey(earlier));
  }

  /** The direct prerequisites of a resource (as keys), nested-stack inheritance included. */
  directPrerequisites(address: ResourceAddress): ReadonlySet<string> {
    return this.prerequisites.get(addressKey(address)) ?? new Set();
  }
}
