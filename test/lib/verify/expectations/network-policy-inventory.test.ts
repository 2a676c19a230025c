import {
  interpretNetworkPolicyList,
  networkPolicyInventoryExpectation,
  type NetworkPolicyInventoryProps,
} from '../../../../lib/verify/expectations/network-policy-inventory';
import type { LabSynthesis } from '../../../../lib/lab-app';

const PROPS: NetworkPolicyInventoryProps = {
  id: 'network-policies/deployed-policies',
  module: 'network-policies',
  namespaces: ['ui', 'catalog'],
  expected: ['ui/default-deny', 'ui/allow-ui-egress'],
};

function policy(namespace: string, name: string) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace } };
}

function list(...items: object[]) {
  return { exitCode: 0, stdout: JSON.stringify({ kind: 'List', items }), stderr: '' };
}

function lab(...objects: object[]): LabSynthesis {
  return {
    kubernetesObjects: objects.map((object) => ({ object, stackPath: 'NetworkingLabStack', logicalId: 'X' })),
  } as unknown as LabSynthesis;
}

describe('live', () => {
  test('passes with exactly the expected policies, ignoring other namespaces', () => {
    const outcome = interpretNetworkPolicyList(
      list(policy('ui', 'allow-ui-egress'), policy('ui', 'default-deny'), policy('kube-system', 'x')),
      PROPS,
    );
    expect(outcome).toEqual({ pass: true, actual: 'ui/allow-ui-egress, ui/default-deny' });
  });

  test('fails on a policy left behind by another stage, naming it', () => {
    const outcome = interpretNetworkPolicyList(
      list(
        policy('ui', 'allow-ui-egress'),
        policy('ui', 'default-deny'),
        policy('catalog', 'allow-catalog-ingress-db'),
      ),
      PROPS,
    );
    expect(outcome).toEqual({ pass: false, actual: 'unexpected catalog/allow-catalog-ingress-db' });
  });

  test('fails on a missing policy, naming it', () => {
    expect(interpretNetworkPolicyList(list(policy('ui', 'default-deny')), PROPS)).toEqual({
      pass: false,
      actual: 'missing ui/allow-ui-egress',
    });
  });

  test('fails when kubectl fails', () => {
    expect(interpretNetworkPolicyList({ exitCode: 1, stdout: '', stderr: 'no route' }, PROPS).pass).toBe(false);
  });
});

describe('offline', () => {
  const expectation = networkPolicyInventoryExpectation(PROPS);

  test('states the expected policies sorted', () => {
    expect(expectation.expected).toBe('ui/allow-ui-egress, ui/default-deny');
  });

  test('passes when the lab deploys exactly those policies', () => {
    expect(
      expectation.checkOffline(
        lab(policy('ui', 'default-deny'), policy('ui', 'allow-ui-egress'), {
          kind: 'Namespace',
          metadata: { name: 'ui' },
        }),
      ).pass,
    ).toBe(true);
  });

  test('fails when the lab deploys another policy in a watched namespace', () => {
    expect(
      expectation.checkOffline(
        lab(policy('ui', 'default-deny'), policy('ui', 'allow-ui-egress'), policy('catalog', 'x')),
      ).actual,
    ).toBe('unexpected catalog/x');
  });

  test('checks live with kubectl get networkpolicies across all namespaces', () => {
    expect(
      expectation.live!.commands({ clusterName: 'eks-workshop', stackOutputs: {}, lab: {} as LabSynthesis }),
    ).toEqual([{ program: 'kubectl', args: ['get', 'networkpolicies', '--all-namespaces', '-o', 'json'] }]);
  });
});
