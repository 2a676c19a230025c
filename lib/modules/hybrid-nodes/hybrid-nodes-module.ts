import { HYBRID_NODES_WALK } from './hybrid-nodes-walk';
import { hybridNodesExpectations } from './hybrid-nodes-expectations';
import { hybridNodesIngressEnabled } from './hybrid-nodes-ingress';
import { HYBRID_NODES_SETTINGS, HYBRID_NODES_KEYS } from './hybrid-nodes-settings';
import { deploysCloudBursting } from './hybrid-nodes-stage';
import { HybridNodesStack } from './hybrid-nodes-stack';
import { HybridNodesWorkloadsStack } from './hybrid-nodes-workloads-stack';
import { LabConfigError } from '../../config/lab-config-error';
import { CILIUM_PART } from '../../third-party/cilium-part';
import { KYVERNO_PART } from '../../third-party/kyverno-part';
import { NODEADM_PART } from '../../third-party/nodeadm-part';
import type { LabConfig } from '../../config/lab-config';
import type { LabPlan } from '../../config/lab-plan-model';
import type { LabModuleDefinition } from '../lab-module';

/**
 * Keys that only act in one stage. Set in another, they are errors rather than synth warnings: the user asked for an
 * Ingress or a replica count that the stage would silently not deploy (as `hybridNodes.ingress=true` without the
 * controller is an error). An explicit `hybridNodes.ingress=false` agrees with every stage and passes.
 */
function validateStageKeys(config: LabConfig): void {
  const { stage, ingress, burstReplicas } = config.hybridNodes;
  if (ingress === true && stage !== 'remote-workloads') {
    throw new LabConfigError(
      HYBRID_NODES_KEYS.ingress,
      ingress,
      `true only with ${HYBRID_NODES_KEYS.stage}=remote-workloads (false or unset in other stages)`,
      `Stage ${stage} deploys no nginx-remote, so no Ingress: set ${HYBRID_NODES_KEYS.stage}=remote-workloads to ` +
        `route nginx-remote through the ALB, or remove ${HYBRID_NODES_KEYS.ingress}.`,
    );
  }
  if (burstReplicas !== undefined && stage !== 'cloud-bursting') {
    throw new LabConfigError(
      HYBRID_NODES_KEYS.burstReplicas,
      burstReplicas,
      `a value only with ${HYBRID_NODES_KEYS.stage}=cloud-bursting`,
      `Stage ${stage} deploys no nginx-deployment to scale: set ${HYBRID_NODES_KEYS.stage}=cloud-bursting, or ` +
        `remove ${HYBRID_NODES_KEYS.burstReplicas}.`,
    );
  }
}

function validate({ config }: LabPlan): void {
  validateStageKeys(config);
  const instanceType = config.hybridNodes.instanceType;
  // The host runs the amd64 Ubuntu AMI and the amd64 nodeadm and AWS CLI, as the workshop does.
  if (instanceType.architecture !== 'x86_64') {
    throw new LabConfigError(
      HYBRID_NODES_KEYS.instanceType,
      instanceType.name,
      'an x86_64 instance type of the instance table (for example m5.large)',
      `${instanceType.name} is ${instanceType.architecture}; the hybrid node uses the amd64 Ubuntu 24.04 AMI and nodeadm.`,
    );
  }
  // The remote node and pod networks are checked against each other, the VPC, the secondary and the service CIDR
  // when the config is read (lib/config/read-lab-config.ts); EKS rejects overlapping remote networks at creation
  // (EKS API reference, RemoteNetworkConfigRequest).
}

/**
 * Module `hybrid-nodes`: a simulated on-premises host joined to the cluster as an EKS hybrid node, with no manual
 * step (workshop section "EKS Hybrid Nodes", eks-workshop-v2 manifests/modules/networking/eks-hybrid-nodes).
 */
export const HYBRID_NODES_MODULE: LabModuleDefinition = {
  name: 'hybrid-nodes',
  summary:
    'Remote VPC and Transit Gateway, an EC2 host joined as a hybrid node through an SSM hybrid activation and nodeadm, Cilium, then by stage nginx on the hybrid node behind an ALB, or cloud bursting with Kyverno.',
  settings: HYBRID_NODES_SETTINGS,
  requiresCapabilities: [
    {
      capability: 'aws-load-balancer-controller',
      neededWhen: (config) => hybridNodesIngressEnabled(config),
      reason:
        'hybridNodes.ingress=true (stage remote-workloads) deploys the ALB Ingress of nginx-remote, which the AWS Load Balancer Controller (exposeUi) serves.',
    },
  ],
  // The VPC CNI add-on already keeps off hybrid nodes (anti-affinity to eks.amazonaws.com/compute-type: hybrid,
  // EKS user guide "Configure CNI for hybrid nodes"); nothing to add.
  validate,
  parts: (config) => [CILIUM_PART, NODEADM_PART, ...(deploysCloudBursting(config) ? [KYVERNO_PART] : [])],
  walk: HYBRID_NODES_WALK,
  expectations: hybridNodesExpectations,
  create(scope, foundation) {
    const stack = new HybridNodesStack(scope, 'HybridNodes', { foundation });
    // The host joins while the retail app starts: the app's pods and every controller keep off hybrid nodes by
    // affinity, so they run on EC2 nodes as in the workshop, where the node joins a running cluster.
    const workloads = new HybridNodesWorkloadsStack(scope, 'HybridNodesWorkloads', { foundation, network: stack });
    return {
      stack,
      workshopVariables: [
        {
          name: 'HYBRID_ROLE_NAME',
          value: stack.hybridNodeRole.roleName,
          description: 'the hybrid node role (SSM activation)',
        },
        {
          name: 'HYBRID_ROLE_ARN',
          value: stack.hybridNodeRole.roleArn,
          description: 'the hybrid node role (access entry)',
        },
        {
          // The workshop's is the host's public address, for ssh with its key pair; the lab creates no key pair, so
          // this is the address the cluster (the node's InternalIP) and the routes know the host by.
          name: 'HYBRID_NODE_IP',
          value: workloads.host.instance.instancePrivateIp,
          description: 'private address of the simulated on-premises host (the node InternalIP)',
        },
      ],
    };
  },
};
