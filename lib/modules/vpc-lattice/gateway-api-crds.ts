import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { RemoteManifest } from '../../../constructs/remote-manifest';
import { GATEWAY_API_CRDS_PART, GATEWAY_API_STANDARD_CRD_NAMES } from '../../third-party/gateway-api-crds-part';
import type { PartDelivery } from '../../third-party/part-contract';

const delivery = GATEWAY_API_CRDS_PART.delivery as Extract<PartDelivery, { type: 'remote-manifest' }>;

/**
 * The Gateway API standard CRDs as the lab installs them (the part's contract holds the version, URL and SHA-256).
 * Install instructions: https://gateway-api.sigs.k8s.io/guides/#install-standard-channel.
 */
export const GATEWAY_API_STANDARD_CRDS = {
  version: GATEWAY_API_CRDS_PART.version.pinned,
  url: delivery.url,
  sha256: delivery.sha256,
  /** The CRDs the standard channel of that release contains. */
  crds: GATEWAY_API_STANDARD_CRD_NAMES,
} as const;

export interface GatewayApiCrdsProps {
  readonly cluster: eks.Cluster;
  readonly kubectlLayer: lambda.ILayerVersion;
}

/** Installs the pinned Gateway API standard CRDs; deleting the resource deletes them (after every Gateway API object). */
export function installGatewayApiCrds(scope: Construct, id: string, props: GatewayApiCrdsProps): RemoteManifest {
  return new RemoteManifest(scope, id, {
    cluster: props.cluster,
    kubectlLayer: props.kubectlLayer,
    // The name stays `gateway-api-standard` across versions, so a new version updates the resource in place.
    name: 'gateway-api-standard',
    url: GATEWAY_API_STANDARD_CRDS.url,
    sha256: GATEWAY_API_STANDARD_CRDS.sha256,
    deleteOnRemoval: true,
  });
}
