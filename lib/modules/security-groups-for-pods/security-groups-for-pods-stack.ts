import { NestedStack, type NestedStackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { CatalogDatabase } from './catalog-database';
import { BRANCH_ENI_OWNER_TAG, CATALOG_POD_SECURITY_GROUP, CLUSTER_DNS_RULE } from './security-groups-for-pods-facts';
import { SecurityGroupInterfaceDrain } from '../../../constructs/security-group-interface-drain';
import { APP_CONTAINER_PORT } from '../../../manifests/retail-app/retail-app-components';
import type { Ipv4Cidr } from '../../config/ipv4-cidr';
import type { LabFoundation } from '../../lab-foundation';
import type { LabPlan } from '../../config/lab-plan-model';
import { vpcCniSetting } from '../../vpc-cni/vpc-cni-configuration';

export interface SecurityGroupsForPodsStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The ranges pod addresses come from: the VPC CIDR, and the secondary CIDR when custom networking puts pods on
 * ENIConfig subnets (it does so on every node once AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG is on). The workshop admits
 * the VPC CIDR only because its labs never run together.
 */
export function podAddressCidrs(plan: LabPlan): Ipv4Cidr[] {
  const customNetworking =
    vpcCniSetting(plan.vpcCniConfiguration, 'env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') === 'true' ||
    plan.nodeGroups.some((group) => group.podAddressSource === 'eniconfig-subnets');
  return customNetworking ? [plan.config.vpcCidr, plan.config.secondaryCidr] : [plan.config.vpcCidr];
}

/**
 * The security groups for pods lab's AWS resources (workshop `manifests/modules/networking/securitygroups-for-pods`):
 * the catalog pod security group, the catalog RDS instance that admits only that group, and DNS on the cluster
 * security group for pods that carry only their own group. It needs only the VPC and the cluster, so the database
 * (the slowest resource of the lab) starts as soon as they exist; the Kubernetes side (the SecurityGroupPolicy and the
 * catalog's RDS credentials) is SecurityGroupsForPodsWorkloadsStack, created after it.
 */
export class SecurityGroupsForPodsStack extends NestedStack {
  readonly podSecurityGroup: ec2.SecurityGroup;
  readonly database: CatalogDatabase;

  constructor(scope: Construct, id: string, props: SecurityGroupsForPodsStackProps) {
    super(scope, id, {
      description:
        'eks-networking-lab module security-groups-for-pods: catalog pod security group, RDS for MySQL, SecurityGroupPolicy',
      ...props,
    });
    const { foundation } = props;
    const { config, cluster, vpc } = foundation;
    const podCidrs = podAddressCidrs(foundation.plan);

    // The cluster role carries AmazonEKSVPCResourceController in every lab (lib/base/lab-cluster.ts): the VPC resource
    // controller still needs it to release the branch interfaces while this stack is being deleted.

    this.podSecurityGroup = new ec2.SecurityGroup(this, 'CatalogPodSecurityGroup', {
      vpc,
      securityGroupName: `${config.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`,
      description: CATALOG_POD_SECURITY_GROUP.description,
      allowAllOutbound: true,
    });
    Tags.of(this.podSecurityGroup).add('Name', `${config.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`);
    // The ui reaches the catalog API on 8080 from any node's pod addresses. Kubelet probes come from the pod's own
    // node, which standard enforcing mode does not filter.
    for (const cidr of podCidrs) {
      this.podSecurityGroup.addIngressRule(
        ec2.Peer.ipv4(cidr.text),
        ec2.Port.tcp(APP_CONTAINER_PORT.number),
        CATALOG_POD_SECURITY_GROUP.httpRuleDescription,
      );
    }

    this.database = new CatalogDatabase(this, 'CatalogDatabase', {
      vpc,
      clusterName: config.clusterName,
      clientSecurityGroup: this.podSecurityGroup,
    });

    // A pod on a branch ENI carries only its own groups, so CoreDNS (behind the cluster security group, which
    // admits only itself) must accept DNS from pod addresses (workshop .workshop/terraform dns_udp / dns_tcp).
    for (const [index, cidr] of podCidrs.entries()) {
      for (const protocol of ['udp', 'tcp'] as const) {
        new ec2.CfnSecurityGroupIngress(
          this,
          `ClusterDns${protocol.toUpperCase()}${index === 0 ? '' : 'SecondaryCidr'}`,
          {
            groupId: cluster.clusterSecurityGroupId,
            ipProtocol: protocol,
            fromPort: CLUSTER_DNS_RULE.port,
            toPort: CLUSTER_DNS_RULE.port,
            cidrIp: cidr.text,
            description: CLUSTER_DNS_RULE.description,
          },
        );
      }
    }

    // On `cdk destroy` the VPC resource controller deletes a pod's branch ENI only after a cool-down once the pod is
    // gone; deleting the pod group before that fails with DependencyViolation.
    new SecurityGroupInterfaceDrain(this, 'PodSecurityGroupDrain', {
      securityGroups: [this.podSecurityGroup],
      deleteDetachedInterfacesTagged: BRANCH_ENI_OWNER_TAG,
    });
  }
}
