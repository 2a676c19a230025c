/** The `vpc-cni` managed add-on as synthesized: its configuration values and pinned version, read from template JSON. */
import { type LabTemplate, renderCfnValue } from './cfn-template';
import { resourcesOfType } from './nested-stack-parameters';
import type { VpcCniConfiguration } from '../vpc-cni/vpc-cni-configuration';

export interface SynthesizedVpcCniAddon {
  readonly stackPath: string;
  readonly logicalId: string;
  /** The add-on version, when pinned. */
  readonly version?: string;
  /** The parsed `ConfigurationValues` ({} when the add-on has none). */
  readonly configuration: VpcCniConfiguration;
}

/** The `vpc-cni` add-on of the lab, or undefined when the templates have none. */
export function synthesizedVpcCniAddon(templates: readonly LabTemplate[]): SynthesizedVpcCniAddon | undefined {
  const found = resourcesOfType(templates, 'AWS::EKS::Addon').find(
    ({ resource }) => renderCfnValue(resource.Properties?.AddonName) === 'vpc-cni',
  );
  if (!found) return undefined;
  const properties = found.resource.Properties ?? {};
  const configuration =
    properties.ConfigurationValues === undefined
      ? {}
      : (JSON.parse(renderCfnValue(properties.ConfigurationValues)) as VpcCniConfiguration);
  return {
    stackPath: found.stackPath,
    logicalId: found.logicalId,
    version: properties.AddonVersion === undefined ? undefined : renderCfnValue(properties.AddonVersion),
    configuration,
  };
}

/** The `env` settings of a VPC CNI configuration (environment variables of the `aws-node` container). */
export function vpcCniEnv(configuration: VpcCniConfiguration): Readonly<Record<string, string>> {
  const env = configuration.env;
  if (env === undefined || typeof env === 'string') return {};
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The shared add-on version order (lib/vpc-cni/addon-version.ts), under the name the prefix delegation checks use. */
