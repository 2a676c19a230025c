import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Chart } from 'cdk8s';
import type { Construct } from 'constructs';

export interface ChartManifestProps {
  readonly cluster: eks.ICluster;
  readonly chart: Chart;
}

/**
 * Deploys a cdk8s chart as one kubectl-provider resource in `scope` (which may be a nested stack, unlike
 * `Cluster.addCdk8sChart`, which always puts the resource next to the cluster). `overwrite` makes creation use
 * `kubectl apply`, so a retried deployment does not fail on objects a failed attempt left behind.
 */
export function deployChart(scope: Construct, id: string, props: ChartManifestProps): eks.KubernetesManifest {
  return new eks.KubernetesManifest(scope, id, {
    cluster: props.cluster,
    manifest: props.chart.toJson(),
    overwrite: true,
  });
}
