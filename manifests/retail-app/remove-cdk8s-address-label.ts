import { ApiObject, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * cdk8s-plus stamps pod templates with `cdk8s.io/metadata.addr` even when `select: false`. The workshop's pods
 * carry exactly their documented labels (network policies and checks select on them), so the stamp is removed.
 */
export function removeCdk8sAddressLabel(workload: Construct): void {
  ApiObject.of(workload).addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
}
