import { catalogNetwork, selectorMatches } from '../../../../lib/modules/security-groups-for-pods/catalog-network';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

let base: SynthesizedOutput;
let lab: SynthesizedOutput;
let both: SynthesizedOutput;

beforeAll(() => {
  base = synthesizedOutputForTest();
  lab = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
  both = synthesizedOutputForTest({ modules: 'custom-networking,security-groups-for-pods' });
});

const ranges = (endpoint: { addresses: readonly { text: string }[] }) => endpoint.addresses.map((range) => range.text);
const PRIVATE = ['10.42.96.0/19', '10.42.128.0/19', '10.42.160.0/19'];
const POD_SUBNETS = ['100.64.0.0/19', '100.64.32.0/19', '100.64.64.0/19'];

describe('label selectors (Kubernetes semantics)', () => {
  const labels = { 'app.kubernetes.io/component': 'service', 'app.kubernetes.io/name': 'catalog' };
  test.each([
    [{ matchLabels: { 'app.kubernetes.io/component': 'service' } }, true],
    [{ matchLabels: { 'app.kubernetes.io/component': 'mysql' } }, false],
    [{}, true],
    [{ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['catalog', 'ui'] }] }, true],
    [{ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['catalog'] }] }, false],
    [{ matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['database'] }] }, true],
    [{ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, true],
    [
      {
        matchLabels: { 'app.kubernetes.io/component': 'service' },
        matchExpressions: [{ key: 'team', operator: 'Exists' }],
      },
      false,
    ],
  ])('%j matches the catalog pod labels: %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  test('a missing selector matches nothing', () => {
    expect(selectorMatches(undefined, labels)).toBe(false);
  });
});

describe('endpoints read from the synthesized lab', () => {
  test('the catalog pod carries exactly the pod group from the policy; other pods the cluster group', () => {
    const network = catalogNetwork(lab);
    expect(network.catalogPod.securityGroups).toHaveLength(1);
    expect(network.model.group(network.catalogPod.securityGroups[0])?.description).toBe(
      'Applied to catalog application pods',
    );
    expect(network.uiPod.securityGroups).toEqual([network.clusterSecurityGroup]);
    expect(network.catalogMysqlPod.securityGroups).toEqual([network.clusterSecurityGroup]);
    expect(network.clusterSecurityGroup).toMatch(
      /^attribute:NetworkingLabStack#EksCluster\w+\.ClusterSecurityGroupId$/,
    );
  });

  test('the database is the RDS instance the catalog ConfigMap points at, with its group and private subnets', () => {
    const database = catalogNetwork(lab).catalogDatabase;
    expect(database?.port).toBe(3306);
    expect(database?.name).toBe('RDS eks-workshop-catalog (database catalog)');
    expect(database && ranges(database).sort()).toEqual([...PRIVATE].sort());
    expect(catalogNetwork(lab).model.group(database?.securityGroups[0] ?? '')?.description).toBe(
      'Catalog RDS security group',
    );
  });

  test('pods take addresses from the private subnets, or from the ENIConfig subnets with custom networking', () => {
    expect(ranges(catalogNetwork(lab).catalogPod).sort()).toEqual([...PRIVATE].sort());
    expect(ranges(catalogNetwork(both).catalogPod).sort()).toEqual([...POD_SUBNETS].sort());
    expect(ranges(catalogNetwork(both).uiPod).sort()).toEqual([...POD_SUBNETS].sort());
  });

  test('without the module the catalog has no policy and no RDS', () => {
    const network = catalogNetwork(base);
    expect(network.catalogPolicies).toEqual([]);
    expect(network.catalogPod.securityGroups).toEqual([network.clusterSecurityGroup]);
    expect(network.catalogDatabase).toBeUndefined();
    expect(network.catalogEndpoint).toBe('catalog-mysql:3306 (not an RDS endpoint of the lab)');
  });
});
