import { App } from 'cdk8s';
import {
  CATALOG_RDS_ACCESS,
  CatalogRdsAccessChart,
} from '../../../manifests/security-groups-for-pods/catalog-rds-access-chart';
import { APP_SERVICES } from '../../../manifests/retail-app/retail-app-components';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!db-0000-abcdef';
const objects = new CatalogRdsAccessChart(new App(), 'access', {
  podSecurityGroupIds: ['sg-0123456789abcdef0'],
  databaseSecretArn: SECRET_ARN,
  clusterSecretStore: 'aws-secrets-manager',
  refreshInterval: '15m',
  securityGroupPolicy: true,
}).toJson() as K8sObject[];

function find(kind: string, name: string): K8sObject {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('CatalogRdsAccessChart', () => {
  test('uses the workshop names in the catalog namespace', () => {
    expect(CATALOG_RDS_ACCESS).toEqual({
      policyName: 'catalog-rds-access',
      secretName: 'catalog-rds',
      namespace: 'catalog',
    });
    expect(APP_SERVICES.catalog.namespace).toBe('catalog');
  });

  test('the SecurityGroupPolicy selects component=service pods in catalog that carry the lab label, with the pod group', () => {
    const policy = find('SecurityGroupPolicy', 'catalog-rds-access');
    expect(policy.apiVersion).toBe('vpcresources.k8s.aws/v1beta1');
    expect(policy.metadata.namespace).toBe('catalog');
    expect(policy.spec).toEqual({
      podSelector: {
        matchLabels: { 'app.kubernetes.io/component': 'service', 'eks-networking-lab/pod-security-group': 'catalog' },
      },
      securityGroups: { groupIds: ['sg-0123456789abcdef0'] },
    });
  });

  test('the ExternalSecret maps the RDS-managed secret username and password onto the catalog keys', () => {
    const secret = find('ExternalSecret', 'catalog-rds');
    expect(secret.metadata.namespace).toBe('catalog');
    expect(secret.spec).toEqual({
      refreshInterval: '15m',
      secretStoreRef: { name: 'aws-secrets-manager', kind: 'ClusterSecretStore' },
      target: { name: 'catalog-rds', creationPolicy: 'Owner' },
      data: [
        { secretKey: 'RETAIL_CATALOG_PERSISTENCE_USER', remoteRef: { key: SECRET_ARN, property: 'username' } },
        { secretKey: 'RETAIL_CATALOG_PERSISTENCE_PASSWORD', remoteRef: { key: SECRET_ARN, property: 'password' } },
      ],
    });
  });

  test('contains no Kubernetes Secret (credentials arrive at run time)', () => {
    expect(objects.map((object) => object.kind).sort()).toEqual(['ExternalSecret', 'SecurityGroupPolicy']);
  });

  test('every object validates against its schema', () => {
    expect(objects.flatMap((object) => kubernetesValidationErrors(object))).toEqual([]);
  });
});

test('without the SecurityGroupPolicy (the lab moment where the catalog times out on RDS) only the ExternalSecret is rendered', () => {
  const withoutPolicy = new CatalogRdsAccessChart(new App(), 'access', {
    podSecurityGroupIds: ['sg-0123456789abcdef0'],
    databaseSecretArn: SECRET_ARN,
    clusterSecretStore: 'aws-secrets-manager',
    refreshInterval: '15m',
    securityGroupPolicy: false,
  }).toJson() as K8sObject[];
  expect(withoutPolicy.map((object) => object.kind)).toEqual(['ExternalSecret']);
});
