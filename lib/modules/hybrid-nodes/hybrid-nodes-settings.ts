import type { ContextKeySpec } from '../../config/context-key-spec';
import type { ContextReader } from '../../config/context-reader';
import { readInstanceType } from '../../config/context-value-parsers';
import type { InstanceType } from '../../instance-types/instance-types';
import type { ModuleSettings } from '../../config/lab-module-model';
import { CLOUD_BURSTING } from '../../../manifests/hybrid-nodes/hybrid-nodes-names';

/**
 * The lab's pages, in order (workshop "EKS Hybrid Nodes"): the host joined with Cilium and Ready; nginx-remote on the
 * hybrid node reached through the ALB ("Routing traffic"); then, with nginx-remote deleted as the workshop does
 * before bursting, Kyverno's pod-deletion-cost policy and the `nginx-deployment` that bursts to EC2 ("Cloud bursting").
 */
export const HYBRID_NODES_STAGES = ['node-joined', 'remote-workloads', 'cloud-bursting'] as const;

export type HybridNodesStage = (typeof HYBRID_NODES_STAGES)[number];

/**
 * Replicas `hybridNodes.burstReplicas` accepts. The workshop uses 3, 15, then 3. Beyond 20, the pods the m5.large
 * host cannot take (about 11 of 200m at 20) would exceed what the three default m5.large nodes keep free beside the
 * retail app, CoreDNS and Kyverno (roughly 3.5 vCPUs); with no cluster autoscaler the rest would stay Pending, which is
 * not bursting.
 */
export const BURST_REPLICAS_RANGE = { min: 1, max: 20 } as const;

export interface HybridNodesSettings {
  /** EC2 instance type of the simulated on-premises host. */
  readonly instanceType: InstanceType;
  /** Which page of the lab is deployed. */
  readonly stage: HybridNodesStage;
  /**
   * Whether the lab's ALB Ingress for nginx-remote is deployed (stage remote-workloads only). Undefined means "when
   * the AWS Load Balancer Controller is on" (exposeUi); an explicit true without the controller is an error.
   */
  readonly ingress?: boolean;
  /** Replicas of `nginx-deployment` (stage cloud-bursting only); undefined means the workshop's 3. */
  readonly burstReplicas?: number;
}

export const HYBRID_NODES_KEYS = {
  instanceType: 'hybridNodes.instanceType',
  stage: 'hybridNodes.stage',
  ingress: 'hybridNodes.ingress',
  burstReplicas: 'hybridNodes.burstReplicas',
} as const;

const DEFAULT_STAGE: HybridNodesStage = 'cloud-bursting';

/** The workshop's `deployment.yaml` replicas, before and after it scales to 15. */
export const WORKSHOP_BURST_REPLICAS = CLOUD_BURSTING.replicas;

export const HYBRID_NODES_KEY_SPECS: readonly ContextKeySpec[] = [
  {
    key: HYBRID_NODES_KEYS.instanceType,
    defaultValue: 'm5.large',
    description: 'EC2 instance type of the simulated on-premises hybrid node.',
    validation: 'Must be in the instance table and x86_64 (the lab installs the amd64 nodeadm).',
  },
  {
    key: HYBRID_NODES_KEYS.stage,
    defaultValue: DEFAULT_STAGE,
    description:
      'Which page of the hybrid nodes lab is deployed: the node joined with Cilium, nginx-remote on it (behind the ALB with exposeUi), or cloud bursting with Kyverno and nginx-deployment.',
    validation: `One of ${HYBRID_NODES_STAGES.join(', ')}.`,
  },
  {
    key: HYBRID_NODES_KEYS.ingress,
    defaultValue: 'same as exposeUi',
    description: 'Deploy the ALB Ingress of nginx-remote (stage remote-workloads).',
    validation: 'true or false; true requires hybridNodes.stage=remote-workloads and exposeUi=true.',
  },
  {
    key: HYBRID_NODES_KEYS.burstReplicas,
    defaultValue: String(WORKSHOP_BURST_REPLICAS),
    description:
      'Replicas of the cloud-bursting Deployment nginx-deployment (stage cloud-bursting); the workshop uses 3, 15, then 3.',
    validation: `An integer from ${BURST_REPLICAS_RANGE.min} to ${BURST_REPLICAS_RANGE.max}, set only with hybridNodes.stage=cloud-bursting.`,
  },
];

/**
 * Reads the keys one by one. Whether a key fits the stage is checked by the module's `validate`, which runs only when
 * the module is enabled: with the module off, its keys only draw the "set but module not in modules" warning.
 */
export function readHybridNodesSettings(reader: ContextReader): HybridNodesSettings {
  return {
    instanceType: readInstanceType(reader, HYBRID_NODES_KEYS.instanceType, 'm5.large'),
    stage: reader.oneOf(HYBRID_NODES_KEYS.stage, HYBRID_NODES_STAGES, DEFAULT_STAGE),
    ingress: reader.has(HYBRID_NODES_KEYS.ingress) ? reader.boolean(HYBRID_NODES_KEYS.ingress, false) : undefined,
    burstReplicas: reader.optionalInteger(
      HYBRID_NODES_KEYS.burstReplicas,
      BURST_REPLICAS_RANGE.min,
      BURST_REPLICAS_RANGE.max,
    ),
  };
}

declare module '../../config/lab-config' {
  interface ModuleSettingsByPrefix {
    readonly hybridNodes: HybridNodesSettings;
  }
}

/** The module's context keys (`hybridNodes.*`), read into `config.hybridNodes`. */
export const HYBRID_NODES_SETTINGS: ModuleSettings<'hybridNodes'> = {
  keyPrefix: 'hybridNodes',
  keySpecs: HYBRID_NODES_KEY_SPECS,
  read: readHybridNodesSettings,
};
