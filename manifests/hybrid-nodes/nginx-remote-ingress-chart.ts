import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { NGINX_REMOTE } from './hybrid-nodes-names';

export interface NginxRemoteIngressChartProps {
  /** Source CIDRs the ALB accepts (`alb.ingress.kubernetes.io/inbound-cidrs`); at least one. */
  readonly inboundCidrs: readonly string[];
}

/**
 * The lab's Ingress `nginx`: an internet-facing ALB (AWS Load Balancer Controller, class `alb`) with IP targets, so
 * the ALB sends traffic straight to the pod addresses on the hybrid node (routed through the Transit Gateway), open
 * only to the configured CIDRs.
 */
export class NginxRemoteIngressChart extends Chart {
  constructor(scope: Construct, id: string, props: NginxRemoteIngressChartProps) {
    super(scope, id);
    if (props.inboundCidrs.length === 0) throw new Error('NginxRemoteIngressChart needs at least one inbound CIDR');
    new ApiObject(this, 'Ingress', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: NGINX_REMOTE.name,
        namespace: NGINX_REMOTE.namespace,
        annotations: {
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/target-type': 'ip',
          'alb.ingress.kubernetes.io/inbound-cidrs': props.inboundCidrs.join(','),
        },
      },
      spec: {
        ingressClassName: 'alb',
        rules: [
          {
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: NGINX_REMOTE.name, port: { number: NGINX_REMOTE.port } } },
                },
              ],
            },
          },
        ],
      },
    });
  }
}
