import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct, IDependable } from 'constructs';
import type { ExternalSecretsOperator } from '../constructs/external-secrets-operator';
import type { LabConfig } from './config/lab-config';
import type { LabPlan, PlannedNodeGroup } from './config/lab-plan-model';
import type { PartContract } from './third-party/part-contract';

/** What the base lab gives every module's nested stack. */
export interface LabFoundation {
  readonly config: LabConfig;
  readonly plan: LabPlan;
  readonly vpc: ec2.Vpc;
  readonly cluster: eks.Cluster;
  /** The `vpc-cni` add-on; it already carries every module's settings. */
  readonly vpcCniAddon: eks.Addon;
  readonly defaultNodeGroup: eks.Nodegroup;
  /** The retail app namespaces manifest (exists before any module object that lives in them). */
  readonly retailNamespaces: eks.KubernetesManifest;
  /** Deploy-time secret delivery (Secrets Manager -> Kubernetes Secret). */
  readonly secrets: ExternalSecretsOperator;
  /**
   * The AWS Load Balancer Controller release, present when `exposeUi` is on. Kubernetes objects that create load
   * balancers must depend on it, so they are deleted (and their load balancers with them) before it is removed.
   */
  readonly loadBalancerController?: eks.HelmChart;
  /**
   * What a Helm part's release must depend on so that switching it off leaves nothing behind (its namespace, a
   * cleanup of the CRDs it leaves), created in `scope`.
   */
  releasePrerequisites(scope: Construct, id: string, part: PartContract): IDependable[];
  /** The planned node group with that name (throws when the plan has none). */
  nodeGroupPlan(name: string): PlannedNodeGroup;
  /** Creates a planned node group in `scope`, after the VPC CNI add-on and anything in `after`. */
  addNodeGroup(
    scope: Construct,
    plan: PlannedNodeGroup,
    options?: { readonly after?: readonly Construct[] },
  ): eks.Nodegroup;
}
