import { App } from 'cdk8s';
import { CheckoutTargetPoliciesChart } from '../../../manifests/vpc-lattice/checkout-target-policies-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

interface Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}

const objects = new CheckoutTargetPoliciesChart(new App(), 'Policies').toJson() as Json[];

describe('CheckoutTargetPoliciesChart', () => {
  test.each(['checkout', 'checkoutv2'])(
    'gives Service %s/checkout the workshop health check: HTTP/1 GET /health on 8080',
    (namespace) => {
      const policies = objects.filter(
        (object) => object.kind === 'TargetGroupPolicy' && object.metadata.namespace === namespace,
      );
      expect(policies).toEqual([
        {
          apiVersion: 'application-networking.k8s.aws/v1alpha1',
          kind: 'TargetGroupPolicy',
          metadata: { name: 'checkout-policy', namespace },
          spec: {
            targetRef: { group: '', kind: 'Service', name: 'checkout' },
            protocol: 'HTTP',
            protocolVersion: 'HTTP1',
            healthCheck: {
              enabled: true,
              intervalSeconds: 10,
              timeoutSeconds: 1,
              healthyThresholdCount: 3,
              unhealthyThresholdCount: 2,
              path: '/health',
              port: 8080,
              protocol: 'HTTP',
              protocolVersion: 'HTTP1',
              statusMatch: '200',
            },
          },
        },
      ]);
    },
  );

  test('grants HTTPRoutes of namespace checkout the use of Service checkoutv2/checkout', () => {
    expect(objects.filter((object) => object.kind === 'ReferenceGrant')).toEqual([
      {
        apiVersion: 'gateway.networking.k8s.io/v1beta1',
        kind: 'ReferenceGrant',
        metadata: { name: 'allow-checkout-routes', namespace: 'checkoutv2' },
        spec: {
          from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'checkout' }],
          to: [{ group: '', kind: 'Service', name: 'checkout' }],
        },
      },
    ]);
  });

  test('every object validates (TargetGroupPolicy schema, Gateway API model)', () => {
    expect(objects.map((object) => kubernetesValidationErrors(object))).toEqual([[], [], []]);
  });
});
