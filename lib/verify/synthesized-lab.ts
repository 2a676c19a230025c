import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type CfnTemplate, type LabTemplate, renderCfnValue } from './cfn-template';
import type { LabConfig } from '../config/lab-config';
import { HELM_CHART_TYPE, KUBERNETES_MANIFEST_TYPE } from '../eks-custom-resource-types';
import type { LabPlan } from '../config/lab-plan-model';

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

/**
 * The lab as synthesized for one configuration: what the offline checks and tests read. The stack type is left to
 * the composition root (lib/lab-app.ts), so checks never depend on how the app is built.
 */
export interface SynthesizedOutput {
  readonly config: LabConfig;
  readonly plan: LabPlan;
  /** The root template first, then every nested stack's. */
  readonly templates: readonly LabTemplate[];
  readonly kubernetesObjects: readonly DeployedKubernetesObject[];
  readonly helmReleases: readonly DeployedHelmRelease[];
}

/** The synthesized output with the root stack it came from (tests reach constructs through it). */
export interface SynthesizedLab<S extends Stack = Stack> extends SynthesizedOutput {
  readonly stack: S;
}

/** The root template first, then every nested stack's. */
export function stackTemplates(stack: Stack): LabTemplate[] {
  const nested = stack.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct));
  return [stack, ...nested].map((candidate) => ({
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

/** Deployed objects of a kind (and name, and namespace), with the stack and resource that deploy them. */
export function findDeployedObjects(
  lab: SynthesizedOutput,
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
  lab: SynthesizedOutput,
  kind: string,
  name?: string,
  namespace?: string,
): KubernetesObjectJson[] {
  return findDeployedObjects(lab, kind, name, namespace).map((deployed) => deployed.object);
}

/** Builds the lab's output for a context (the composition root's synthesizeLab; tests inject a cached one). */
export type SynthesizeOutput = (options: {
  readonly context?: Readonly<Record<string, unknown>>;
  readonly today?: string;
}) => SynthesizedOutput;
