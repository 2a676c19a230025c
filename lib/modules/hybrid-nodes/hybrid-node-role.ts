import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeManagedPolicies } from '../../../constructs/nag-acknowledgements';

/** Managed policies the EKS user guide requires on the Hybrid Nodes IAM role when SSM provides credentials. */
export const HYBRID_NODE_MANAGED_POLICIES = [
  'AmazonSSMManagedInstanceCore',
  'AmazonEC2ContainerRegistryPullOnly',
] as const;

export interface HybridNodeRoleProps {
  readonly clusterArn: string;
  /**
   * Tag the SSM activation puts on the managed nodes it registers; `ssm:DeregisterManagedInstance` is limited to
   * nodes carrying it (the user guide's example uses `EKSClusterARN` = the cluster ARN).
   */
  readonly scopeTag: { readonly key: string; readonly value: string };
}

/**
 * The Hybrid Nodes IAM role (EKS user guide, "Prepare credentials for hybrid nodes",
 * https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-creds.html): assumed by SSM for the registered
 * machine (`sts:AssumeRole` and `sts:TagSession`, only from SSM in this account and Region: the guide's
 * `aws:SourceAccount`/`aws:SourceArn` conditions); `eks:DescribeCluster` so nodeadm finds the endpoint and CA,
 * `ssm:DescribeInstanceInformation` and `ssm:DeregisterManagedInstance` (limited to the activation's nodes) for
 * `nodeadm uninstall`, `eks-auth:AssumeRoleForPodIdentity` for the Pod Identity agent, plus
 * AmazonSSMManagedInstanceCore (registration, Session Manager) and AmazonEC2ContainerRegistryPullOnly (kubelet
 * image pulls). The guide lists `eks:DescribeCluster` and `eks-auth:AssumeRoleForPodIdentity` on `*`; both accept
 * the cluster ARN, so they are narrowed to this cluster.
 */
export class HybridNodeRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HybridNodeRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'Role', {
      description: 'EKS hybrid nodes: the identity SSM gives the registered on-premises host',
      assumedBy: new iam.PrincipalWithConditions(new iam.ServicePrincipal('ssm.amazonaws.com').withSessionTags(), {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnEquals: { 'aws:SourceArn': stack.formatArn({ service: 'ssm', resource: '*' }) },
      }),
      managedPolicies: HYBRID_NODE_MANAGED_POLICIES.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
      inlinePolicies: {
        HybridNode: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['eks:DescribeCluster'], resources: [props.clusterArn] }),
            new iam.PolicyStatement({ actions: ['eks-auth:AssumeRoleForPodIdentity'], resources: [props.clusterArn] }),
            new iam.PolicyStatement({ actions: ['ssm:DescribeInstanceInformation'], resources: ['*'] }),
            new iam.PolicyStatement({
              actions: ['ssm:DeregisterManagedInstance'],
              resources: [stack.formatArn({ service: 'ssm', resource: 'managed-instance', resourceName: '*' })],
              conditions: { StringEquals: { [`ssm:resourceTag/${props.scopeTag.key}`]: props.scopeTag.value } },
            }),
          ],
        }),
      },
    });
    acknowledgeManagedPolicies(
      this.role,
      HYBRID_NODE_MANAGED_POLICIES,
      'The EKS user guide ("Prepare credentials for hybrid nodes") prescribes these AWS managed policies for the Hybrid Nodes IAM role: SSM registration and Session Manager, and kubelet image pulls from ECR.',
    );
    acknowledgeFinding(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'ssm:DescribeInstanceInformation supports no resource-level permissions (EKS user guide, Prepare credentials for hybrid nodes).',
    );
    acknowledgeFinding(
      this.role,
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:managed-instance/*]',
      "As in the EKS user guide, ssm:DeregisterManagedInstance is limited by the ssm:resourceTag condition to the nodes registered with this cluster's activation.",
    );
  }
}
