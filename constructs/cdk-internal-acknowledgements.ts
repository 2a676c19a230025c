import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/**
 * Findings on resources aws-cdk-lib creates inside the EKS cluster construct (its IAM role and the kubectl
 * provider), which the lab cannot change without forking the construct.
 */
export function acknowledgeClusterInternals(cluster: eks.Cluster): void {
  acknowledgeManagedPolicies(
    cluster.role,
    ['AmazonEKSClusterPolicy'],
    'The EKS cluster service role needs AmazonEKSClusterPolicy: the EKS user guide ("Amazon EKS cluster IAM role") prescribes this AWS managed policy and AWS maintains it as EKS evolves.',
  );
  const provider = cluster.node.findChild('KubectlProvider');
  acknowledgeManagedPolicies(
    provider,
    [
      'service-role/AWSLambdaBasicExecutionRole',
      'service-role/AWSLambdaVPCAccessExecutionRole',
      'AmazonEC2ContainerRegistryReadOnly',
    ],
    'The aws-cdk-lib kubectl provider Lambda uses these AWS managed policies to write its logs and pull Helm charts from ECR; they grant no access to lab data.',
  );
  acknowledgeFinding(
    provider,
    'AwsSolutions-IAM4[Policy::{"Fn::If":["EksClusterKubectlProviderHandlerHasEcrPublicC426D1A5",{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly"]]},{"Ref":"AWS::NoValue"}]}]',
    'The kubectl provider pulls public Helm charts (AWS Gateway API controller) from ECR Public with this read-only AWS managed policy, only in the aws partition.',
  );
  acknowledgeFinding(
    provider,
    'AwsSolutions-L1',
    'aws-cdk-lib chooses the kubectl provider runtime (the latest Python runtime it supports); upgrading aws-cdk-lib moves it forward.',
  );
  acknowledgeFinding(
    provider,
    'AwsSolutions-IAM5[Resource::<EksClusterKubectlProviderHandlerDA75FB7A.Arn>:*]',
    'The custom resource framework may invoke any version of its own kubectl handler function (the :* qualifier); the statement names that one function.',
  );
}
