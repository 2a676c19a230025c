/**
 * Cross-stack values in synthesized templates. A nested stack sees a value of its parent as `{ Ref: <parameter> }`;
 * the parent passes the real value in the `Parameters` of its `AWS::CloudFormation::Stack` resource. Substituting
 * those lets offline checks compare IDs across stacks (a node group in a nested stack and the subnet it uses in the
 * root stack both render as `${Ref:<root subnet>}`).
 */
import { CfnStackGraph } from './cfn-stack-references';
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

/**
 * What each nested stack exports, by `<nested stack resource logical id>.Outputs.<name>`: a value one nested stack
 * passes to a sibling reaches the sibling as `Fn::GetAtt` of the producer's stack resource.
 */
export function nestedStackOutputValues(templates: readonly LabTemplate[]): ReadonlyMap<string, unknown> {
  const graph = new CfnStackGraph(templates);
  const values = new Map<string, unknown>();
  for (const { stackPath, template } of templates) {
    const resource = graph.nestedStackResource(stackPath);
    if (!resource) continue;
    for (const [name, output] of Object.entries(template.Outputs ?? {})) {
      values.set(`${resource.logicalId}.Outputs.${name}`, (output as { Value?: unknown }).Value);
    }
  }
  return values;
}

function nestedOutputKey(args: unknown): string | undefined {
  if (Array.isArray(args) && args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string') {
    return args[1].startsWith('Outputs.') ? `${args[0]}.${args[1]}` : undefined;
  }
  return undefined;
}

/**
 * `value` with every `{ Ref: <nested stack parameter> }` replaced by what the parent passes, and every
 * `Fn::GetAtt <nested stack>.Outputs.<name>` by the value the nested stack exports (recursively).
 */
export function resolveNestedParameters(
  value: unknown,
  parameters: ReadonlyMap<string, unknown>,
  depth = 0,
  outputs: ReadonlyMap<string, unknown> = new Map(),
): unknown {
  if (depth > 10) return value; // nested stacks are never this deep; stops a malformed template from looping
  if (Array.isArray(value)) return value.map((item) => resolveNestedParameters(item, parameters, depth, outputs));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [fn, args] = entries[0];
      if (fn === 'Ref' && typeof args === 'string' && parameters.has(args)) {
        return resolveNestedParameters(parameters.get(args), parameters, depth + 1, outputs);
      }
      const outputKey = fn === 'Fn::GetAtt' ? nestedOutputKey(args) : undefined;
      if (outputKey !== undefined && outputs.has(outputKey)) {
        return resolveNestedParameters(outputs.get(outputKey), parameters, depth + 1, outputs);
      }
    }
    return Object.fromEntries(
      entries.map(([key, child]) => [key, resolveNestedParameters(child, parameters, depth, outputs)]),
    );
  }
  return value;
}

/** The templates with nested stack parameter and output references replaced by the values they stand for. */
export function resolveTemplates(templates: readonly LabTemplate[]): LabTemplate[] {
  const parameters = nestedStackParameterValues(templates);
  const outputs = nestedStackOutputValues(templates);
  return templates.map(({ stackPath, template }) => ({
    stackPath,
    template: {
      ...template,
      Resources: Object.fromEntries(
        Object.entries(template.Resources).map(([logicalId, resource]) => [
          logicalId,
          resolveNestedParameters(resource, parameters, 0, outputs) as CfnResourceJson,
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
