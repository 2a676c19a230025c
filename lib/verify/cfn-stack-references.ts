import { type CfnResourceJson, type CfnTemplate, type LabTemplate, renderCfnValue } from './cfn-template';

/** A resource of one template in the lab: the stack's construct path and the resource's logical id. */
export interface ResourceAddress {
  readonly stackPath: string;
  readonly logicalId: string;
}

/**
 * A CloudFormation value after following references across nested stacks: a literal, a pseudo parameter, a `Ref`
 * or `Fn::GetAtt` of a resource (wherever that resource lives), or something the reader does not evaluate
 * (`Fn::Join`, conditions, ...), kept as its rendered text.
 */
export type ResolvedCfnValue =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'pseudo'; readonly name: string }
  | { readonly kind: 'ref'; readonly resource: ResourceAddress }
  | { readonly kind: 'attribute'; readonly resource: ResourceAddress; readonly attribute: string }
  | { readonly kind: 'unresolved'; readonly text: string };

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Fn::GetAtt` takes `[logicalId, attribute]` or `"logicalId.attribute"`. */
function getAttParts(args: unknown): [string, string] | undefined {
  if (Array.isArray(args) && args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string') {
    return [args[0], args[1]];
  }
  if (typeof args === 'string' && args.includes('.')) {
    const dot = args.indexOf('.');
    return [args.slice(0, dot), args.slice(dot + 1)];
  }
  return undefined;
}

/** CDK names a nested stack's resource `<id>NestedStack<id>NestedStackResource<hash>` from the construct id. */
function cdkNestedStackResourcePrefix(constructId: string): string {
  const id = constructId.replace(/[^A-Za-z0-9]/g, '');
  return `${id}NestedStack${id}NestedStackResource`;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key));
}

/**
 * The lab's templates as one graph: a nested stack's parameters lead to the values its parent passes, and a
 * parent's `Fn::GetAtt <nested>.Outputs.<name>` leads into the nested template. Reads template JSON only.
 */
export class CfnStackGraph {
  private readonly byPath = new Map<string, CfnTemplate>();
  /** Nested stack path -> the parent's AWS::CloudFormation::Stack resource. */
  private readonly parents = new Map<string, ResourceAddress>();
  /** `<parent path>#<logical id>` of a nested stack resource -> nested stack path. */
  private readonly children = new Map<string, string>();

  constructor(readonly templates: readonly LabTemplate[]) {
    for (const { stackPath, template } of templates) this.byPath.set(stackPath, template);
    for (const { stackPath } of templates) {
      const parent = this.findParentResource(stackPath);
      if (parent) {
        this.parents.set(stackPath, parent);
        this.children.set(`${parent.stackPath}#${parent.logicalId}`, stackPath);
      }
    }
  }

  stackPaths(): string[] {
    return [...this.byPath.keys()];
  }

  template(stackPath: string): CfnTemplate {
    const template = this.byPath.get(stackPath);
    if (!template) throw new Error(`No template for stack ${stackPath}`);
    return template;
  }

  resource(address: ResourceAddress): CfnResourceJson | undefined {
    return this.byPath.get(address.stackPath)?.Resources[address.logicalId];
  }

  /** Every resource of a type, in every template. */
  resourcesOfType(type: string): { readonly address: ResourceAddress; readonly resource: CfnResourceJson }[] {
    const found: { address: ResourceAddress; resource: CfnResourceJson }[] = [];
    for (const [stackPath, template] of this.byPath) {
      for (const [logicalId, resource] of Object.entries(template.Resources)) {
        if (resource.Type === type) found.push({ address: { stackPath, logicalId }, resource });
      }
    }
    return found;
  }

  /** The AWS::CloudFormation::Stack resource that creates a nested stack (undefined for the root). */
  nestedStackResource(stackPath: string): ResourceAddress | undefined {
    return this.parents.get(stackPath);
  }

  /** Follows a value to where it comes from. */
  resolve(stackPath: string, value: unknown): ResolvedCfnValue {
    if (typeof value === 'string') return { kind: 'literal', value };
    if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value: String(value) };
    if (isRecord(value)) {
      const entries = Object.entries(value);
      if (entries.length === 1) {
        const [fn, args] = entries[0];
        if (fn === 'Ref' && typeof args === 'string') return this.resolveRef(stackPath, args);
        if (fn === 'Fn::GetAtt') {
          const parts = getAttParts(args);
          if (parts) return this.resolveGetAtt(stackPath, parts[0], parts[1]);
        }
      }
    }
    return { kind: 'unresolved', text: renderCfnValue(value) };
  }

  /**
   * Resolves a placeholder as `renderCfnValue` writes it into manifests (`${Ref:X}`, `${GetAtt:X.Attr}`), in the
   * stack the manifest is deployed from; other text is a literal.
   */
  resolvePlaceholder(stackPath: string, text: string): ResolvedCfnValue {
    const match = /^\$\{(Ref|GetAtt):([^}]+)\}$/.exec(text);
    if (!match) return text.includes('${') ? { kind: 'unresolved', text } : { kind: 'literal', value: text };
    if (match[1] === 'Ref') return this.resolveRef(stackPath, match[2]);
    const parts = getAttParts(match[2]);
    return parts ? this.resolveGetAtt(stackPath, parts[0], parts[1]) : { kind: 'unresolved', text };
  }

  private resolveRef(stackPath: string, name: string): ResolvedCfnValue {
    if (name.startsWith('AWS::')) return { kind: 'pseudo', name };
    const template = this.template(stackPath);
    if (template.Resources[name]) return { kind: 'ref', resource: { stackPath, logicalId: name } };
    if (template.Parameters && name in template.Parameters) {
      const parent = this.parents.get(stackPath);
      const passed = parent ? this.resource(parent)?.Properties?.Parameters : undefined;
      if (parent && isRecord(passed) && name in passed) return this.resolve(parent.stackPath, passed[name]);
    }
    return { kind: 'unresolved', text: `\${Ref:${name}}` };
  }

  private resolveGetAtt(stackPath: string, logicalId: string, attribute: string): ResolvedCfnValue {
    const resource = this.template(stackPath).Resources[logicalId];
    if (resource?.Type === NESTED_STACK_TYPE && attribute.startsWith('Outputs.')) {
      const child = this.children.get(`${stackPath}#${logicalId}`);
      const output = child ? this.template(child).Outputs?.[attribute.slice('Outputs.'.length)] : undefined;
      if (child && isRecord(output) && 'Value' in output) return this.resolve(child, output.Value);
      return { kind: 'unresolved', text: `\${GetAtt:${logicalId}.${attribute}}` };
    }
    if (!resource) return { kind: 'unresolved', text: `\${GetAtt:${logicalId}.${attribute}}` };
    return { kind: 'attribute', resource: { stackPath, logicalId }, attribute };
  }

  /**
   * The parent's stack resource for a nested template: the closest enclosing stack path is the parent; among its
   * AWS::CloudFormation::Stack resources, the one CDK named after the construct id, else the only one whose
   * parameters are exactly the nested template's.
   */
  private findParentResource(stackPath: string): ResourceAddress | undefined {
    const parentPath = [...this.byPath.keys()]
      .filter((candidate) => candidate !== stackPath && stackPath.startsWith(`${candidate}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (parentPath === undefined) return undefined;
    const parent = this.template(parentPath);
    const stacks = Object.entries(parent.Resources).filter(([, resource]) => resource.Type === NESTED_STACK_TYPE);
    const constructId =
      stackPath
        .slice(parentPath.length + 1)
        .split('/')
        .pop() ?? '';
    const byName = stacks.filter(([logicalId]) => logicalId.startsWith(cdkNestedStackResourcePrefix(constructId)));
    if (byName.length === 1) return { stackPath: parentPath, logicalId: byName[0][0] };
    const parameterNames = Object.keys(this.template(stackPath).Parameters ?? {});
    const byParameters = stacks.filter(([, resource]) => {
      const passed = resource.Properties?.Parameters;
      return sameKeys(Object.keys(isRecord(passed) ? passed : {}), parameterNames);
    });
    return byParameters.length === 1 ? { stackPath: parentPath, logicalId: byParameters[0][0] } : undefined;
  }
}

/** A stable text for a resolved value, equal for two references to the same thing. */
export function resolvedValueKey(value: ResolvedCfnValue): string {
  switch (value.kind) {
    case 'literal':
      return `literal:${value.value}`;
    case 'pseudo':
      return `pseudo:${value.name}`;
    case 'ref':
      return `ref:${value.resource.stackPath}#${value.resource.logicalId}`;
    case 'attribute':
      return `attribute:${value.resource.stackPath}#${value.resource.logicalId}.${value.attribute}`;
    case 'unresolved':
      return `unresolved:${value.text}`;
  }
}
