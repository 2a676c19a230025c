import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** API group and version of the AWS Gateway API controller's policies (the chart's CRDs, v1.1.7 to v2.1.3). */
export const APPLICATION_NETWORKING_API_VERSION = 'application-networking.k8s.aws/v1alpha1';

export type TargetGroupProtocol = 'HTTP' | 'HTTPS' | 'TCP';
export type TargetGroupProtocolVersion = 'HTTP1' | 'HTTP2';

/** VPC Lattice target group health check (CRD `spec.healthCheck`; ranges are the CRD's). */
export interface TargetGroupHealthCheck {
  readonly enabled: boolean;
  /** 5-300 seconds. */
  readonly intervalSeconds: number;
  /** 1-120 seconds. */
  readonly timeoutSeconds: number;
  /** 2-10. */
  readonly healthyThresholdCount: number;
  /** 2-10. */
  readonly unhealthyThresholdCount: number;
  readonly path: string;
  /** The container port probed (1-65535); when absent, the port the target receives traffic on. */
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly protocolVersion: TargetGroupProtocolVersion;
  /** Regular expression of the HTTP status codes counted as healthy, e.g. `200`. */
  readonly statusMatch: string;
}

export interface TargetGroupPolicyProps {
  readonly name: string;
  /** Must be the namespace of the Service (the controller ignores policies attached across namespaces). */
  readonly namespace: string;
  /** The Service whose VPC Lattice target groups the policy configures. */
  readonly serviceName: string;
  readonly protocol: TargetGroupProtocol;
  /** Not allowed with protocol TCP (the controller then ignores the whole policy). */
  readonly protocolVersion?: TargetGroupProtocolVersion;
  readonly healthCheck: TargetGroupHealthCheck;
}

/**
 * `TargetGroupPolicy` of the AWS Gateway API controller: protocol and health check of the VPC Lattice target groups
 * the controller creates for a Service that a route uses
 * (https://www.gateway-api-controller.eks.aws.dev/latest/api-types/target-group-policy/). Attached to a Service
 * before a route references it, the target groups are created with it; attached later, the controller replaces them.
 */
export class TargetGroupPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: TargetGroupPolicyProps) {
    if (props.protocol === 'TCP' && props.protocolVersion !== undefined) {
      throw new Error(
        `TargetGroupPolicy ${props.namespace}/${props.name}: protocolVersion must be omitted with protocol TCP`,
      );
    }
    super(scope, id, {
      apiVersion: APPLICATION_NETWORKING_API_VERSION,
      kind: 'TargetGroupPolicy',
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        targetRef: { group: '', kind: 'Service', name: props.serviceName },
        protocol: props.protocol,
        ...(props.protocolVersion === undefined ? {} : { protocolVersion: props.protocolVersion }),
        healthCheck: { ...props.healthCheck },
      },
    });
  }
}
