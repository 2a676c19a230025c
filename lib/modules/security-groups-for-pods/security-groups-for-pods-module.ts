import { SECURITY_GROUPS_FOR_PODS_WALK } from './security-groups-for-pods-walk';
import { securityGroupsForPodsExpectations } from './security-groups-for-pods-expectations';
import {
  CATALOG_DATABASE,
  CATALOG_ROLLOUT_ANNOTATION,
  SECURITY_GROUPS_FOR_PODS,
  SECURITY_GROUPS_FOR_PODS_VPC_CNI,
} from './security-groups-for-pods-facts';
import { SecurityGroupsForPodsStack } from './security-groups-for-pods-stack';
import { SecurityGroupsForPodsWorkloadsStack } from './security-groups-for-pods-workloads-stack';
import { CATALOG_NODE_SELECTOR, checkSecurityGroupName, checkTrunkEniNodeGroups } from './trunk-eni-node-groups';
import {
  CATALOG_POD_SECURITY_GROUP_LABEL,
  CATALOG_RDS_ACCESS,
} from '../../../manifests/security-groups-for-pods/catalog-rds-access-chart';
import { CATALOG_ENDPOINT_KEY } from '../../../manifests/retail-app/retail-app-components';
import type { RetailAppCustomization } from '../../../manifests/retail-app/retail-app-customization';
import { SECURITY_GROUPS_FOR_PODS_SETTINGS } from './security-groups-for-pods-settings';
import type { LabModuleDefinition } from '../lab-module';

/** What the module changes in the catalog service: RDS endpoint and credentials, placement, a rollout. */
export function catalogCustomization(props: {
  readonly databaseAddress: string;
  readonly podSecurityGroupIds: readonly string[];
  /** With the SecurityGroupPolicy: its selector label, and a pod template that differs so the pods are recreated. */
  readonly securityGroupPolicy: boolean;
}): RetailAppCustomization {
  return {
    services: {
      catalog: {
        nodeSelector: CATALOG_NODE_SELECTOR,
        podLabels: props.securityGroupPolicy ? CATALOG_POD_SECURITY_GROUP_LABEL : {},
        configMapData: { [CATALOG_ENDPOINT_KEY]: `${props.databaseAddress}:${CATALOG_DATABASE.port}` },
        secretName: CATALOG_RDS_ACCESS.secretName,
        podAnnotations: props.securityGroupPolicy
          ? { [CATALOG_ROLLOUT_ANNOTATION]: `${CATALOG_RDS_ACCESS.policyName}:${props.podSecurityGroupIds.join(',')}` }
          : {},
      },
    },
  };
}

/**
 * Module `security-groups-for-pods`: the catalog moves to Amazon RDS for MySQL, which admits only pods that carry
 * the catalog pod security group through a SecurityGroupPolicy (workshop section "Security groups for pods",
 * eks-workshop-v2 manifests/modules/networking/securitygroups-for-pods).
 */
export const SECURITY_GROUPS_FOR_PODS_MODULE: LabModuleDefinition = {
  name: SECURITY_GROUPS_FOR_PODS.key,
  settings: SECURITY_GROUPS_FOR_PODS_SETTINGS,
  summary:
    'Trunk and branch ENIs (ENABLE_POD_ENI), the catalog on Amazon RDS for MySQL reachable only from pods with the catalog security group, DNS for such pods, SecurityGroupPolicy catalog-rds-access; by stage the catalog stays on MySQL, moves to RDS without the policy (and times out), or with it.',
  vpcCniConfiguration: () => ({ env: { ...SECURITY_GROUPS_FOR_PODS_VPC_CNI.env } }),
  validate({ config, nodeGroups }) {
    checkSecurityGroupName(config);
    checkTrunkEniNodeGroups(nodeGroups);
  },
  walk: SECURITY_GROUPS_FOR_PODS_WALK,
  expectations: securityGroupsForPodsExpectations,
  create(scope, foundation) {
    const stack = new SecurityGroupsForPodsStack(scope, SECURITY_GROUPS_FOR_PODS.nestedStackId, { foundation });
    const { stage } = foundation.config.securityGroupsForPods;
    const workshopVariables = [
      {
        name: 'CATALOG_RDS_ENDPOINT',
        value: stack.database.instance.dbInstanceEndpointAddress,
        description: 'address of the catalog RDS instance (its password stays in Secrets Manager)',
      },
      {
        name: 'CATALOG_SG_ID',
        value: stack.podSecurityGroup.securityGroupId,
        description: 'the catalog pod security group',
      },
    ];
    // First moment: RDS and the groups exist (the workshop provisions them beforehand); the catalog stays on MySQL.
    if (stage === 'in-cluster-db') return { stack, workshopVariables };
    const workloads = new SecurityGroupsForPodsWorkloadsStack(
      scope,
      `${SECURITY_GROUPS_FOR_PODS.nestedStackId}Workloads`,
      { foundation, network: stack },
    );
    return {
      stack,
      workshopVariables,
      retailApp: catalogCustomization({
        databaseAddress: stack.database.instance.dbInstanceEndpointAddress,
        podSecurityGroupIds: [stack.podSecurityGroup.securityGroupId],
        securityGroupPolicy: stage === 'rds-with-policy',
      }),
      // The catalog pods must be admitted after the SecurityGroupPolicy exists (its webhook gives them the branch
      // ENI at creation; pods created before it time out on 3306) and start with the RDS credentials in place.
      retailAppDependencies: { catalog: [workloads.catalogRdsAccess, workloads.credentialsSynced] },
    };
  },
};
