import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { ResourceAddress } from '../../lib/verify/cfn-stack-references';
import { resolveTemplates } from '../../lib/verify/nested-stack-parameters';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { rootStackPath } from './lab-fixtures';

/** aws-cdk-lib's AwsCustomResource provider: a singleton in every stack that uses it, same logical id in each. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * A module's nested templates as one, with cross-stack parameters and outputs replaced by the logical ids they stand
 * for, so assertions read the same whichever of the module's stacks a resource is in. Throws if two stacks share a
 * logical id (other than the AwsCustomResource provider), which would hide a resource.
 */
export function moduleTemplate(lab: SynthesizedOutput, nestedStackIds: readonly string[]): Template {
  const paths = nestedStackIds.map((id) => `${rootStackPath(lab)}/${id}`);
  const resolved = resolveTemplates(lab.templates).filter((entry) => paths.includes(entry.stackPath));
  if (resolved.length !== paths.length) {
    throw new Error(`Nested stacks ${paths.join(', ')}: found ${resolved.map((entry) => entry.stackPath).join(', ')}`);
  }
  const resources: Record<string, unknown> = {};
  const parameters: Record<string, unknown> = {};
  for (const { stackPath, template } of resolved) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (logicalId in resources && !logicalId.startsWith(AWS_CUSTOM_RESOURCE_PROVIDER_ID)) {
        throw new Error(`${logicalId} of ${stackPath} is also in another of the module's stacks`);
      }
      resources[logicalId] = resource;
    }
    Object.assign(parameters, template.Parameters ?? {});
  }
  return Template.fromJSON({ Resources: resources, Parameters: parameters });
}

/** Where the CloudFormation resource of a construct (its default child, or its first CfnResource) is. */
export function addressOf(construct: IConstruct): ResourceAddress {
  const resource = CfnResource.isCfnResource(construct)
    ? construct
    : CfnResource.isCfnResource(construct.node.defaultChild)
      ? construct.node.defaultChild
      : construct.node.findAll().find((child): child is CfnResource => CfnResource.isCfnResource(child));
  if (!resource) throw new Error(`${construct.node.path} synthesizes no CloudFormation resource`);
  const stack = Stack.of(resource);
  return { stackPath: stack.node.path, logicalId: stack.resolve(resource.logicalId) as string };
}

/** The logical id of a construct's resource, in the stack it is in. */
export function logicalIdOf(construct: IConstruct): string {
  return addressOf(construct).logicalId;
}
