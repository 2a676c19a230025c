import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { CHECKOUT_SERVICE } from './checkout-target-policies-chart';
import { GATEWAY_API_V1, GatewayApiObject } from './gateway-api-object';
import {
  CHECKOUT_ROUTE_NAME,
  CHECKOUT_V2_NAMESPACE,
  GATEWAY_HTTP_LISTENER,
  GATEWAY_NAMESPACE,
} from './vpc-lattice-names';
import { APP_SERVICE_PORT } from '../retail-app/retail-app-components';

export interface CheckoutRouteChartProps {
  /** The Gateway the route attaches to (named after the cluster). */
  readonly gatewayName: string;
  /** Weights of checkout (namespace checkout) and checkout (namespace checkoutv2). */
  readonly weights: readonly [number, number];
}

/**
 * The workshop's `routes/checkout-route.yaml`: one rule splitting requests between the checkout Services of
 * `checkout` and `checkoutv2` on the Service port (80) by weight, attached to the Gateway's HTTP listener.
 */
export class CheckoutRouteChart extends Chart {
  readonly route: GatewayApiObject<IHTTPRoute>;

  constructor(scope: Construct, id: string, props: CheckoutRouteChartProps) {
    super(scope, id);
    const backends = [GATEWAY_NAMESPACE, CHECKOUT_V2_NAMESPACE].map((namespace, index) => ({
      group: '',
      kind: 'Service',
      name: CHECKOUT_SERVICE,
      namespace,
      port: APP_SERVICE_PORT,
      weight: props.weights[index],
    }));
    this.route = new GatewayApiObject<IHTTPRoute>(this, 'Route', {
      apiVersion: GATEWAY_API_V1,
      kind: 'HTTPRoute',
      metadata: { name: CHECKOUT_ROUTE_NAME, namespace: GATEWAY_NAMESPACE },
      spec: {
        parentRefs: [{ name: props.gatewayName, sectionName: GATEWAY_HTTP_LISTENER.name }],
        rules: [{ backendRefs: backends }],
      },
    });
  }
}
