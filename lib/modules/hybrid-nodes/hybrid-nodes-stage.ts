import type { LabConfig } from '../../config/lab-config';
import { WORKSHOP_BURST_REPLICAS } from './hybrid-nodes-settings';

/** Stage remote-workloads: namespace nginx-remote with its Deployment and Service (and the Ingress, when enabled). */
export function deploysNginxRemote(config: LabConfig): boolean {
  return config.hybridNodes.stage === 'remote-workloads';
}

/** Stage cloud-bursting: Kyverno, the pod-deletion-cost ClusterPolicy and `nginx-deployment`. */
export function deploysCloudBursting(config: LabConfig): boolean {
  return config.hybridNodes.stage === 'cloud-bursting';
}

/** Replicas of `nginx-deployment`: `hybridNodes.burstReplicas`, else the workshop's 3. */
export function cloudBurstingReplicas(config: LabConfig): number {
  return config.hybridNodes.burstReplicas ?? WORKSHOP_BURST_REPLICAS;
}
