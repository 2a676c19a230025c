/**
 * CloudFormation types of the custom resources `aws-eks-v2` creates for Kubernetes work: the stack sets their
 * timeouts and the offline checks read Kubernetes objects and Helm releases out of them.
 */
export const KUBERNETES_MANIFEST_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';
export const HELM_CHART_TYPE = 'Custom::AWSCDK-EKS-HelmChart';
export const KUBERNETES_OBJECT_VALUE_TYPE = 'Custom::AWSCDK-EKS-KubernetesObjectValue';
