/**
 * What the security groups for pods lab provisions, as data (eks-workshop-v2
 * `manifests/modules/networking/securitygroups-for-pods/.workshop/terraform`), read by the nested stack, the
 * checks and the tests. Names derived from the cluster name follow the workshop (`<cluster>-catalog`, ...), so
 * the workshop's `aws ... describe-*` commands find the resources.
 */

/** The module key (`-c modules=security-groups-for-pods`) and its nested stack's construct id. */
export const SECURITY_GROUPS_FOR_PODS = {
  key: 'security-groups-for-pods',
  nestedStackId: 'SecurityGroupsForPods',
} as const;

/**
 * VPC CNI settings of the lab (`cluster/terraform/eks.tf`): branch ENIs for pods, and `standard` enforcement, in
 * which kubelet probes and same-node traffic are not filtered by the pod's groups (so no TCP early demux change is
 * needed) and traffic leaving the VPC is translated to the node's address (EKS user guide,
 * https://docs.aws.amazon.com/eks/latest/userguide/security-groups-pods-deployment.html).
 */
export const SECURITY_GROUPS_FOR_PODS_VPC_CNI = {
  env: { ENABLE_POD_ENI: 'true', POD_SECURITY_GROUP_ENFORCING_MODE: 'standard' },
} as const;

/** `aws_security_group.catalog_rds_ingress` (applied to the catalog pods through the SecurityGroupPolicy). */
export const CATALOG_POD_SECURITY_GROUP = {
  nameSuffix: '-catalog',
  description: 'Applied to catalog application pods',
  httpRuleDescription: 'Allow inbound HTTP API traffic',
} as const;

/** `module.catalog_rds_ingress` (the RDS instance's group; found by its Name tag in the workshop). */
export const CATALOG_RDS_SECURITY_GROUP = {
  nameTagSuffix: '-catalog-rds',
  description: 'Catalog RDS security group',
  mysqlRuleDescription: 'MySQL access from specific security group',
} as const;

/** `module.catalog_mysql` (terraform-aws-modules/rds 6.13.1). */
export const CATALOG_DATABASE = {
  identifierSuffix: '-catalog',
  engineVersion: '8.4.8',
  instanceClass: 'db.t4g.micro',
  allocatedStorageGiB: 20,
  databaseName: 'catalog',
  username: 'catalog_user',
  port: 3306,
  maintenanceWindow: 'Mon:00:00-Mon:03:00',
} as const;

/** `aws_security_group_rule.dns_udp` / `dns_tcp` on the cluster security group. */
export const CLUSTER_DNS_RULE = {
  port: 53,
  description: 'DNS from pods that carry only their own security group (security groups for pods)',
} as const;

/**
 * Pod-template annotation whose value names the SecurityGroupPolicy and its groups: it appears when the module is
 * switched on (and changes with the groups), so the catalog Deployment rolls and its new pods are admitted after
 * the policy exists.
 */
export const CATALOG_ROLLOUT_ANNOTATION = 'eks-networking-lab/security-group-policy';

/** Tag the VPC resource controller puts on the branch ENIs it creates (workshop docs, console filter). */
export const BRANCH_ENI_OWNER_TAG = { key: 'eks:eni:owner', value: 'eks-vpc-resource-controller' } as const;

/** Annotation the VPC resource controller writes on a pod that received a branch ENI (workshop step 13). */
export const POD_ENI_ANNOTATION = 'vpc.amazonaws.com/pod-eni';

/**
 * How often ESO re-reads the RDS-managed secret. RDS rotates it every 7 days by default; a shorter refresh
 * shortens the window in which a restarting catalog pod would read the previous password.
 */
export const CATALOG_CREDENTIALS_REFRESH = '15m';
