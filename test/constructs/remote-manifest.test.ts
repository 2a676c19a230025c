import { KubectlV31Layer } from '@aws-cdk/lambda-layer-kubectl-v31';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import {
  REMOTE_MANIFEST_FUNCTION_TIMEOUT,
  REMOTE_MANIFEST_LIMITS,
  REMOTE_MANIFEST_RESOURCE_TYPE,
  REMOTE_MANIFEST_SERVICE_TIMEOUT,
  RemoteManifest,
  type RemoteManifestProps,
  remoteManifestWorstCase,
} from '../../constructs/remote-manifest';
import { SERVICE_TIMEOUT_PROPERTY } from '../../constructs/custom-resource-timeouts';

const SHA = 'AB'.repeat(32);

function clusterStack(withKubectl = true) {
  const stack = new Stack();
  const layer = new KubectlV31Layer(stack, 'Layer');
  const cluster = new eks.Cluster(stack, 'Cluster', {
    version: eks.KubernetesVersion.V1_31,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    defaultCapacity: 0,
    kubectlProviderOptions: withKubectl ? { kubectlLayer: layer } : undefined,
  });
  return { stack, layer, cluster };
}

const { stack, layer, cluster } = clusterStack();
const manifest = new RemoteManifest(stack, 'Crds', {
  cluster,
  kubectlLayer: layer,
  name: 'crds-v1',
  url: 'https://example.com/releases/v1/crds.yaml',
  sha256: SHA,
});
const template = Template.fromStack(stack);
const handler = Object.values(
  template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'remote_manifest.on_event' } }),
);

describe('RemoteManifest', () => {
  test('pins the manifest by URL and lower-case SHA-256 under a stable name, deleting its objects on removal by default', () => {
    template.hasResourceProperties(REMOTE_MANIFEST_RESOURCE_TYPE, {
      ClusterName: stack.resolve(cluster.clusterName),
      Name: 'crds-v1',
      Url: 'https://example.com/releases/v1/crds.yaml',
      Sha256: SHA.toLowerCase(),
      DeleteOnRemoval: 'true',
    });
  });

  test('runs a Python handler with the AWS CLI and kubectl layers as the cluster kubectl provider role', () => {
    expect(handler).toHaveLength(1);
    const properties = handler[0].Properties;
    expect(properties.Runtime).toMatch(/^python3\.\d+$/);
    expect(properties.Layers).toHaveLength(2);
    expect(properties.Layers).toContainEqual(stack.resolve(layer.layerVersionArn));
    expect(properties.Role).toEqual(stack.resolve(cluster.kubectlProvider!.role!.roleArn));
  });

  test('runs outside the VPC, reaching the cluster through its public endpoint', () => {
    expect(handler[0].Properties.VpcConfig).toBeUndefined();
  });

  test('the worst case counts every download attempt timing out, the back-off, login, apply and the CRD wait', () => {
    // 3 x 60 s downloads + 2 s + 4 s back-off + 60 s login + 60 s apply + 120 s wait.
    expect(remoteManifestWorstCase().toSeconds()).toBe(3 * 60 + 6 + 60 + 60 + 120);
    expect(remoteManifestWorstCase({ ...REMOTE_MANIFEST_LIMITS, downloadAttempts: 1 }).toSeconds()).toBe(
      60 + 60 + 60 + 120,
    );
  });

  test('the function outlasts the handler worst case and CloudFormation outlasts the function', () => {
    const properties = handler[0].Properties;
    expect(properties.Timeout).toBeGreaterThan(remoteManifestWorstCase().toSeconds());
    expect(properties.Timeout).toBe(REMOTE_MANIFEST_FUNCTION_TIMEOUT.toSeconds());
    const [resource] = Object.values(template.findResources(REMOTE_MANIFEST_RESOURCE_TYPE));
    expect(resource.Properties[SERVICE_TIMEOUT_PROPERTY]).toBe(REMOTE_MANIFEST_SERVICE_TIMEOUT.toSeconds());
    expect(REMOTE_MANIFEST_SERVICE_TIMEOUT.toSeconds()).toBeGreaterThan(properties.Timeout);
  });

  test('passes the step bounds to the handler', () => {
    expect(handler[0].Properties.Environment.Variables).toMatchObject({
      DOWNLOAD_ATTEMPTS: '3',
      DOWNLOAD_TIMEOUT_SECONDS: '60',
      KUBECTL_TIMEOUT_SECONDS: '60',
      ESTABLISHED_TIMEOUT_SECONDS: '120',
    });
  });

  test('is created after the cluster kubectl-ready barrier, like aws-eks-v2 kubectl resources', () => {
    const barrier = stack.getLogicalId(cluster.node.findChild('KubectlReadyBarrier') as never);
    const [resource] = Object.values(template.findResources(REMOTE_MANIFEST_RESOURCE_TYPE));
    expect(resource.DependsOn).toContain(barrier);
    expect(manifest.resource.node.path).toContain('Crds');
  });

  test.each([
    ['a checksum that is not 64 hex digits', { sha256: 'abc' }, 'RemoteManifest x: sha256 must be 64 hex digits'],
    ['a URL that is not https', { url: 'http://example.com/x.yaml' }, 'RemoteManifest x: url must be https'],
  ])('fails with %s', (_case, override, message) => {
    const fixture = clusterStack();
    const props: RemoteManifestProps = {
      cluster: fixture.cluster,
      kubectlLayer: fixture.layer,
      name: 'x',
      url: 'https://example.com/x.yaml',
      sha256: SHA,
      ...override,
    };
    expect(() => new RemoteManifest(fixture.stack, 'Bad', props)).toThrow(message);
  });

  test('fails when the cluster has no kubectl provider', () => {
    const fixture = clusterStack(false);
    expect(
      () =>
        new RemoteManifest(fixture.stack, 'NoKubectl', {
          cluster: fixture.cluster,
          kubectlLayer: fixture.layer,
          name: 'x',
          url: 'https://e.com/x',
          sha256: SHA,
        }),
    ).toThrow('Default/NoKubectl: the cluster has no kubectl provider role');
  });
});
