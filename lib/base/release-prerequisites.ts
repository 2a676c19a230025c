import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct, IDependable } from 'constructs';
import { CrdCleanup } from '../../constructs/crd-cleanup';
import { releaseNamespace } from '../../constructs/release-namespace';
import type { PartContract } from '../third-party/part-contract';

/** Namespaces that exist in every cluster: a release installed there creates none. */
const CLUSTER_NAMESPACES = new Set(['kube-system', 'default']);

export interface ReleasePrerequisitesProps {
  readonly cluster: eks.Cluster;
  readonly part: PartContract;
  readonly kubectlLayer: lambda.ILayerVersion;
}

/**
 * What a Helm part's release must depend on so that switching it off leaves nothing behind: its namespace as an
 * object of the stack (deleted after the release; Helm never deletes a namespace it created), and a cleanup of the
 * CRDs its contract says stay after uninstall (deleted after the release, so it runs once the chart is gone).
 */
export function releasePrerequisites(scope: Construct, id: string, props: ReleasePrerequisitesProps): IDependable[] {
  const { delivery } = props.part;
  if (delivery.type !== 'helm-chart') throw new Error(`${props.part.id} is not a Helm chart`);
  const prerequisites: IDependable[] = [];
  if (!CLUSTER_NAMESPACES.has(delivery.namespace)) {
    prerequisites.push(releaseNamespace(scope, `${id}Namespace`, props.cluster, delivery.namespace));
  }
  const groups = props.part.crdGroupsLeftOnUninstall.value;
  if (groups.length > 0) {
    prerequisites.push(
      new CrdCleanup(scope, `${id}CrdCleanup`, { cluster: props.cluster, kubectlLayer: props.kubectlLayer, groups })
        .resource,
    );
  }
  return prerequisites;
}
