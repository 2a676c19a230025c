import type { IReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { GATEWAY_API_GROUP, GatewayApiObject, REFERENCE_GRANT_API_VERSION } from './gateway-api-object';
import { TargetGroupPolicy, type TargetGroupHealthCheck } from './target-group-policy';
import {
  CHECKOUT_TARGET_GROUP_POLICY_NAME,
  CHECKOUT_V2_NAMESPACE,
  CHECKOUT_V2_REFERENCE_GRANT_NAME,
  GATEWAY_NAMESPACE,
} from './vpc-lattice-names';
import { APP_CONTAINER_PORT, APP_SERVICES } from '../retail-app/retail-app-components';

/** The checkout Service in both namespaces. */
export const CHECKOUT_SERVICE = APP_SERVICES.checkout.name;

/**
 * The workshop's health check (`target-group-policy/target-group-policy.yaml`): HTTP/1 `GET /health` on the
 * container port (8080, checkout's own liveness path), every 10 s, 1 s timeout, healthy after 3, unhealthy after 2.
 */
export const CHECKOUT_HEALTH_CHECK: TargetGroupHealthCheck = {
  enabled: true,
  intervalSeconds: 10,
  timeoutSeconds: 1,
  healthyThresholdCount: 3,
  unhealthyThresholdCount: 2,
  path: APP_SERVICES.checkout.liveness.path,
  port: APP_CONTAINER_PORT.number,
  protocol: 'HTTP',
  protocolVersion: 'HTTP1',
  statusMatch: '200',
};

/**
 * TargetGroupPolicies for the checkout Service in `checkout` and in `checkoutv2` (a policy only applies to a
 * Service in its own namespace), and the ReferenceGrant the workshop leaves out: Gateway API only lets a route
 * use a Service in another namespace when that namespace grants it
 * (https://gateway-api.sigs.k8s.io/api-types/referencegrant/).
 */
export class CheckoutTargetPoliciesChart extends Chart {
  readonly policies: readonly TargetGroupPolicy[];
  readonly referenceGrant: GatewayApiObject<IReferenceGrant>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.policies = [GATEWAY_NAMESPACE, CHECKOUT_V2_NAMESPACE].map(
      (namespace) =>
        new TargetGroupPolicy(this, `TargetGroupPolicy-${namespace}`, {
          name: CHECKOUT_TARGET_GROUP_POLICY_NAME,
          namespace,
          serviceName: CHECKOUT_SERVICE,
          protocol: 'HTTP',
          protocolVersion: 'HTTP1',
          healthCheck: CHECKOUT_HEALTH_CHECK,
        }),
    );
    this.referenceGrant = new GatewayApiObject<IReferenceGrant>(this, 'ReferenceGrant', {
      apiVersion: REFERENCE_GRANT_API_VERSION,
      kind: 'ReferenceGrant',
      metadata: { name: CHECKOUT_V2_REFERENCE_GRANT_NAME, namespace: CHECKOUT_V2_NAMESPACE },
      spec: {
        from: [{ group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: GATEWAY_NAMESPACE }],
        to: [{ group: '', kind: 'Service', name: CHECKOUT_SERVICE }],
      },
    });
  }
}
