/**
 * Cross-stack values in synthesized templates. A nested stack sees a value of its parent as `{ Ref: <parameter> }`;
 * the parent passes the real value in the `Parameters` of its `AWS::CloudFormation::Stack` resource. Substituting
 * those lets offline checks compare IDs across stacks (a node group in a nested stack and the subnet it uses in the
 * root stack both render as `${Ref:<root subnet>}`).
 */
import type { CfnResourceJson, CfnTemplate, LabTemplate } from './cfn-template';

export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * What the parents pass to each nested stack parameter, by parameter name. CDK names these parameters after the
 * referenced construct path (`referencetoNetworkingLabStack...Ref`), so a name means the same value wherever it is used.
 */
export function nestedStackParameterValues(templates: readonly LabTemplate[]): ReadonlyMap<string, unknown> {
  const values = new Map<string, unknown>();
  for (const { template } of templates) {
    for (const resource of Object.values(template.Resources)) {
      if (resource.Type !== NESTED_STACK_TYPE) continue;
      const parameters = (resource.Properties?.Parameters ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(parameters)) values.set(name, value);
    }
  }
  return values;
}

/** `value` with every `{ Ref: <nested stack parameter> }` replaced by what the parent passes (recursively). */
export function resolveNestedParameters(value: unknown, parameters: ReadonlyMap<string, unknown>, depth = 0): unknown {
  if (depth > 10) return value; // nested stacks are never this deep; stops a malformed template from looping
  if (Array.isArray(value)) return value.map((item) => resolveNestedParameters(item, parameters, depth));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (
      entries.length === 1 &&
      entries[0][0] === 'Ref' &&
      typeof entries[0][1] === 'string' &&
      parameters.has(entries[0][1])
    ) {
      return resolveNestedParameters(parameters.get(entries[0][1]), parameters, depth + 1);
    }
    return Object.fromEntries(entries.map(([key, child]) => [key, resolveNestedParameters(child, parameters, depth)]));
  }
  return value;
}

/** The templates with nested stack parameter references replaced by the parents' values. */
export function resolveTemplates(templates: readonly LabTemplate[]): LabTemplate[] {
  const parameters = nestedStackParameterValues(templates);
  return templates.map(({ stackPath, template }) => ({
    stackPath,
    template: {
      ...template,
      Resources: Object.fromEntries(
        Object.entries(template.Resources).map(([logicalId, resource]) => [
          logicalId,
          resolveNestedParameters(resource, parameters) as CfnResourceJson,
        ]),
      ),
    } as CfnTemplate,
  }));
}

/** Every resource of a type, with the template it is in. */
export function resourcesOfType(
  templates: readonly LabTemplate[],
  type: string,
): { readonly stackPath: string; readonly logicalId: string; readonly resource: CfnResourceJson }[] {
  return templates.flatMap(({ stackPath, template }) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === type)
      .map(([logicalId, resource]) => ({ stackPath, logicalId, resource })),
  );
}
