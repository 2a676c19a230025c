import { readLabConfig } from '../../../../lib/lab-app';
import { moduleDefinition } from '../../../../lib/modules/module-registry';
import { VPC_LATTICE_MODULE } from '../../../../lib/modules/vpc-lattice/vpc-lattice-module';
import { VPC_LATTICE_STACK_ID } from '../../../../lib/modules/vpc-lattice/vpc-lattice-stack';
import { type CfnTemplate, dependsOn } from '../../../../lib/verify/cfn-template';
import { findKubernetesObjects, type SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { nestedStackResourceId, rootTemplate } from '../../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

let base: CfnTemplate;
let lab: SynthesizedOutput;
let root: CfnTemplate;
let nestedStackId: string;
let customWeights: SynthesizedOutput;

beforeAll(() => {
  customWeights = synthesizedOutputForTest({ modules: 'vpc-lattice', 'vpcLattice.weights': '60,40' });
  base = rootTemplate(synthesizedOutputForTest()).toJSON() as CfnTemplate;
  lab = synthesizedOutputForTest({ modules: 'vpc-lattice' });
  root = rootTemplate(lab).toJSON() as CfnTemplate;
  nestedStackId = nestedStackResourceId(lab, VPC_LATTICE_STACK_ID);
});

const uiObject = (kind: string) =>
  findKubernetesObjects(lab, kind, 'ui').find((object) => object.metadata.namespace === 'ui')!;
const uiManifestId = () =>
  lab.kubernetesObjects.find(({ object }) => object.kind === 'ConfigMap' && object.metadata.name === 'ui')!.logicalId;

describe('module definition', () => {
  test('is registered as vpc-lattice with its context key under vpcLattice', () => {
    expect(moduleDefinition('vpc-lattice')).toBe(VPC_LATTICE_MODULE);
    expect(VPC_LATTICE_MODULE.settings?.keyPrefix).toBe('vpcLattice');
    expect(VPC_LATTICE_MODULE.settings?.keySpecs.map((spec) => [spec.key, spec.defaultValue])).toEqual([
      ['vpcLattice.weights', '25,75'],
    ]);
  });

  test('changes no VPC CNI setting and adds no node group', () => {
    const config = readLabConfig({ modules: 'vpc-lattice' }, { today: TEST_DAY });
    expect(VPC_LATTICE_MODULE.vpcCniConfiguration?.(config) ?? {}).toEqual({});
    expect(VPC_LATTICE_MODULE.nodeGroups?.(config) ?? []).toEqual([]);
  });

  test.each([
    ['a cluster name of 2 characters', 'ab'],
    ['a cluster name starting with servicenetwork-', 'servicenetwork-lab'],
  ])('fails with %s (the service network is named after the cluster)', (_case, clusterName) => {
    expect(() => readLabConfig({ modules: 'vpc-lattice', clusterName }, { today: TEST_DAY })).toThrow(
      `Invalid context 'clusterName': received "${clusterName}"; allowed: a cluster name of at least 3 characters not starting with "servicenetwork-" when module vpc-lattice is enabled. The VPC Lattice service network (and the Gateway mapped to it) is named after the cluster.`,
    );
  });

  test('allows a cluster name of 3 characters, and short names when the module is off', () => {
    expect(readLabConfig({ modules: 'vpc-lattice', clusterName: 'abc' }, { today: TEST_DAY }).clusterName).toBe('abc');
    expect(readLabConfig({ clusterName: 'ab' }, { today: TEST_DAY }).clusterName).toBe('ab');
  });
});

describe('root stack', () => {
  test('creates one nested stack with id VpcLattice', () => {
    expect(
      Object.values(root.Resources).filter((resource) => resource.Type === 'AWS::CloudFormation::Stack'),
    ).toHaveLength(1);
    expect(lab.templates.map((template) => template.stackPath)).toContain(`NetworkingLabStack/${VPC_LATTICE_STACK_ID}`);
  });

  test("outputs the route's URL as the workshop's CHECKOUT_ROUTE_DNS (http:// and the DNS name from the nested stack)", () => {
    expect(root.Outputs?.WorkshopCheckoutRouteDns).toEqual({
      Description: expect.stringMatching(/^Workshop variable CHECKOUT_ROUTE_DNS: /),
      Value: {
        'Fn::Join': [
          '',
          ['http://', { 'Fn::GetAtt': [nestedStackId, expect.stringMatching(/^Outputs\..*CheckoutRouteDns.*$/)] }],
        ],
      },
    });
  });

  test('points the ui at the route: RETAIL_UI_ENDPOINTS_CHECKOUT is http://<DNS name read from the route>', () => {
    const endpoint = (uiObject('ConfigMap').data as Record<string, string>).RETAIL_UI_ENDPOINTS_CHECKOUT;
    expect(endpoint).toMatch(new RegExp(`^http://\\$\\{GetAtt:${nestedStackId}\\.Outputs\\..*CheckoutRouteDns.*\\}$`));
  });

  test('rolls the ui pods when the endpoint changes (pod template annotation with the same value)', () => {
    const endpoint = (uiObject('ConfigMap').data as Record<string, string>).RETAIL_UI_ENDPOINTS_CHECKOUT;
    const annotations = (
      uiObject('Deployment').spec as { template: { metadata: { annotations: Record<string, string> } } }
    ).template.metadata.annotations;
    expect(annotations['eks-networking-lab/checkout-endpoint']).toBe(endpoint);
  });

  test('updates the ui only after the nested stack (the route DNS name) exists', () => {
    expect(dependsOn(root.Resources[uiManifestId()])).toContain(nestedStackId);
  });

  test('changes no base resource except the ui manifest (switching the module on replaces nothing)', () => {
    const changed = Object.keys(base.Resources).filter(
      (id) => JSON.stringify(base.Resources[id]) !== JSON.stringify(root.Resources[id]),
    );
    expect(changed).toEqual([uiManifestId()]);
    const added = Object.keys(root.Resources).filter((id) => !(id in base.Resources));
    expect(added).toEqual([nestedStackId]);
  });
});

describe('weights from context', () => {
  test('route the configured split', () => {
    const [route] = findKubernetesObjects(customWeights, 'HTTPRoute', 'checkoutroute');
    const refs = (route.spec as { rules: { backendRefs: { namespace: string; weight: number }[] }[] }).rules[0]
      .backendRefs;
    expect(refs.map((ref) => [ref.namespace, ref.weight])).toEqual([
      ['checkout', 60],
      ['checkoutv2', 40],
    ]);
  });
});
