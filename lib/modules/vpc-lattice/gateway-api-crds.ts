import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { RemoteManifest } from '../../../constructs/remote-manifest';

/**
 * Gateway API standard channel CRDs v1.2.0, the version the workshop installs (setup.md:
 * `kubectl apply -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.0/standard-install.yaml`).
 * Install instructions: https://gateway-api.sigs.k8s.io/guides/#install-standard-channel.
 *
 * The Gateway API project publishes no checksum file for its release assets. The SHA-256 below is the one
 * kubernetes-sigs/kubespray pins for this exact file (`gateway_api_standard_crds_checksums`, `1.2.0`, in
 * https://github.com/kubernetes-sigs/kubespray/blob/master/roles/kubespray_defaults/vars/main/checksums.yml), a
 * SIG project that downloads and verifies it. It was not recomputed here (no network but npm); verify it once with
 * `curl -sL <url> | sha256sum` and compare with the release page's asset digest. A mismatch fails the deployment
 * before anything is applied.
 */
export const GATEWAY_API_STANDARD_CRDS = {
  version: 'v1.2.0',
  url: 'https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.0/standard-install.yaml',
  sha256: '38ed055bb25dc580c0366899c0bed9b9e92dfcd1c180a569133f3946026cf102',
  /** The CRDs the standard channel of v1.2.0 contains. */
  crds: [
    'gatewayclasses.gateway.networking.k8s.io',
    'gateways.gateway.networking.k8s.io',
    'grpcroutes.gateway.networking.k8s.io',
    'httproutes.gateway.networking.k8s.io',
    'referencegrants.gateway.networking.k8s.io',
  ],
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
    name: `gateway-api-standard-${GATEWAY_API_STANDARD_CRDS.version}`,
    url: GATEWAY_API_STANDARD_CRDS.url,
    sha256: GATEWAY_API_STANDARD_CRDS.sha256,
    deleteOnRemoval: true,
    // Like the cluster's kubectl provider: private subnets (internet through the NAT gateway), cluster security group.
    placement: {
      vpc: props.cluster.vpc,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [props.cluster.clusterSecurityGroup],
    },
  });
}
