import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { EXTERNAL_SECRETS_API_VERSION } from './external-secrets-api';

export interface ExternalSecretEntry {
  /** Key in the Kubernetes Secret. */
  readonly secretKey: string;
  /** Secrets Manager secret name or ARN. */
  readonly remoteKey: string;
  /** JSON property of the secret value. */
  readonly property: string;
}

export interface ExternalSecretProps {
  /** Name of the ExternalSecret and of the Kubernetes Secret it owns. */
  readonly name: string;
  readonly namespace: string;
  readonly clusterSecretStore: string;
  readonly entries: readonly ExternalSecretEntry[];
  /** How often ESO re-reads the source, in Go duration syntax. */
  readonly refreshInterval?: string;
}

/** ESO `ExternalSecret` that materialises selected properties of Secrets Manager secrets as one Secret. */
export class ExternalSecret extends ApiObject {
  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id, {
      apiVersion: EXTERNAL_SECRETS_API_VERSION,
      kind: 'ExternalSecret',
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: { name: props.clusterSecretStore, kind: 'ClusterSecretStore' },
        target: { name: props.name, creationPolicy: 'Owner' },
        data: props.entries.map((entry) => ({
          secretKey: entry.secretKey,
          remoteRef: { key: entry.remoteKey, property: entry.property },
        })),
      },
    });
  }
}
