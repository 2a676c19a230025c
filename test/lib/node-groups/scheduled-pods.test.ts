import {
  BASE_CLUSTER_PODS,
  baseLabScheduledPods,
  DAEMONSET_PODS_PER_NODE,
  retailAppPodCount,
} from '../../../lib/node-groups/scheduled-pods';

describe('pods the base lab schedules', () => {
  test('counts the workshop retail app: five services and four data stores, one replica each', () => {
    expect(retailAppPodCount()).toBe(9);
  });

  test('counts aws-node, kube-proxy and eks-pod-identity-agent on every node', () => {
    expect(DAEMONSET_PODS_PER_NODE).toEqual(['aws-node', 'kube-proxy', 'eks-pod-identity-agent']);
  });

  test('counts CoreDNS (2) and External Secrets (3) once', () => {
    expect(BASE_CLUSTER_PODS).toEqual({ coredns: 2, 'external-secrets': 3 });
  });

  test('totals 23 pods on the three default nodes', () => {
    expect(baseLabScheduledPods(3)).toEqual({ daemonSetPods: 9, clusterPods: 5, retailAppPods: 9, total: 23 });
  });
});
