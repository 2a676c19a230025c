import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Chart } from 'cdk8s';
import type { Construct } from 'constructs';

export interface ChartManifestProps {
  readonly cluster: eks.ICluster;
  readonly chart: Chart;
}

export interface ObjectsManifestProps {
  readonly cluster: eks.ICluster;
  /** Kubernetes objects as JSON (`apiVersion`, `kind`, `metadata`, ...). */
  readonly objects: readonly Record<string, unknown>[];
}

/** The objects each manifest deployed through this file applies, for ordering passes that read them at synth. */
const DEPLOYED_OBJECTS = new WeakMap<eks.KubernetesManifest, readonly Record<string, unknown>[]>();

/**
 * Deploys Kubernetes objects as one kubectl-provider resource in `scope` (which may be a nested stack, unlike
 * `Cluster.addManifest`, which always puts the resource next to the cluster). `overwrite` makes creation use
 * `kubectl apply`, so a retried deployment does not fail on objects a failed attempt left behind.
 */
export function deployObjects(scope: Construct, id: string, props: ObjectsManifestProps): eks.KubernetesManifest {
  const manifest = new eks.KubernetesManifest(scope, id, {
    cluster: props.cluster,
    manifest: props.objects.map((object) => ({ ...object })),
    overwrite: true,
  });
  DEPLOYED_OBJECTS.set(manifest, props.objects);
  return manifest;
}

/** Deploys a cdk8s chart's objects (see {@link deployObjects}). */
export function deployChart(scope: Construct, id: string, props: ChartManifestProps): eks.KubernetesManifest {
  return deployObjects(scope, id, { cluster: props.cluster, objects: props.chart.toJson() });
}

/** The objects a manifest deployed with {@link deployObjects} applies (undefined for any other manifest). */
export function deployedObjectsOf(manifest: eks.KubernetesManifest): readonly Record<string, unknown>[] | undefined {
  return DEPLOYED_OBJECTS.get(manifest);
}
