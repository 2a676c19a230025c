import { MODULE_NAMES } from '../../../../lib/modules/module-registry';
import {
  catalogCustomization,
  SECURITY_GROUPS_FOR_PODS_MODULE,
} from '../../../../lib/modules/security-groups-for-pods/security-groups-for-pods-module';
import { CfnStackGraph } from '../../../../lib/verify/cfn-stack-references';
import { findKubernetesObjects, type KubernetesObjectJson } from '../../../../lib/verify/synthesized-lab';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { APP_SERVICES } from '../../../../manifests/retail-app/retail-app-components';
import { kubernetesValidationErrors } from '../../../support/kubernetes-validation';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

interface PodTemplate {
  metadata: { annotations: Record<string, string>; labels: Record<string, string> };
  spec: { nodeSelector?: Record<string, string>; containers: { envFrom: Record<string, { name: string }>[] }[] };
}

let base: SynthesizedOutput;
let lab: SynthesizedOutput;
let both: SynthesizedOutput;

beforeAll(() => {
  base = synthesizedOutputForTest();
  lab = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
  both = synthesizedOutputForTest({ modules: 'custom-networking,security-groups-for-pods' });
});

function only(which: SynthesizedOutput, kind: string, name: string): KubernetesObjectJson {
  const found = findKubernetesObjects(which, kind, name).filter(
    (object) =>
      object.metadata.namespace === APP_SERVICES[name as 'catalog']?.namespace || kind === 'SecurityGroupPolicy',
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const podTemplate = (which: SynthesizedOutput, name = 'catalog') =>
  (only(which, 'Deployment', name).spec as { template: PodTemplate }).template;

describe('module definition', () => {
  test('is registered under its key between network-policies and vpc-lattice', () => {
    const order = [
      'custom-networking',
      'prefix-delegation',
      'network-policies',
      'security-groups-for-pods',
      'vpc-lattice',
      'hybrid-nodes',
    ];
    const registered = order.filter((name) => (MODULE_NAMES as readonly string[]).includes(name));
    expect(registered).toContain('security-groups-for-pods');
    expect(MODULE_NAMES.filter((name) => order.includes(name))).toEqual(registered);
  });

  test('contributes the workshop VPC CNI settings, no node group, and its stage key', () => {
    expect(SECURITY_GROUPS_FOR_PODS_MODULE.vpcCniConfiguration?.(lab.config) ?? {}).toEqual({
      env: { ENABLE_POD_ENI: 'true', POD_SECURITY_GROUP_ENFORCING_MODE: 'standard' },
    });
    expect(SECURITY_GROUPS_FOR_PODS_MODULE.nodeGroups?.(lab.config) ?? []).toEqual([]);
    expect(SECURITY_GROUPS_FOR_PODS_MODULE.settings?.keySpecs.map((spec) => [spec.key, spec.defaultValue])).toEqual([
      ['securityGroupsForPods.stage', 'rds-with-policy'],
    ]);
  });

  test('merges with custom networking settings into one vpc-cni configuration', () => {
    expect(both.plan.vpcCniConfiguration).toMatchObject({
      env: {
        ENABLE_POD_ENI: 'true',
        POD_SECURITY_GROUP_ENFORCING_MODE: 'standard',
        AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
      },
    });
  });
});

describe('the catalog switches to RDS', () => {
  test('its ConfigMap points at the RDS endpoint address on 3306 and keeps the other keys', () => {
    const data = only(lab, 'ConfigMap', 'catalog').data as Record<string, string>;
    expect(data).toMatchObject({
      RETAIL_CATALOG_PERSISTENCE_PROVIDER: 'mysql',
      RETAIL_CATALOG_PERSISTENCE_DB_NAME: 'catalog',
    });
    const [address, port] = data.RETAIL_CATALOG_PERSISTENCE_ENDPOINT.split(/:(?=\d+$)/);
    expect(port).toBe('3306');
    const deployed = lab.kubernetesObjects.find(
      ({ object }) => object.kind === 'ConfigMap' && object.metadata.name === 'catalog',
    );
    const resolved = new CfnStackGraph(lab.templates).resolvePlaceholder(deployed?.stackPath ?? '', address);
    expect(resolved).toMatchObject({ kind: 'attribute', attribute: 'Endpoint.Address' });
    const graph = new CfnStackGraph(lab.templates);
    expect(resolved.kind === 'attribute' && graph.resource(resolved.resource)?.Type).toBe('AWS::RDS::DBInstance');
  });

  test('its envFrom loads the ConfigMap, then the Secret catalog-rds (workshop rds/deployment.yaml)', () => {
    expect(podTemplate(lab).spec.containers[0].envFrom).toEqual([
      { configMapRef: { name: 'catalog' } },
      { secretRef: { name: 'catalog-rds' } },
    ]);
    expect(podTemplate(base).spec.containers[0].envFrom).toEqual([
      { configMapRef: { name: 'catalog' } },
      { secretRef: { name: 'catalog-db' } },
    ]);
  });

  test('its pods are pinned to the default node group; catalog-mysql and the other services are untouched', () => {
    expect(podTemplate(lab).spec.nodeSelector).toEqual({ 'eks-networking-lab/node-group': 'default' });
    expect(podTemplate(lab, 'ui')).toEqual(podTemplate(base, 'ui'));
    expect(findKubernetesObjects(lab, 'StatefulSet', 'catalog-mysql')).toEqual(
      findKubernetesObjects(base, 'StatefulSet', 'catalog-mysql'),
    );
  });

  test('with custom networking too, catalog stays on default while checkout moves to custom-networking', () => {
    expect(podTemplate(both).spec.nodeSelector).toEqual({ 'eks-networking-lab/node-group': 'default' });
    expect(podTemplate(both, 'checkout').spec.nodeSelector).toEqual({
      'eks-networking-lab/node-group': 'custom-networking',
    });
  });

  test('a pod-template annotation names the policy and its group, so switching the module on rolls the catalog', () => {
    const annotations = podTemplate(lab).metadata.annotations;
    expect(annotations['eks-networking-lab/security-group-policy']).toMatch(
      /^catalog-rds-access:\$\{GetAtt:SecurityGroupsForPods.*CatalogPodSecurityGroup.*GroupId\}$/,
    );
    expect(podTemplate(base).metadata.annotations['eks-networking-lab/security-group-policy']).toBeUndefined();
    expect(podTemplate(lab)).not.toEqual(podTemplate(base));
  });

  test('the pod labels still match the SecurityGroupPolicy selector', () => {
    const selector = (
      only(lab, 'SecurityGroupPolicy', 'catalog-rds-access').spec as {
        podSelector: { matchLabels: Record<string, string> };
      }
    ).podSelector.matchLabels;
    expect(podTemplate(lab).metadata.labels).toMatchObject(selector);
  });

  test('only the catalog pods of a lab with the module carry the pod security group label the policy selects', () => {
    expect(podTemplate(lab).metadata.labels['eks-networking-lab/pod-security-group']).toBe('catalog');
    // Without the module (after switching it off) the updated catalog pods no longer match, so their branch
    // interfaces go before the policy and the pod security group are deleted.
    expect(podTemplate(base).metadata.labels['eks-networking-lab/pod-security-group']).toBeUndefined();
    expect(podTemplate(lab, 'ui').metadata.labels['eks-networking-lab/pod-security-group']).toBeUndefined();
  });

  test('the changed catalog Deployment and ConfigMap validate against the Kubernetes schema', () => {
    expect(kubernetesValidationErrors(only(lab, 'Deployment', 'catalog'))).toEqual([]);
    expect(kubernetesValidationErrors(only(lab, 'ConfigMap', 'catalog'))).toEqual([]);
  });

  test('catalogCustomization builds the same change from plain values', () => {
    expect(
      catalogCustomization({
        databaseAddress: 'db.example',
        podSecurityGroupIds: ['sg-1', 'sg-2'],
        securityGroupPolicy: true,
      }),
    ).toEqual({
      services: {
        catalog: {
          nodeSelector: { 'eks-networking-lab/node-group': 'default' },
          configMapData: { RETAIL_CATALOG_PERSISTENCE_ENDPOINT: 'db.example:3306' },
          secretName: 'catalog-rds',
          podAnnotations: { 'eks-networking-lab/security-group-policy': 'catalog-rds-access:sg-1,sg-2' },
          podLabels: { 'eks-networking-lab/pod-security-group': 'catalog' },
        },
      },
    });
  });
});
