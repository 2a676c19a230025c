import { BASE_KEY_SPECS } from '../../../lib/config/base-context-keys';
import { MODULE_KEY_SPECS } from '../../../lib/config/module-key-specs';
import { MODULE_NAMES, moduleDefinition } from '../../../lib/modules/module-registry';

/** The inventory of modules and context keys: adding or renaming one must be a reviewed change to this test. */
test('registers the six labs, in creation order', () => {
  expect(MODULE_NAMES).toEqual([
    'custom-networking',
    'prefix-delegation',
    'network-policies',
    'security-groups-for-pods',
    'vpc-lattice',
    'hybrid-nodes',
  ]);
});

test('every module is titled by its key and keeps its settings under its own prefix', () => {
  for (const name of MODULE_NAMES) {
    const definition = moduleDefinition(name);
    expect(definition.title).toBe(name);
    expect(MODULE_KEY_SPECS[definition.keyPrefix]).toBeDefined();
    for (const spec of definition.keySpecs) expect(spec.key.startsWith(`${definition.keyPrefix}.`)).toBe(true);
  }
});

test('defines exactly these context keys', () => {
  expect([...BASE_KEY_SPECS, ...Object.values(MODULE_KEY_SPECS).flat()].map((spec) => spec.key)).toEqual([
    'modules',
    'clusterName',
    'kubernetesVersion',
    'vpcCidr',
    'secondaryCidr',
    'remoteNodeCidr',
    'remotePodCidr',
    'nodeInstanceType',
    'vpcCniVersion',
    'adminPrincipalArn',
    'exposeUi',
    'inboundCidrs',
    'allowWorldAccess',
    'customNetworking.instanceType',
    'prefixDelegation.warmPrefixTarget',
    'prefixDelegation.warmIpTarget',
    'prefixDelegation.minimumIpTarget',
    'prefixDelegation.pausePods',
    'networkPolicies.stage',
    'vpcLattice.weights',
    'hybridNodes.instanceType',
    'hybridNodes.ingress',
  ]);
});
