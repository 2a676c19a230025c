import { LabConfigError } from '../config/lab-config-error';

/**
 * The `vpc-cni` managed add-on's configuration values (the JSON schema EKS publishes through
 * `aws eks describe-addon-configuration --addon-name vpc-cni`): nested objects whose leaves are strings, for
 * example `{ env: { ENABLE_PREFIX_DELEGATION: 'true' }, enableNetworkPolicy: 'true' }`.
 */
export interface VpcCniConfiguration {
  readonly [key: string]: string | VpcCniConfiguration;
}

export interface VpcCniContribution {
  /** Who asked for the values (a module key or `base`), named in conflict errors. */
  readonly source: string;
  readonly configuration: VpcCniConfiguration;
}

/** Two modules need different values for one VPC CNI setting: a bad `modules` combination, reported at synth. */
export class VpcCniConflictError extends LabConfigError {
  constructor(path: string, first: { source: string; value: string }, second: { source: string; value: string }) {
    super(
      'modules',
      `${first.source} and ${second.source}`,
      'modules whose VPC CNI settings agree',
      `VPC CNI setting '${path}' is set to "${first.value}" by ${first.source} and to "${second.value}" by ` +
        `${second.source}; change the context key that sets one of them, or disable one module in 'modules'.`,
    );
    this.name = 'VpcCniConflictError';
  }
}

/**
 * Merges contributions leaf by leaf. Two sources may set the same leaf only to the same value; a leaf and an
 * object at the same path are a conflict too.
 */
export function mergeVpcCniContributions(contributions: readonly VpcCniContribution[]): VpcCniConfiguration {
  const origins = new Map<string, { source: string; value: string }>();
  const merged: Record<string, unknown> = {};

  const visit = (
    target: Record<string, unknown>,
    configuration: VpcCniConfiguration,
    prefix: string,
    source: string,
  ) => {
    for (const [key, value] of Object.entries(configuration)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const existing = target[key];
      if (typeof value === 'string') {
        if (existing !== undefined) {
          const origin = origins.get(path) ?? { source: 'another setting', value: '(an object)' };
          if (typeof existing !== 'string' || existing !== value) {
            throw new VpcCniConflictError(path, origin, { source, value });
          }
          continue;
        }
        target[key] = value;
        origins.set(path, { source, value });
      } else {
        if (typeof existing === 'string') {
          throw new VpcCniConflictError(path, origins.get(path)!, { source, value: '(an object)' });
        }
        const child = (existing as Record<string, unknown> | undefined) ?? {};
        target[key] = child;
        visit(child, value, path, source);
      }
    }
  };

  for (const contribution of contributions) visit(merged, contribution.configuration, '', contribution.source);
  return merged as VpcCniConfiguration;
}

/** The value at a dotted path (`env.ENABLE_PREFIX_DELEGATION`), or undefined. */
export function vpcCniSetting(configuration: VpcCniConfiguration, path: string): string | undefined {
  let node: string | VpcCniConfiguration | undefined = configuration;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
