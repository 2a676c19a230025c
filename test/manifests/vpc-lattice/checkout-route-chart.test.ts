import { App } from 'cdk8s';
import { CheckoutRouteChart } from '../../../manifests/vpc-lattice/checkout-route-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

function route(weights: [number, number]) {
  return (
    new CheckoutRouteChart(new App(), 'Route', { gatewayName: 'my-lab', weights }).toJson() as Record<string, unknown>[]
  )[0] as {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace: string };
    spec: { parentRefs: unknown[]; rules: { backendRefs: Record<string, unknown>[] }[] };
  };
}

describe('CheckoutRouteChart', () => {
  test('routes checkoutroute in namespace checkout through the Gateway HTTP listener to both checkout Services on port 80', () => {
    expect(route([25, 75])).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'checkoutroute', namespace: 'checkout' },
      spec: {
        parentRefs: [{ name: 'my-lab', sectionName: 'http' }],
        rules: [
          {
            backendRefs: [
              { group: '', kind: 'Service', name: 'checkout', namespace: 'checkout', port: 80, weight: 25 },
              { group: '', kind: 'Service', name: 'checkout', namespace: 'checkoutv2', port: 80, weight: 75 },
            ],
          },
        ],
      },
    });
  });

  test('takes the weights in order checkout, checkoutv2', () => {
    expect(route([90, 10]).spec.rules[0].backendRefs.map((ref) => [ref.namespace, ref.weight])).toEqual([
      ['checkout', 90],
      ['checkoutv2', 10],
    ]);
  });

  test('validates against the Gateway API HTTPRoute model', () => {
    expect(kubernetesValidationErrors(route([25, 75]))).toEqual([]);
  });
});
