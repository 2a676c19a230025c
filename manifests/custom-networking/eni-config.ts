import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * API group and version of the VPC CNI's ENIConfig custom resource (CRD `eniconfigs.crd.k8s.amazonaws.com`, shipped
 * with the `vpc-cni` add-on: aws/amazon-vpc-cni-k8s charts/aws-vpc-cni/crds/customresourcedefinition.yaml).
 */
export const ENICONFIG_API_VERSION = 'crd.k8s.amazonaws.com/v1alpha1';
export const ENICONFIG_KIND = 'ENIConfig';

export interface EniConfigProps {
  /**
   * Object name. The VPC CNI picks the ENIConfig whose name equals the value of the node label named by
   * `ENI_CONFIG_LABEL_DEF`; with `topology.kubernetes.io/zone` that is the Availability Zone name. May be a token.
   */
  readonly name: string;
  /** Subnet ID the VPC CNI creates the node's pod ENIs in; must be in the node's Availability Zone. May be a token. */
  readonly subnet: string;
  /**
   * Security groups of the pod ENIs. @default the security groups of the node's primary ENI (VPC CNI 1.8.0 and later,
   * EKS user guide, custom networking tutorial); the field is omitted.
   */
  readonly securityGroups?: readonly string[];
}

/**
 * VPC CNI `ENIConfig` (cluster-scoped; spec fields from the CRD: `subnet` (required) and `securityGroups`), which tells
 * ipamd where to create the secondary ENIs of nodes that select it when `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`.
 */
export class EniConfig extends ApiObject {
  constructor(scope: Construct, id: string, props: EniConfigProps) {
    super(scope, id, {
      apiVersion: ENICONFIG_API_VERSION,
      kind: ENICONFIG_KIND,
      metadata: { name: props.name },
      spec: {
        subnet: props.subnet,
        ...(props.securityGroups && props.securityGroups.length > 0
          ? { securityGroups: [...props.securityGroups] }
          : {}),
      },
    });
  }
}
