import type { LabConfig } from './config/lab-config';
import type { LabModuleModel } from './config/lab-module-model';
import type { InstalledPart } from './config/lab-plan-model';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from './third-party/aws-load-balancer-controller-part';
import { COREDNS_PART, KUBE_PROXY_PART, POD_IDENTITY_AGENT_PART, VPC_CNI_PART } from './third-party/eks-addon-parts';
import { EXTERNAL_SECRETS_PART } from './third-party/external-secrets-part';

/** The third-party parts a configuration installs: the base's, the load balancer controller's, each module's. */
export function installedParts(config: LabConfig, enabled: readonly LabModuleModel[]): readonly InstalledPart[] {
  const base = [VPC_CNI_PART, KUBE_PROXY_PART, COREDNS_PART, POD_IDENTITY_AGENT_PART, EXTERNAL_SECRETS_PART];
  return [
    ...base.map((part) => ({ part, owner: 'base' })),
    ...(config.exposeUi ? [{ part: AWS_LOAD_BALANCER_CONTROLLER_PART, owner: 'base' }] : []),
    ...enabled.flatMap((module) => (module.parts?.(config) ?? []).map((part) => ({ part, owner: module.name }))),
  ];
}
