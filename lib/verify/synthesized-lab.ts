import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type CfnTemplate, type LabTemplate, renderCfnValue } from './cfn-template';
import type { LabConfig } from '../config/lab-config';
import { HELM_CHART_TYPE, KUBERNETES_MANIFEST_TYPE } from '../eks-custom-resource-types';
import { readLabConfig, type ReadLabConfigOptions } from '../config/read-lab-config';
import type { LabPlan } from '../lab-plan';
import { NetworkingLabStack } from '../networking-lab-stack';

/** A Kubernetes object as it will be applied (CloudFormation tokens rendered as `${...}` placeholders). */
export interface KubernetesObjectJson {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Where a Kubernetes object is deployed from. */
export interface DeployedKubernetesObject {
  readonly object: KubernetesObjectJson;
  readonly stackPath: string;
  readonly logicalId: string;
}

/** A Helm release the lab installs, with its values rendered. */
export interface DeployedHelmRelease {
  readonly release: string;
  readonly chart: string;
  readonly version?: string;
  readonly repository?: string;
  readonly namespace?: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly stackPath: string;
  readonly logicalId: string;
}

/** The lab as synthesized for one configuration: what the offline checks and tests read. */
export interface SynthesizedLab {
  readonly config: LabConfig;
  readonly plan: LabPlan;
  readonly stack: NetworkingLabStack;
  /** The root template first, then every nested stack's. */
  readonly templates: readonly LabTemplate[];
  readonly kubernetesObjects: readonly DeployedKubernetesObject[];
  readonly helmReleases: readonly DeployedHelmRelease[];
}

function stackTemplates(stack: NetworkingLabStack): LabTemplate[] {
  const nested = stack.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct));
  return [stack as Stack, ...nested].map((candidate) => ({
    stackPath: candidate.node.path,
    template: Template.fromStack(candidate).toJSON() as CfnTemplate,
  }));
}

function parseJsonProperty(value: unknown): unknown {
  return JSON.parse(renderCfnValue(value));
}

/** Reads every manifest and Helm release out of synthesized templates. */
export function extractDeployedObjects(templates: readonly LabTemplate[]): {
  kubernetesObjects: DeployedKubernetesObject[];
  helmReleases: DeployedHelmRelease[];
} {
  const kubernetesObjects: DeployedKubernetesObject[] = [];
  const helmReleases: DeployedHelmRelease[] = [];
  for (const { stackPath, template } of templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      const properties = resource.Properties ?? {};
      if (resource.Type === KUBERNETES_MANIFEST_TYPE) {
        const manifest = parseJsonProperty(properties.Manifest) as KubernetesObjectJson[];
        for (const object of manifest) kubernetesObjects.push({ object, stackPath, logicalId });
      } else if (resource.Type === HELM_CHART_TYPE) {
        helmReleases.push({
          release: renderCfnValue(properties.Release),
          chart: renderCfnValue(properties.Chart),
          version: properties.Version === undefined ? undefined : renderCfnValue(properties.Version),
          repository: properties.Repository === undefined ? undefined : renderCfnValue(properties.Repository),
          namespace: properties.Namespace === undefined ? undefined : renderCfnValue(properties.Namespace),
          values:
            properties.Values === undefined ? {} : (parseJsonProperty(properties.Values) as Record<string, unknown>),
          stackPath,
          logicalId,
        });
      }
    }
  }
  return { kubernetesObjects, helmReleases };
}

export interface SynthesizeLabOptions extends ReadLabConfigOptions {
  /** CDK context, as `-c key=value` or cdk.json would give it. */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Builds the lab in memory for a context, without the CDK CLI (no credentials, no network). */
export function synthesizeLab(options: SynthesizeLabOptions = {}): SynthesizedLab {
  const context = options.context ?? {};
  // Offline checks read templates only: staging would copy the ~70 MB of Lambda layers into a temporary cloud
  // assembly on every call.
  const app = new App({
    context: { ...context, 'aws:cdk:disable-asset-staging': true },
    analyticsReporting: false,
  });
  const config = readLabConfig(app.node.getAllContext(), options);
  const stack = new NetworkingLabStack(app, 'NetworkingLabStack', { config });
  const templates = stackTemplates(stack);
  return { config, plan: stack.plan, stack, templates, ...extractDeployedObjects(templates) };
}

/** Deployed objects of a kind (and name, and namespace), with the stack and resource that deploy them. */
export function findDeployedObjects(
  lab: SynthesizedLab,
  kind: string,
  name?: string,
  namespace?: string,
): DeployedKubernetesObject[] {
  return lab.kubernetesObjects.filter(
    ({ object }) =>
      object.kind === kind &&
      (name === undefined || object.metadata.name === name) &&
      (namespace === undefined || object.metadata.namespace === namespace),
  );
}

/** Objects of a kind (and name, and namespace), wherever they are deployed from. */
export function findKubernetesObjects(
  lab: SynthesizedLab,
  kind: string,
  name?: string,
  namespace?: string,
): KubernetesObjectJson[] {
  return findDeployedObjects(lab, kind, name, namespace).map((deployed) => deployed.object);
}
