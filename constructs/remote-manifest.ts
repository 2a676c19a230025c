import * as path from 'node:path';
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsCliLayer } from 'aws-cdk-lib/lambda-layer-awscli';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeManagedPolicies } from './nag-acknowledgements';

/** CloudFormation type of the resource (the base's custom resource timeouts apply to it). */
export const REMOTE_MANIFEST_RESOURCE_TYPE = 'Custom::RemoteKubernetesManifest';

export interface RemoteManifestProps {
  /** The cluster to apply to. It must have a kubectl provider: its role (cluster admin) runs the apply. */
  readonly cluster: eks.Cluster;
  /** The kubectl Lambda layer matching the cluster version (`kubectl` at `/opt/kubectl`). */
  readonly kubectlLayer: lambda.ILayerVersion;
  /** Stable name of the manifest (`gateway-api-standard`); changing the URL or checksum then updates in place. */
  readonly name: string;
  /** https URL of an immutable release asset (a YAML manifest). Read at deploy time, never at synth. */
  readonly url: string;
  /** Hex SHA-256 the file must have; a different file fails the deployment and nothing is applied. */
  readonly sha256: string;
  /**
   * Delete the manifest's objects when this resource is deleted (after everything that depends on it).
   * @default true
   */
  readonly deleteOnRemoval?: boolean;
  /**
   * Where the function runs. Give it the placement of the cluster's kubectl provider (aws-eks-v2 puts that in the
   * cluster's private subnets with the cluster security group when the endpoint is private too), so it reaches
   * the API server the same way and downloads through the VPC's NAT.
   * @default outside any VPC (public internet and the cluster's public endpoint)
   */
  readonly placement?: {
    readonly vpc: ec2.IVpc;
    readonly subnets: ec2.SubnetSelection;
    readonly securityGroups: readonly ec2.ISecurityGroup[];
  };
}

/**
 * A Kubernetes manifest applied at deploy time from a pinned release URL, verified by SHA-256 before anything is
 * applied, without vendoring the file and without network access at synth. The kubectl provider of aws-eks-v2
 * only applies manifests inlined in the template, which a multi-hundred-kilobyte CRD bundle would not fit
 * (CloudFormation templates are limited to 1 MB; custom resource responses to 4 KB), so a small Python function
 * with the same kubectl and AWS CLI layers downloads, verifies and applies it (`kubectl apply --server-side`),
 * then waits until its CustomResourceDefinitions are Established.
 *
 * The function runs as the cluster's kubectl provider role (already a cluster admin through an access entry, so
 * no second admin principal is created) and after the cluster's kubectl-ready barrier, like every kubectl
 * resource of aws-eks-v2.
 */
export class RemoteManifest extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: RemoteManifestProps) {
    super(scope, id);
    if (!/^[0-9a-f]{64}$/i.test(props.sha256))
      throw new Error(`RemoteManifest ${props.name}: sha256 must be 64 hex digits`);
    if (!props.url.startsWith('https://')) throw new Error(`RemoteManifest ${props.name}: url must be https`);
    const provider = eks.KubectlProvider.getKubectlProvider(this, props.cluster);
    if (!provider?.role) throw new Error(`RemoteManifest ${props.name}: the cluster has no kubectl provider role`);

    const handler = new lambda.Function(this, 'Handler', {
      description: `Applies ${props.url} to the cluster after checking its SHA-256`,
      runtime: lambda.Runtime.determineLatestPythonRuntime(this),
      handler: 'index.on_event',
      code: lambda.Code.fromAsset(path.join(__dirname, 'remote-manifest-handler')),
      layers: [new AwsCliLayer(this, 'AwsCliLayer'), props.kubectlLayer],
      role: provider.role,
      timeout: Duration.minutes(5),
      memorySize: 1024,
      environment: { AWS_STS_REGIONAL_ENDPOINTS: 'regional' },
      vpc: props.placement?.vpc,
      vpcSubnets: props.placement?.subnets,
      securityGroups: props.placement ? [...props.placement.securityGroups] : undefined,
    });
    const framework = new cr.Provider(this, 'Provider', { onEventHandler: handler });
    acknowledgeFinding(
      handler,
      'AwsSolutions-L1',
      "The runtime is aws-cdk-lib's determineLatestPythonRuntime, as for the aws-eks-v2 kubectl provider whose AWS CLI layer it shares.",
    );
    acknowledgeManagedPolicies(
      framework,
      ['service-role/AWSLambdaBasicExecutionRole'],
      'The custom resource framework function only writes its own log group with this managed policy.',
    );
    const handlerId = Stack.of(this).getLogicalId(handler.node.defaultChild as lambda.CfnFunction);
    acknowledgeFinding(
      framework,
      `AwsSolutions-IAM5[Resource::<${handlerId}.Arn>:*]`,
      'The custom resource framework may invoke any version of its own handler function (the :* qualifier); the statement names that one function.',
    );

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: framework.serviceToken,
      resourceType: REMOTE_MANIFEST_RESOURCE_TYPE,
      properties: {
        ClusterName: props.cluster.clusterName,
        Name: props.name,
        Url: props.url,
        Sha256: props.sha256.toLowerCase(),
        DeleteOnRemoval: String(props.deleteOnRemoval ?? true),
      },
    });
  }
}
