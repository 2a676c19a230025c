import { replacementRules } from './resource-specification';
import type { ResourceAddress } from '../verify/cfn-stack-references';
import { type CfnResourceJson, dependsOn, type LabTemplate } from '../verify/cfn-template';

/** What CloudFormation does to one resource between two synthesized versions of the lab. */
export type ChangeAction = 'add' | 'update' | 'replace' | 'delete';

export interface ResourceChange {
  readonly address: ResourceAddress;
  readonly type: string;
  readonly action: ChangeAction;
  /** Properties that changed (for `update` and `replace`). */
  readonly properties: readonly string[];
  /** The changed properties that force the replacement (for `replace`). */
  readonly replacedBy: readonly string[];
  readonly before?: CfnResourceJson;
  readonly after?: CfnResourceJson;
}

/** Asset hashes change with any dependency update and mean nothing for the plan; the rest is compared as written. */
function comparable(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[0-9a-f]{64}(\.zip|\.json)?/g, '<asset-hash>');
}

/** Compares two resources as CloudFormation would: changed properties, and whether one forces a replacement. */
export function compareResources(
  before: CfnResourceJson,
  after: CfnResourceJson,
): {
  readonly properties: string[];
  readonly replacedBy: string[];
} {
  const names = new Set([...Object.keys(before.Properties ?? {}), ...Object.keys(after.Properties ?? {})]);
  const properties = [...names].filter(
    (name) => comparable(before.Properties?.[name]) !== comparable(after.Properties?.[name]),
  );
  const rules = replacementRules().get(after.Type);
  const replacedBy = properties.filter((name) => rules?.always.has(name));
  if (comparable(dependsOn(before).sort()) !== comparable(dependsOn(after).sort())) properties.push('DependsOn');
  return { properties, replacedBy };
}

/**
 * Every resource CloudFormation adds, updates, replaces or deletes when the lab moves from `before` to `after`
 * (templates of the root and nested stacks, matched by stack path and logical id).
 */
export function diffTemplates(before: readonly LabTemplate[], after: readonly LabTemplate[]): ResourceChange[] {
  const changes: ResourceChange[] = [];
  const afterByPath = new Map(after.map((entry) => [entry.stackPath, entry.template]));
  const beforeByPath = new Map(before.map((entry) => [entry.stackPath, entry.template]));
  for (const { stackPath, template } of after) {
    const previous = beforeByPath.get(stackPath);
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      const address = { stackPath, logicalId };
      const old = previous?.Resources[logicalId];
      if (!old || old.Type !== resource.Type) {
        if (old)
          changes.push({ address, type: old.Type, action: 'delete', properties: [], replacedBy: [], before: old });
        changes.push({ address, type: resource.Type, action: 'add', properties: [], replacedBy: [], after: resource });
        continue;
      }
      const { properties, replacedBy } = compareResources(old, resource);
      if (properties.length === 0) continue;
      changes.push({
        address,
        type: resource.Type,
        action: replacedBy.length > 0 ? 'replace' : 'update',
        properties,
        replacedBy,
        before: old,
        after: resource,
      });
    }
  }
  for (const { stackPath, template } of before) {
    const next = afterByPath.get(stackPath);
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (next?.Resources[logicalId]) continue;
      changes.push({
        address: { stackPath, logicalId },
        type: resource.Type,
        action: 'delete',
        properties: [],
        replacedBy: [],
        before: resource,
      });
    }
  }
  return changes;
}
