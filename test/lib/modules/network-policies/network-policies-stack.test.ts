import type { CfnResource } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { dependsOn, renderCfnValue } from '../../../../lib/verify/cfn-template';
import { KUBERNETES_MANIFEST_TYPE } from '../../../../lib/eks-custom-resource-types';
import { findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import type { LabSynthesis } from '../../../../lib/lab-app';
import { synthesizedVpcCniAddon } from '../../../../lib/verify/vpc-cni-addon';
import {
  Match,
  nestedStackResourceId,
  nestedTemplate,
  rootTemplate,
  synthesizeForTest,
} from '../../../support/lab-fixtures';

const NESTED_ID = 'NetworkPolicies';

let complete: LabSynthesis;
let broken: LabSynthesis;
let defaultDeny: LabSynthesis;
let base: LabSynthesis;

beforeAll(() => {
  complete = synthesizeForTest({ modules: 'network-policies' });
  broken = synthesizeForTest({ modules: 'network-policies', 'networkPolicies.stage': 'orders-debug-broken' });
  defaultDeny = synthesizeForTest({ modules: 'network-policies', 'networkPolicies.stage': 'default-deny' });
  base = synthesizeForTest();
});

function logicalIdIn(lab: LabSynthesis, element: CfnResource): string {
  return lab.stack.resolve(element.logicalId) as string;
}

/** Manifest resources of the nested stack: logical id -> the `<namespace>/<name>` of each object it applies. */
function policyManifests(template: Template): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(template.findResources(KUBERNETES_MANIFEST_TYPE)).map(([id, resource]) => [
      id,
      (
        JSON.parse(renderCfnValue(resource.Properties.Manifest)) as {
          kind: string;
          metadata: { name: string; namespace: string };
        }[]
      ).map((object) => `${object.kind} ${object.metadata.namespace}/${object.metadata.name}`),
    ]),
  );
}

describe('vpc-cni add-on', () => {
  test('carries enableNetworkPolicy and nodeAgent.enablePolicyEventLogs as strings', () => {
    rootTemplate(complete).hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ConfigurationValues: Match.serializedJson(
        Match.objectLike({
          enableNetworkPolicy: 'true',
          nodeAgent: Match.objectLike({ enablePolicyEventLogs: 'true' }),
        }),
      ),
    });
  });

  test('keeps both settings when the module is off: the agent must outlive the policies whose finalizers it removes', () => {
    const configuration = synthesizedVpcCniAddon(base.templates)!.configuration;
    expect(configuration.enableNetworkPolicy).toBe('true');
    expect(configuration.nodeAgent).toEqual({ enablePolicyEventLogs: 'true' });
  });
});

describe('ordering', () => {
  test('the nested stack NetworkPolicies is created after the vpc-cni add-on and the retail app namespaces', () => {
    const resource = rootTemplate(complete).toJSON().Resources[nestedStackResourceId(complete, NESTED_ID)];
    expect(resource.Type).toBe('AWS::CloudFormation::Stack');
    expect(dependsOn(resource)).toEqual(
      expect.arrayContaining([
        logicalIdIn(complete, complete.stack.vpcCniAddon.node.defaultChild as CfnResource),
        logicalIdIn(complete, complete.stack.retailNamespaces.node.defaultChild as CfnResource),
      ]),
    );
  });

  test('every policy manifest lives in the nested stack (so the edge above covers it)', () => {
    const inNested = complete.kubernetesObjects.filter(({ object }) => object.kind === 'NetworkPolicy');
    expect(inNested.length).toBe(5);
    for (const deployed of inNested) expect(deployed.stackPath).toBe(`NetworkingLabStack/${NESTED_ID}`);
  });
});

describe('one manifest resource per policy', () => {
  test('applies each NetworkPolicy of the stage from its own manifest resource', () => {
    const manifests = policyManifests(nestedTemplate(complete, NESTED_ID));
    expect(Object.values(manifests).sort()).toEqual(
      [
        ['NetworkPolicy catalog/allow-catalog-ingress-db'],
        ['NetworkPolicy catalog/allow-catalog-ingress-webservice'],
        ['NetworkPolicy orders/allow-orders-ingress-webservice'],
        ['NetworkPolicy ui/allow-ui-egress'],
        ['NetworkPolicy ui/default-deny'],
      ].sort(),
    );
  });

  test('keeps the logical id of a policy across variants, so a stage change updates it in place', () => {
    const idOf = (lab: LabSynthesis) =>
      Object.entries(policyManifests(nestedTemplate(lab, NESTED_ID))).find(([, objects]) =>
        objects.includes('NetworkPolicy orders/allow-orders-ingress-webservice'),
      )?.[0];
    expect(idOf(complete)).toBeDefined();
    expect(idOf(broken)).toBe(idOf(complete));
  });

  test('going back to default-deny removes the other policies\u2019 resources (CloudFormation deletes them)', () => {
    const manifests = policyManifests(nestedTemplate(defaultDeny, NESTED_ID));
    expect(Object.values(manifests)).toEqual([['NetworkPolicy ui/default-deny']]);
    const completeIds = Object.keys(policyManifests(nestedTemplate(complete, NESTED_ID)));
    expect(completeIds).toContain(Object.keys(manifests)[0]);
  });

  test('applies with overwrite, so a retried deployment does not fail on a policy left by a failed attempt', () => {
    nestedTemplate(complete, NESTED_ID).allResourcesProperties(KUBERNETES_MANIFEST_TYPE, { Overwrite: true });
  });
});

describe('module off', () => {
  test('deploys no NetworkPolicy object at all and no NetworkPolicies nested stack', () => {
    expect(findKubernetesObjects(base, 'NetworkPolicy')).toEqual([]);
    expect(base.stack.node.tryFindChild(NESTED_ID)).toBeUndefined();
  });

  test('deploys them when the module is on (the assertion above can fail)', () => {
    expect(findKubernetesObjects(complete, 'NetworkPolicy')).toHaveLength(5);
  });
});
