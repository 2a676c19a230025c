import { AWS_GATEWAY_API_CONTROLLER_PART } from './aws-gateway-api-controller-part';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from './aws-load-balancer-controller-part';
import { CILIUM_PART } from './cilium-part';
import { COREDNS_PART, KUBE_PROXY_PART, POD_IDENTITY_AGENT_PART, VPC_CNI_PART } from './eks-addon-parts';
import { EXTERNAL_SECRETS_PART } from './external-secrets-part';
import { GATEWAY_API_CRDS_PART } from './gateway-api-crds-part';
import { KYVERNO_PART } from './kyverno-part';
import { NODEADM_PART } from './nodeadm-part';
import type { PartContract } from './part-contract';

/** Every third-party part the lab can install, each with its runtime contract. */
export const THIRD_PARTY_PARTS: readonly PartContract[] = [
  VPC_CNI_PART,
  KUBE_PROXY_PART,
  COREDNS_PART,
  POD_IDENTITY_AGENT_PART,
  EXTERNAL_SECRETS_PART,
  AWS_LOAD_BALANCER_CONTROLLER_PART,
  GATEWAY_API_CRDS_PART,
  AWS_GATEWAY_API_CONTROLLER_PART,
  CILIUM_PART,
  KYVERNO_PART,
  NODEADM_PART,
];

/** The contract of a Helm chart, by chart name and repository. */
export function partForHelmChart(chart: string | undefined, repository: string | undefined): PartContract | undefined {
  return THIRD_PARTY_PARTS.find(
    (part) =>
      part.delivery.type === 'helm-chart' && part.delivery.chart === chart && part.delivery.repository === repository,
  );
}
