import type { ResourceAddress } from './cfn-stack-references';
import { renderCfnValue } from './cfn-template';
import { addressKey, DeployOrder } from './deploy-order';
import type { KubernetesObjectJson, SynthesizedOutput } from './synthesized-lab';
import { type KindRef, kindLabel, type PartContract } from '../third-party/part-contract';
import { failClosed, groupVersionOf, webhookSees } from '../third-party/webhook-matching';
import { withdrawnImage } from '../third-party/withdrawn-images';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE, NAMESPACE_NAME_LABEL } from '../../manifests/well-known-labels';

/** API groups the Kubernetes API server serves itself (no part installs them). */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'autoscaling',
  'coordination.k8s.io',
  'discovery.k8s.io',
]);

/**
 * Kinds the EKS control plane installs with the cluster: SecurityGroupPolicy comes with the EKS-managed VPC
 * resource controller (EKS user guide, "Assign security groups to individual pods").
 */
export const CONTROL_PLANE_KINDS: readonly KindRef[] = [
  { group: 'vpcresources.k8s.aws', version: 'v1beta1', kind: 'SecurityGroupPolicy' },
];

/** A part as deployed in one configuration: its contract and the resource that installs it. */
export interface DeployedPart {
  readonly part: PartContract;
  readonly address: ResourceAddress;
  /** Helm values, for Helm charts. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Helm `Wait`, for Helm charts. */
  readonly waits?: boolean;
  readonly version?: string;
}

/** Something the deploy must do that it does not do, named so a reader knows what breaks on AWS. */
export interface Obligation {
  readonly rule:
    | 'contract'
    | 'version'
    | 'required-crd'
    | 'object-crd'
    | 'webhook-order'
    | 'webhook-wait'
    | 'placement'
    | 'hook-image';
  readonly message: string;
}

const kindKey = (kind: KindRef) => `${kind.group}/${kind.version}/${kind.kind}`;

/** What the analysis reads of a synthesized lab: its templates and the objects and releases they deploy. */

/** Finds the contract of every Helm release, EKS add-on and remote manifest in the templates. */
export function deployedParts(
  lab: SynthesizedOutput,
  contracts: readonly PartContract[],
): { readonly parts: DeployedPart[]; readonly missing: Obligation[] } {
  const parts: DeployedPart[] = [];
  const missing: Obligation[] = [];
  for (const release of lab.helmReleases) {
    const part = contracts.find(
      (candidate) =>
        candidate.delivery.type === 'helm-chart' &&
        candidate.delivery.chart === release.chart &&
        candidate.delivery.repository === release.repository,
    );
    if (!part) {
      missing.push({
        rule: 'contract',
        message: `Helm chart ${release.chart} (${release.repository}) has no contract`,
      });
      continue;
    }
    const resource = lab.templates.find((t) => t.stackPath === release.stackPath)!.template.Resources[
      release.logicalId
    ];
    parts.push({
      part,
      address: { stackPath: release.stackPath, logicalId: release.logicalId },
      values: release.values,
      waits: resource.Properties?.Wait === true,
      version: release.version,
    });
  }
  for (const { stackPath, template } of lab.templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      const properties = resource.Properties ?? {};
      let part: PartContract | undefined;
      let what: string | undefined;
      let version: string | undefined;
      if (resource.Type === 'AWS::EKS::Addon') {
        const name = renderCfnValue(properties.AddonName);
        what = `EKS add-on ${name}`;
        version = properties.AddonVersion === undefined ? undefined : renderCfnValue(properties.AddonVersion);
        part = contracts.find((c) => c.delivery.type === 'eks-addon' && c.delivery.addonName === name);
      } else if (typeof properties.Url === 'string' && typeof properties.Sha256 === 'string') {
        what = `remote manifest ${properties.Url}`;
        part = contracts.find((c) => c.delivery.type === 'remote-manifest' && c.delivery.url === properties.Url);
      }
      if (what === undefined) continue;
      if (!part) missing.push({ rule: 'contract', message: `${what} has no contract` });
      else parts.push({ part, address: { stackPath, logicalId }, version });
    }
  }
  return { parts, missing };
}

