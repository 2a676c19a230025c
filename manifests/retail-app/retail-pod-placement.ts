import { ApiObject, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';
import { CLOUD_NODES_ONLY_AFFINITY } from '../cloud-node-affinity';

/**
 * Where a retail workload's pods may run: never on an EKS hybrid node, and on the nodes a module selects. In the
 * workshop the app is running before the hybrid node joins, so its pods are on EC2 nodes; the rule keeps them there
 * whatever the order the lab's resources are created in, so the hybrid node can join while the app starts.
 */
export function placeRetailPods(workload: Construct, nodeSelector: Readonly<Record<string, string>> = {}): void {
  const object = ApiObject.of(workload);
  object.addJsonPatch(JsonPatch.add('/spec/template/spec/affinity', CLOUD_NODES_ONLY_AFFINITY));
  if (Object.keys(nodeSelector).length > 0) {
    object.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', nodeSelector));
  }
}
