import type { WebhookContract } from './part-contract';

/** A request an admission webhook may see: the object's kind and API group, its labels and its namespace's. */
export interface AdmissionRequest {
  readonly group: string;
  readonly kind: string;
  readonly operations: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly namespaceLabels: Readonly<Record<string, string>>;
}

/** Whether the webhook's rules cover the kind and one of the operations, and its selectors let the object through. */
export function webhookSees(webhook: WebhookContract, request: AdmissionRequest): boolean {
  const ruled = webhook.intercepts.some(
    (rule) =>
      rule.kind === request.kind &&
      rule.group === request.group &&
      rule.operations.some((operation) => request.operations.includes(operation)),
  );
  if (!ruled) return false;
  return webhook.selectors.every((selector) => {
    const labels = selector.on === 'object' ? request.labels : request.namespaceLabels;
    const value = labels[selector.label];
    const listed = value !== undefined && selector.values.includes(value);
    return selector.operator === 'In' ? listed : !listed;
  });
}

/** `group` and `version` of an `apiVersion` (`v1` is the core group). */
export function groupVersionOf(apiVersion: string): { readonly group: string; readonly version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Fail-closed webhooks block requests while their part is not serving; only those order a deploy. */
export function failClosed(webhooks: readonly WebhookContract[]): WebhookContract[] {
  return webhooks.filter((webhook) => webhook.failurePolicy === 'Fail');
}
