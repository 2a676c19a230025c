/** A synthesized CloudFormation template, as plain JSON. */
export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, CfnResourceJson>>;
  readonly Outputs?: Readonly<Record<string, unknown>>;
  readonly Parameters?: Readonly<Record<string, unknown>>;
}

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly DependsOn?: string | readonly string[];
}

/** A template with where it came from: `NetworkingLabStack` or the nested stack's construct path. */
export interface LabTemplate {
  readonly stackPath: string;
  readonly template: CfnTemplate;
}

/**
 * Renders a CloudFormation value to a string, replacing intrinsics with readable placeholders
 * (`${Ref:Subnet1}`, `${GetAtt:Db.Endpoint.Address}`, `${Select:0:GetAZs}`): enough to read manifests and
 * compare values offline, where the real values only exist at deploy time.
 */
export function renderCfnValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(renderCfnValue).join(',');
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [fn, args] = entries[0];
      if (fn === 'Ref') return `\${Ref:${String(args)}}`;
      if (fn === 'Fn::GetAtt') return `\${GetAtt:${(args as unknown[]).map(String).join('.')}}`;
      if (fn === 'Fn::Join') {
        const [separator, parts] = args as [string, unknown[]];
        return parts.map(renderCfnValue).join(separator);
      }
      if (fn === 'Fn::Select') {
        const [index, list] = args as [unknown, unknown];
        return `\${Select:${renderCfnValue(index)}:${renderCfnValue(list)}}`;
      }
      if (fn === 'Fn::GetAZs') return 'GetAZs';
      if (fn === 'Fn::Base64') return renderCfnValue(args);
      if (fn === 'Fn::Sub') return renderCfnValue(Array.isArray(args) ? args[0] : args);
      if (fn === 'Fn::ImportValue') return `\${Import:${renderCfnValue(args)}}`;
    }
  }
  return JSON.stringify(value);
}

/** The logical ids a resource depends on. */
export function dependsOn(resource: CfnResourceJson): string[] {
  if (resource.DependsOn === undefined) return [];
  return typeof resource.DependsOn === 'string' ? [resource.DependsOn] : [...resource.DependsOn];
}
