import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { SecurityGroupPolicy } from './security-group-policy';
import { ExternalSecret } from '../external-secrets/external-secret';
import { APP_SERVICES, DB_SECRET_KEYS } from '../retail-app/retail-app-components';
import { APP_LABEL, SERVICE_COMPONENT } from '../retail-app/retail-app-labels';

/** Names the security groups for pods lab uses in the catalog namespace (eks-workshop-v2 `securitygroups-for-pods`). */
export const CATALOG_RDS_ACCESS = {
  /** `sg/policy.yaml`. */
  policyName: 'catalog-rds-access',
  /** `rds/secrets.yaml`: the Secret the catalog Deployment loads with envFrom once it uses RDS. */
  secretName: 'catalog-rds',
  namespace: APP_SERVICES.catalog.namespace,
} as const;

/**
 * Label the catalog pods carry only while they use RDS through the pod security group. Beyond the workshop's
 * selector, so switching the module off is safe in one deploy: the catalog Deployment (updated first) starts pods
 * without it, the policy no longer selects them, and their branch interfaces are released before the policy and the
 * pod security group are deleted.
 */
export const CATALOG_POD_SECURITY_GROUP_LABEL = { 'eks-networking-lab/pod-security-group': 'catalog' } as const;

/**
 * The workshop's selector (`component: service` is only the catalog API pod in this namespace, not catalog-mysql)
 * and the lab's label above.
 */
export const CATALOG_SERVICE_POD_SELECTOR: Readonly<Record<string, string>> = {
  [APP_LABEL.component]: SERVICE_COMPONENT,
  ...CATALOG_POD_SECURITY_GROUP_LABEL,
};

export interface CatalogRdsAccessChartProps {
  /** The catalog pod security group (a token). */
  readonly podSecurityGroupIds: readonly string[];
  /** ARN of the RDS-managed master user secret (`{"username": ..., "password": ...}`), a token. */
  readonly databaseSecretArn: string;
  readonly clusterSecretStore: string;
  /** How often ESO re-reads the secret (picks up RDS's rotations), Go duration syntax. */
  readonly refreshInterval: string;
  /** Whether the SecurityGroupPolicy is deployed (the lab's moment before it lets the catalog time out on RDS). */
  readonly securityGroupPolicy: boolean;
}

/**
 * What the catalog needs to use RDS: the SecurityGroupPolicy that gives its pods the pod security group, and the
 * ExternalSecret that copies the RDS-managed credentials into the Secret `catalog-rds` at run time (the workshop
 * pastes the password into a Secret manifest instead).
 */
export class CatalogRdsAccessChart extends Chart {
  readonly policy?: SecurityGroupPolicy;
  readonly credentials: ExternalSecret;

  constructor(scope: Construct, id: string, props: CatalogRdsAccessChartProps) {
    super(scope, id);
    if (props.securityGroupPolicy) {
      this.policy = new SecurityGroupPolicy(this, 'Policy', {
        name: CATALOG_RDS_ACCESS.policyName,
        namespace: CATALOG_RDS_ACCESS.namespace,
        podSelector: { matchLabels: CATALOG_SERVICE_POD_SELECTOR },
        securityGroupIds: props.podSecurityGroupIds,
      });
    }
    this.credentials = new ExternalSecret(this, 'Credentials', {
      name: CATALOG_RDS_ACCESS.secretName,
      namespace: CATALOG_RDS_ACCESS.namespace,
      clusterSecretStore: props.clusterSecretStore,
      refreshInterval: props.refreshInterval,
      entries: [
        { secretKey: DB_SECRET_KEYS.catalogUser, remoteKey: props.databaseSecretArn, property: 'username' },
        { secretKey: DB_SECRET_KEYS.catalogPassword, remoteKey: props.databaseSecretArn, property: 'password' },
      ],
    });
  }
}