/** Where each kind is installed: the parts' CRDs, and the cluster itself for the control plane's kinds. */
function providers(lab: SynthesizedOutput, parts: readonly DeployedPart[]): Map<string, ResourceAddress[]> {
  const byKind = new Map<string, ResourceAddress[]>();
  const add = (kind: KindRef, address: ResourceAddress) =>
    byKind.set(kindKey(kind), [...(byKind.get(kindKey(kind)) ?? []), address]);
  for (const deployed of parts) for (const kind of deployed.part.providesCrds.value) add(kind, deployed.address);
  for (const { stackPath, template } of lab.templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type === 'AWS::EKS::Cluster')
        for (const kind of CONTROL_PLANE_KINDS) add(kind, { stackPath, logicalId });
    }
  }
  return byKind;
}

interface ManifestObject {
  readonly object: KubernetesObjectJson;
  readonly address: ResourceAddress;
}

function labelsOf(object: KubernetesObjectJson): Readonly<Record<string, string>> {
  return (object.metadata.labels as Record<string, string> | undefined) ?? {};
}

/** Labels of a namespace: the lab's Namespace objects, or only the name label Kubernetes sets on every namespace. */
function namespaceLabels(lab: SynthesizedOutput, namespace: string | undefined): Readonly<Record<string, string>> {
  const name = namespace ?? 'default';
  const declared = lab.kubernetesObjects.find(
    ({ object }) => object.kind === 'Namespace' && object.metadata.name === name,
  );
  return { ...(declared ? labelsOf(declared.object) : {}), [NAMESPACE_NAME_LABEL]: name };
}

function atPath(values: Readonly<Record<string, unknown>> | undefined, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

/** The node affinity found at a values path, whether it is a pod `affinity` or a bare `nodeAffinity`. */
function requiredComputeTypeRule(value: unknown): { operator: string; values: readonly string[] } | undefined {
  const record = value as Record<string, unknown> | undefined;
  const nodeAffinity = (record?.nodeAffinity ?? record) as
    | {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values: string[] }[] }[];
        };
      }
    | undefined;
  const terms = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const expressions = terms.flatMap((term) => term.matchExpressions ?? []);
  return expressions.find((expression) => expression.key === COMPUTE_TYPE_LABEL);
}

export interface ObligationOptions {
  /** Whether the configuration has hybrid nodes (placement then matters). */
  readonly hybridNodes: boolean;
}

/**
 * What the contracts of the deployed parts require of this configuration's deploy, checked against the synthesized
 * templates: parts and objects after the CRDs they need, everything a fail-closed webhook intercepts after that
 * webhook's part (which must wait until ready), parts kept where they can run, no hook image known to be gone, and a
 * contract for every part. An empty list means the deploy meets every contract.
 */
