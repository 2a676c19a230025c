import { hybridNodesExpectations } from './hybrid-nodes-expectations';
import { hybridNodesIngressEnabled } from './hybrid-nodes-ingress';
import { HYBRID_NODES_SETTINGS, HYBRID_NODES_KEYS } from './hybrid-nodes-settings';
import { HybridNodesStack } from './hybrid-nodes-stack';
import { HybridNodesWorkloadsStack } from './hybrid-nodes-workloads-stack';
import { LabConfigError } from '../../config/lab-config-error';
import { CILIUM_PART } from '../../third-party/cilium-part';
import { KYVERNO_PART } from '../../third-party/kyverno-part';
import { NODEADM_PART } from '../../third-party/nodeadm-part';
import type { LabPlan } from '../../config/lab-plan-model';
import type { LabModuleDefinition } from '../lab-module';

function validate({ config }: LabPlan): void {
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
    'Remote VPC and Transit Gateway, an EC2 host joined as a hybrid node through an SSM hybrid activation and nodeadm, Cilium, nginx on the hybrid node, cloud bursting.',
  settings: HYBRID_NODES_SETTINGS,
  requiresCapabilities: [
    {
      capability: 'aws-load-balancer-controller',
      neededWhen: (config) => hybridNodesIngressEnabled(config),
      reason:
        'hybridNodes.ingress=true deploys the ALB Ingress of nginx-remote, which the AWS Load Balancer Controller (exposeUi) serves.',
    },
  ],
  // The VPC CNI add-on already keeps off hybrid nodes (anti-affinity to eks.amazonaws.com/compute-type: hybrid,
  // EKS user guide "Configure CNI for hybrid nodes"); nothing to add.
  validate,
  parts: (config) => [CILIUM_PART, NODEADM_PART, ...(hybridNodesIngressEnabled(config) ? [KYVERNO_PART] : [])],
  expectations: hybridNodesExpectations,
  create(scope, foundation) {
    const stack = new HybridNodesStack(scope, 'HybridNodes', { foundation });
    // The host joins while the retail app starts: the app's pods and every controller keep off hybrid nodes by
    // affinity, so they run on EC2 nodes as in the workshop, where the node joins a running cluster.
    new HybridNodesWorkloadsStack(scope, 'HybridNodesWorkloads', { foundation, network: stack });
    return { stack };
  },
};
