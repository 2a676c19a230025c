import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import { deployedObjectsOf } from '../../constructs/chart-manifest';
import { NAMESPACE_NAME_LABEL } from '../../manifests/well-known-labels';
import type { PartContract } from '../third-party/part-contract';
import { partForHelmChart } from '../third-party/third-party-parts';
import { failClosed, groupVersionOf, webhookSees } from '../third-party/webhook-matching';

interface ObjectJson {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
}

/**
 * Orders every Kubernetes manifest and Helm release that a fail-closed admission webhook of an installed part sees
 * (creating, or deleting, an object it intercepts) after that part's release, so the webhook serves before the
 * first request reaches it and still serves when the object is deleted. The webhooks come from the parts'
 * contracts (lib/third-party); an intercepted request before the part is ready fails the deployment with "no
 * endpoints available for service ..." (kubernetes-sigs/aws-load-balancer-controller#4140).
 */
export function orderAfterFailClosedWebhooks(root: Construct): void {
  const all = root.node.findAll();
  const charts = all
    .filter((construct): construct is eks.HelmChart => construct instanceof eks.HelmChart)
    .map((chart) => ({ chart, part: partForHelmChart(chart.chart, chart.repository) }))
    .filter((entry): entry is { chart: eks.HelmChart; part: PartContract } => entry.part !== undefined);
  const manifests = all
    .filter((construct): construct is eks.KubernetesManifest => construct instanceof eks.KubernetesManifest)
    .map((manifest) => {
      const objects = deployedObjectsOf(manifest);
      if (!objects) {
        throw new Error(
          `${manifest.node.path}: deploy Kubernetes objects with deployObjects/deployChart so the admission ordering can read them`,
        );
      }
      return { manifest, objects: objects as unknown as readonly ObjectJson[] };
    });
  const namespaceLabels = new Map<string, Record<string, string>>();
  for (const { objects } of manifests) {
    for (const object of objects) {
      if (object.kind === 'Namespace') namespaceLabels.set(object.metadata.name, { ...(object.metadata.labels ?? {}) });
    }
  }
  const labelsOfNamespace = (name: string | undefined) => ({
    ...(namespaceLabels.get(name ?? 'default') ?? {}),
    [NAMESPACE_NAME_LABEL]: name ?? 'default',
  });

  for (const gate of charts) {
    for (const webhook of failClosed(gate.part.webhooks)) {
      for (const { manifest, objects } of manifests) {
        const seen = objects.some((object) =>
          webhookSees(webhook, {
            ...groupVersionOf(object.apiVersion),
            kind: object.kind,
            operations: ['CREATE', 'DELETE'],
            labels: object.metadata.labels ?? {},
            namespaceLabels: labelsOfNamespace(object.metadata.namespace),
          }),
        );
        if (seen) manifest.node.addDependency(gate.chart);
      }
      for (const other of charts) {
        if (other === gate || other.part.delivery.type !== 'helm-chart') continue;
        const namespace = other.part.delivery.namespace;
        const seen = other.part.creates.value.some((kind) =>
          webhookSees(webhook, {
            group: kind.group,
            kind: kind.kind,
            operations: ['CREATE'],
            labels: {},
            namespaceLabels: labelsOfNamespace(namespace),
          }),
        );
        if (seen) other.chart.node.addDependency(gate.chart);
      }
    }
  }
}
