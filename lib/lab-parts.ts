import type { LabConfig } from './config/lab-config';
import { moduleDefinition } from './modules/module-registry';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from './third-party/aws-load-balancer-controller-part';
import { COREDNS_PART, KUBE_PROXY_PART, POD_IDENTITY_AGENT_PART, VPC_CNI_PART } from './third-party/eks-addon-parts';
import { EXTERNAL_SECRETS_PART } from './third-party/external-secrets-part';
import type { PartContract } from './third-party/part-contract';

/** A part a configuration installs, and who installs it (`base` or a module key). */
export interface InstalledPart {
  readonly part: PartContract;
  readonly owner: string;
}

/** The third-party parts a configuration installs: the base's, the load balancer controller's, each module's. */
export function installedParts(config: LabConfig): readonly InstalledPart[] {
  const base = [VPC_CNI_PART, KUBE_PROXY_PART, COREDNS_PART, POD_IDENTITY_AGENT_PART, EXTERNAL_SECRETS_PART];
  return [
    ...base.map((part) => ({ part, owner: 'base' })),
    ...(config.exposeUi ? [{ part: AWS_LOAD_BALANCER_CONTROLLER_PART, owner: 'base' }] : []),
    ...config.modules.flatMap((name) =>
      (moduleDefinition(name).parts?.(config) ?? []).map((part) => ({ part, owner: name })),
    ),
  ];
}

/** The contracts of the parts a configuration installs. */
export function labParts(config: LabConfig): readonly PartContract[] {
  return installedParts(config).map((entry) => entry.part);
}
