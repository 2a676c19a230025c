import type { LabConfig } from './config/lab-config';
import { moduleDefinition } from './modules/module-registry';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from './third-party/aws-load-balancer-controller-part';
import { COREDNS_PART, KUBE_PROXY_PART, POD_IDENTITY_AGENT_PART, VPC_CNI_PART } from './third-party/eks-addon-parts';
import { EXTERNAL_SECRETS_PART } from './third-party/external-secrets-part';
import type { PartContract } from './third-party/part-contract';

/** The third-party parts a configuration installs: the base's, the load balancer controller's, each module's. */
export function labParts(config: LabConfig): readonly PartContract[] {
  return [
    VPC_CNI_PART,
    KUBE_PROXY_PART,
    COREDNS_PART,
    POD_IDENTITY_AGENT_PART,
    EXTERNAL_SECRETS_PART,
    ...(config.exposeUi ? [AWS_LOAD_BALANCER_CONTROLLER_PART] : []),
    ...config.modules.flatMap((name) => moduleDefinition(name).parts?.(config) ?? []),
  ];
}
