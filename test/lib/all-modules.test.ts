import { CLOUD_NODES_ONLY_AFFINITY } from '../../manifests/cloud-node-affinity';
import { EXAMPLE_INBOUND_CIDR } from '../../lib/lab-configurations';
import { MODULE_NAMES } from '../../lib/modules/module-registry';
import { CfnStackGraph } from '../../lib/verify/cfn-stack-references';
import { DeployOrder } from '../../lib/verify/deploy-order';
import { findKubernetesObjects } from '../../lib/verify/synthesized-lab';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';
import { verifyOffline } from '../../lib/verify/verify-offline';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/** Every module together with exposeUi: the interplays between labs, resolved explicitly. */
let lab: SynthesizedOutput;
beforeAll(() => {
  lab = synthesizedOutputForTest({
    modules: MODULE_NAMES.join(','),
    exposeUi: 'true',
    inboundCidrs: EXAMPLE_INBOUND_CIDR,
  });
});

test('every expectation of every module passes offline together', () => {
  const summary = verifyOffline(lab);
  expect(
    summary.results.filter((result) => !result.outcome.pass).map((r) => `${r.expectation.id}: ${r.outcome.actual}`),
  ).toEqual([]);
  expect(summary.passed).toBeGreaterThan(50);
});

test('security groups for pods with custom networking: the catalog stays on the trunk-capable default nodes', () => {
  const catalog = findKubernetesObjects(lab, 'Deployment', 'catalog')[0] as unknown as {
    spec: { template: { spec: { nodeSelector?: object } } };
  };
  expect(catalog.spec.template.spec.nodeSelector).toEqual({ 'eks-networking-lab/node-group': 'default' });
  const checkout = findKubernetesObjects(lab, 'Deployment', 'checkout').find(
    (object) => object.metadata.namespace === 'checkout',
  ) as unknown as {
    spec: { template: { spec: { nodeSelector?: object } } };
  };
  expect(checkout.spec.template.spec.nodeSelector).toEqual({ 'eks-networking-lab/node-group': 'custom-networking' });
});

test('prefix delegation with custom networking: every node group runs in prefix mode (t3.medium 110, not 12)', () => {
  expect(Object.fromEntries(lab.plan.nodeGroups.map((group) => [group.name, group.maxPods]))).toEqual({
    default: 110,
    'custom-networking': 110,
  });
});

test('network policies with vpc-lattice: the ui may reach VPC Lattice and orders admits checkoutv2', () => {
  const names = findKubernetesObjects(lab, 'NetworkPolicy').map(
    (policy) => `${policy.metadata.namespace}/${policy.metadata.name}`,
  );
  expect(names).toEqual(
    expect.arrayContaining(['ui/allow-ui-egress-vpc-lattice', 'orders/allow-orders-ingress-checkoutv2']),
  );
});

test('network policies leave the hybrid nodes workloads alone (no policy selects nginx-remote or default)', () => {
  const namespaces = new Set(findKubernetesObjects(lab, 'NetworkPolicy').map((policy) => policy.metadata.namespace));
  expect(namespaces.has('nginx-remote')).toBe(false);
  expect(namespaces.has('default')).toBe(false);
});

test('controllers that need Pod Identity or serve webhooks stay off the hybrid node', () => {
  for (const release of ['aws-load-balancer-controller', 'external-secrets']) {
    const values = lab.helmReleases.find((candidate) => candidate.release === release)?.values as {
      affinity?: { nodeAffinity?: unknown };
    };
    expect(values.affinity?.nodeAffinity).toEqual(CLOUD_NODES_ONLY_AFFINITY.nodeAffinity);
  }
});

test('the hybrid node joins while the retail app starts, and every retail pod keeps off it whatever modules place it', () => {
  const order = new DeployOrder(lab.templates);
  const hosts = new CfnStackGraph(lab.templates).resourcesOfType('AWS::EC2::Instance');
  expect(hosts.map(({ address }) => address.stackPath)).toEqual(['NetworkingLabStack/HybridNodesWorkloads']);
  const ui = lab.kubernetesObjects.find(({ object }) => object.kind === 'Deployment' && object.metadata.name === 'ui')!;
  expect(order.createdAfter(hosts[0].address, ui)).toBe(false);
  const retail = lab.kubernetesObjects.filter(
    ({ object }) =>
      ['Deployment', 'StatefulSet'].includes(object.kind) &&
      ['ui', 'catalog', 'carts', 'checkout', 'orders'].includes(object.metadata.namespace ?? ''),
  );
  // 5 services and 4 in-cluster data stores (catalog uses RDS with security-groups-for-pods).
  expect(retail).toHaveLength(9);
  for (const { object } of retail) {
    const affinity = (object.spec as { template: { spec: { affinity?: { nodeAffinity?: unknown } } } }).template.spec
      .affinity;
    expect([object.metadata.name, affinity?.nodeAffinity]).toEqual([
      object.metadata.name,
      CLOUD_NODES_ONLY_AFFINITY.nodeAffinity,
    ]);
  }
});
