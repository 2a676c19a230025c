import type { LabConfig } from '../../config/lab-config';
import { deploysNginxRemote } from './hybrid-nodes-stage';

/**
 * Whether the lab's ALB Ingress of nginx-remote is deployed: only in stage remote-workloads (cloud bursting needs no
 * load balancer), then `hybridNodes.ingress` when set, otherwise whenever the AWS Load Balancer Controller is on
 * (`exposeUi`).
 */
export function hybridNodesIngressEnabled(config: LabConfig): boolean {
  return deploysNginxRemote(config) && (config.hybridNodes.ingress ?? config.exposeUi);
}