export function partObligations(
  lab: SynthesizedOutput,
  contracts: readonly PartContract[],
  options: ObligationOptions,
): Obligation[] {
  const found: Obligation[] = [];
  const { parts, missing } = deployedParts(lab, contracts);
  found.push(...missing);
  const order = new DeployOrder(lab.templates);
  const byKind = providers(lab, parts);
  const before = (later: ResourceAddress, earlier: readonly ResourceAddress[] | undefined) =>
    (earlier ?? []).some((address) => order.createdAfter(later, address));

  for (const deployed of parts) {
    const { part } = deployed;
    if (
      deployed.version !== undefined &&
      part.delivery.type === 'helm-chart' &&
      deployed.version !== part.version.pinned
    ) {
      found.push({
        rule: 'version',
        message: `${part.id} is installed at ${deployed.version}, its contract pins ${part.version.pinned}`,
      });
    }
    for (const kind of part.needs.crds.value) {
      if (!before(deployed.address, byKind.get(kindKey(kind)))) {
        found.push({
          rule: 'required-crd',
          message: `${part.id} needs ${kindLabel(kind)} at start-up, and no part installs it before ${part.id}`,
        });
      }
    }
    for (const image of part.hookImages) {
      const gone = withdrawnImage(image.image);
      if (gone)
        found.push({ rule: 'hook-image', message: `${part.id}'s ${image.hook} hook runs ${image.image}: ${gone}` });
    }
    if (part.needs.podIdentity && part.placement.required !== 'cloud-nodes') {
      found.push({ rule: 'placement', message: `${part.id} needs EKS Pod Identity but may run on hybrid nodes` });
    }
    if (options.hybridNodes && part.delivery.type === 'helm-chart' && part.placement.required !== 'anywhere') {
      const wanted = part.placement.required === 'cloud-nodes' ? 'NotIn' : 'In';
      for (const path of part.placement.affinityValuePaths) {
        const rule = requiredComputeTypeRule(atPath(deployed.values, path));
        if (!rule || rule.operator !== wanted || !rule.values.includes(HYBRID_COMPUTE_TYPE)) {
          found.push({
            rule: 'placement',
            message: `${part.id} must run on ${part.placement.required} but its values at ${path} do not require ${COMPUTE_TYPE_LABEL} ${wanted} [${HYBRID_COMPUTE_TYPE}]`,
          });
        }
      }
    }
  }

  const objects: ManifestObject[] = lab.kubernetesObjects.map(({ object, stackPath, logicalId }) => ({
    object,
    address: { stackPath, logicalId },
  }));
  for (const { object, address } of objects) {
    const { group, version } = groupVersionOf(object.apiVersion);
    if (BUILT_IN_GROUPS.has(group)) continue;
    const kind = { group, version, kind: object.kind };
    if (!before(address, byKind.get(kindKey(kind)))) {
      found.push({
        rule: 'object-crd',
        message: `${object.kind} ${object.metadata.name} (${object.apiVersion}) is applied before any part installs ${kindLabel(kind)}`,
      });
    }
  }

  for (const webhookPart of parts) {
    for (const webhook of failClosed(webhookPart.part.webhooks)) {
      const mustFollow: { what: string; address: ResourceAddress }[] = [];
      for (const { object, address } of objects) {
        const request = {
          ...groupVersionOf(object.apiVersion),
          kind: object.kind,
          operations: ['CREATE', 'DELETE'],
          labels: labelsOf(object),
          namespaceLabels: namespaceLabels(lab, object.metadata.namespace),
        };
        if (!webhookSees(webhook, request)) continue;
        mustFollow.push({ what: `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`, address });
      }
      for (const other of parts) {
        if (addressKey(other.address) === addressKey(webhookPart.address)) continue;
        const namespace = other.part.delivery.type === 'helm-chart' ? other.part.delivery.namespace : undefined;
        const created = other.part.creates.value.filter((kind) =>
          webhookSees(webhook, {
            group: kind.group,
            kind: kind.kind,
            operations: ['CREATE'],
            labels: {},
            namespaceLabels: namespaceLabels(lab, namespace),
          }),
        );
        if (created.length > 0)
          mustFollow.push({
            what: `${other.part.id} (creates ${created.map((k) => k.kind).join(', ')})`,
            address: other.address,
          });
      }
      for (const { what, address } of mustFollow) {
        if (!order.createdAfter(address, webhookPart.address)) {
          found.push({
            rule: 'webhook-order',
            message: `${webhook.name} (${webhookPart.part.id}, failurePolicy Fail) intercepts ${what}, which is not created after ${webhookPart.part.id}`,
          });
        }
      }
      if (mustFollow.length > 0 && webhookPart.waits !== true) {
        found.push({
          rule: 'webhook-wait',
          message: `${webhookPart.part.id} serves fail-closed ${webhook.name} for later objects but is installed without waiting until ready`,
        });
      }
    }
  }
  return found;
}
