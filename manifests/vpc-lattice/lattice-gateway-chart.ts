import type { IGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import type { IGatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { GATEWAY_API_V1, GatewayApiObject } from './gateway-api-object';
import {
  GATEWAY_HTTP_LISTENER,
  GATEWAY_NAMESPACE,
  LATTICE_CONTROLLER_NAME,
  LATTICE_GATEWAY_CLASS,
} from './vpc-lattice-names';

export interface LatticeGatewayChartProps {
  /**
   * Gateway name. The controller maps a Gateway to the VPC Lattice service network of the same name
   * (https://www.gateway-api-controller.eks.aws.dev/latest/api-types/gateway/), so this is the service network's name.
   */
  readonly gatewayName: string;
}

/**
 * The workshop's `controller/gatewayclass.yaml` and `controller/eks-workshop-gw.yaml`, at `gateway.networking.k8s.io/v1`
 * (the workshop writes `v1beta1`; v1 is the GA version).
 */
export class LatticeGatewayChart extends Chart {
  readonly gatewayClass: GatewayApiObject<IGatewayClass>;
  readonly gateway: GatewayApiObject<IGateway>;

  constructor(scope: Construct, id: string, props: LatticeGatewayChartProps) {
    super(scope, id);
    this.gatewayClass = new GatewayApiObject<IGatewayClass>(this, 'GatewayClass', {
      apiVersion: GATEWAY_API_V1,
      kind: 'GatewayClass',
      metadata: { name: LATTICE_GATEWAY_CLASS },
      spec: { controllerName: LATTICE_CONTROLLER_NAME },
    });
    this.gateway = new GatewayApiObject<IGateway>(this, 'Gateway', {
      apiVersion: GATEWAY_API_V1,
      kind: 'Gateway',
      metadata: { name: props.gatewayName, namespace: GATEWAY_NAMESPACE },
      spec: {
        gatewayClassName: LATTICE_GATEWAY_CLASS,
        listeners: [{ name: GATEWAY_HTTP_LISTENER.name, protocol: 'HTTP', port: GATEWAY_HTTP_LISTENER.port }],
      },
    });
  }
}
