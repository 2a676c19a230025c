import { SERVICE_TIMEOUT_PROPERTY } from '../../constructs/custom-resource-timeouts';
import { labConfigurations } from '../../lib/lab-configurations';
import type { CfnResourceJson } from '../../lib/verify/cfn-template';
import { THIRD_PARTY_PARTS } from '../../lib/third-party/third-party-parts';
import { DeployOrder } from '../../lib/verify/deploy-order';
import { deployedParts } from '../../lib/verify/part-obligations';
import { findDeployedObjects } from '../../lib/verify/synthesized-lab';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

const configurations = labConfigurations();
const labs = new Map<string, SynthesizedOutput>();
const labOf = (name: string) => {
  if (!labs.has(name)) labs.set(name, synthesizedOutputForTest(configurations.find((c) => c.name === name)!.context));
  return labs.get(name)!;
};
const resources = (lab: SynthesizedOutput) =>
  lab.templates.flatMap(({ stackPath, template }) =>
    Object.entries(template.Resources).map(([logicalId, resource]) => ({ stackPath, logicalId, resource })),
  );
const retained = (resource: CfnResourceJson & { DeletionPolicy?: string; UpdateReplacePolicy?: string }) =>
  resource.DeletionPolicy === 'Retain' || resource.DeletionPolicy === 'RetainExceptOnCreate';

describe.each(configurations.map((configuration) => configuration.name))('configuration %s', (name) => {
  test('retains no resource on delete', () => {
    const kept = resources(labOf(name)).filter(({ resource }) => retained(resource as never));
    expect(kept.map(({ logicalId, resource }) => `${logicalId} (${resource.Type})`)).toEqual([]);
  });

  test('every function logs into a log group of its own stack, deleted with it', () => {
    for (const { stackPath, logicalId, resource } of resources(labOf(name))) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const group = (resource.Properties?.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
      const template = labOf(name).templates.find((entry) => entry.stackPath === stackPath)!.template;
      expect({ function: logicalId, group: group && template.Resources[group]?.Type }).toEqual({
        function: logicalId,
        group: 'AWS::Logs::LogGroup',
      });
    }
  });

  test('no function runs in the VPC (its interfaces would hold subnets and security groups for up to 20 minutes on destroy)', () => {
    const inVpc = resources(labOf(name)).filter(
      ({ resource }) => resource.Type === 'AWS::Lambda::Function' && resource.Properties?.VpcConfig !== undefined,
    );
    expect(inVpc.map(({ logicalId }) => logicalId)).toEqual([]);
  });

  test('every Helm part leaves nothing when switched off: its namespace and leftover CRDs go after its release', () => {
    const lab = labOf(name);
    const order = new DeployOrder(lab.templates);
    const { parts } = deployedParts(lab, THIRD_PARTY_PARTS);
    for (const { part, address } of parts) {
      if (part.delivery.type !== 'helm-chart') continue;
      const release = lab.templates.find((t) => t.stackPath === address.stackPath)!.template.Resources[
        address.logicalId
      ];
      expect({ part: part.id, createNamespace: release.Properties?.CreateNamespace }).toEqual({
        part: part.id,
        createNamespace: undefined,
      });
      const { namespace } = part.delivery;
      const namespaces = findDeployedObjects(lab, 'Namespace', namespace);
      expect({
        part: part.id,
        namespaceFirst:
          namespace === 'kube-system' || namespaces.some((deployed) => order.createdAfter(address, deployed)),
      }).toEqual({ part: part.id, namespaceFirst: true });
      const groups = part.crdGroupsLeftOnUninstall.value;
      if (groups.length === 0) continue;
      const cleanups = resources(lab).filter(
        ({ resource }) => resource.Type === 'Custom::CrdCleanup' && resource.Properties?.Groups === groups.join(','),
      );
      expect({ part: part.id, cleanupFirst: cleanups.some((cleanup) => order.createdAfter(address, cleanup)) }).toEqual(
        {
          part: part.id,
          cleanupFirst: true,
        },
      );
    }
  });

  test('every handler gives up before CloudFormation does (its own bound is shorter than the ServiceTimeout)', () => {
    for (const { logicalId, resource } of resources(labOf(name))) {
      const budget = resource.Properties?.TimeoutSeconds;
      if (budget === undefined) continue;
      expect({ logicalId, longer: Number(resource.Properties?.[SERVICE_TIMEOUT_PROPERTY]) > Number(budget) }).toEqual({
        logicalId,
        longer: true,
      });
    }
  });
});
