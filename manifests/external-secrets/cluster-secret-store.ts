import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { EXTERNAL_SECRETS_API_VERSION } from './external-secrets-api';

export interface AwsSecretsManagerClusterSecretStoreProps {
  readonly name: string;
  /** AWS Region of the secrets (a token such as the stack's region is fine). */
  readonly region: string;
  /** Namespaces whose ExternalSecrets may use this store (ESO `spec.conditions`). */
  readonly namespaces: readonly string[];
}

/**
 * ESO `ClusterSecretStore` for AWS Secrets Manager. No `auth` block: the controller uses its own credentials,
 * which EKS Pod Identity provides, so no static keys or IRSA annotations are needed.
 */
export class AwsSecretsManagerClusterSecretStore extends ApiObject {
  constructor(scope: Construct, id: string, props: AwsSecretsManagerClusterSecretStoreProps) {
    super(scope, id, {
      apiVersion: EXTERNAL_SECRETS_API_VERSION,
      kind: 'ClusterSecretStore',
      metadata: { name: props.name },
      spec: {
        conditions: [{ namespaces: [...props.namespaces] }],
        provider: { aws: { service: 'SecretsManager', region: props.region } },
      },
    });
  }
}
