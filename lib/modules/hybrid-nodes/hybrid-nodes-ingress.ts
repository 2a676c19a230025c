import type { LabConfig } from '../../config/lab-config';

/**
 * Whether the lab's ALB Ingress (and the Kyverno pod-deletion-cost policy of the cloud-bursting page) is deployed:
 * `hybridNodes.ingress` when set, otherwise whenever the AWS Load Balancer Controller is on (`exposeUi`).
 */
export function hybridNodesIngressEnabled(config: LabConfig): boolean {
  return config.hybridNodes.ingress ?? config.exposeUi;
}
