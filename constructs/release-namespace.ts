import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import { deployObjects } from './chart-manifest';

/**
 * The namespace of a Helm release as a Kubernetes object of the stack, instead of `helm --create-namespace`: Helm
 * never deletes a namespace it created, so switching the release off would leave it (and what controllers wrote into
 * it, such as leases and certificates). Make the release depend on it: it is created first and deleted last.
 */
export function releaseNamespace(
  scope: Construct,
  id: string,
  cluster: eks.ICluster,
  name: string,
): eks.KubernetesManifest {
  return deployObjects(scope, id, {
    cluster,
    objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }],
  });
}
