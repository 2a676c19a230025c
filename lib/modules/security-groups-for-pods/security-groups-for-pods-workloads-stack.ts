import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { CATALOG_CREDENTIALS_REFRESH } from './security-groups-for-pods-facts';
import type { SecurityGroupsForPodsStack } from './security-groups-for-pods-stack';
import { deployChart } from '../../../constructs/chart-manifest';
import {
  CATALOG_RDS_ACCESS,
  CatalogRdsAccessChart,
} from '../../../manifests/security-groups-for-pods/catalog-rds-access-chart';
import type { LabFoundation } from '../../lab-foundation';

export interface SecurityGroupsForPodsWorkloadsStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
  /** The pod security group and the catalog database. */
  readonly network: SecurityGroupsForPodsStack;
}

/**
 * The Kubernetes side of the security groups for pods lab: the SecurityGroupPolicy `catalog-rds-access` and the
 * catalog's RDS credentials, copied by ESO from the RDS-managed secret. Created after the module's AWS resources and
 * after ESO; the catalog (base) is created after this stack.
 */
export class SecurityGroupsForPodsWorkloadsStack extends NestedStack {
  /** SecurityGroupPolicy `catalog-rds-access` and ExternalSecret `catalog-rds` (one deploy-time manifest). */
  readonly catalogRdsAccess: eks.KubernetesManifest;
  /** Completes once ESO has written the Secret `catalog-rds` (the catalog's envFrom needs it). */
  readonly credentialsSynced: eks.KubernetesObjectValue;

  constructor(scope: Construct, id: string, props: SecurityGroupsForPodsWorkloadsStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module security-groups-for-pods: SecurityGroupPolicy and RDS credentials',
      ...props,
    });
    const { foundation, network } = props;
    const { cluster } = foundation;
    // ESO reads the RDS-managed secret. The statement goes into a policy of this stack (an imported, mutable view
    // of the base's ESO role), not into the role's default policy in the base stack: CloudFormation would update
    // that only after this stack completes, while the wait below needs the access during it.
    const esoRole = iam.Role.fromRoleName(this, 'ExternalSecretsRole', foundation.secrets.role.roleName, {
      mutable: true,
    });
    const databaseSecret = network.database.instance.secret;
    if (!databaseSecret) throw new Error('the catalog database has no RDS-managed secret');
    databaseSecret.grantRead(esoRole);

    const chart = new CatalogRdsAccessChart(new Cdk8sApp(), 'CatalogRdsAccess', {
      podSecurityGroupIds: [network.podSecurityGroup.securityGroupId],
      databaseSecretArn: databaseSecret.secretArn,
      clusterSecretStore: foundation.secrets.storeName,
      refreshInterval: CATALOG_CREDENTIALS_REFRESH,
      securityGroupPolicy: foundation.config.securityGroupsForPods.stage === 'rds-with-policy',
    });
    this.catalogRdsAccess = deployChart(this, 'CatalogRdsAccess', { cluster, chart });
    // Namespace first; the ExternalSecret CRD and store come with ESO; the read permission before ESO tries; the
    // add-on carrying ENABLE_POD_ENI before anything asks for branch ENIs.
    this.catalogRdsAccess.node.addDependency(
      foundation.retailNamespaces,
      foundation.secrets.store,
      esoRole,
      foundation.vpcCniAddon,
    );

    this.credentialsSynced = new eks.KubernetesObjectValue(this, 'CatalogRdsCredentialsSynced', {
      cluster,
      objectType: 'secret',
      objectName: CATALOG_RDS_ACCESS.secretName,
      objectNamespace: CATALOG_RDS_ACCESS.namespace,
      // The name only: nothing of the Secret's data passes through CloudFormation or the handler's log.
      jsonPath: '.metadata.name',
      timeout: Duration.minutes(10),
    });
    this.credentialsSynced.node.addDependency(this.catalogRdsAccess);
  }
}
