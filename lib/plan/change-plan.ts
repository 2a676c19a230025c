import { estimateCreate, estimateDelete, type DeployEstimate } from './deploy-estimate';
import { NAME_PROPERTIES } from './resource-specification';
import { diffTemplates, type ResourceChange } from './template-diff';
import type { LabConfig } from '../config/lab-config';
import { addressKey } from '../verify/deploy-order';
import type { LabTemplate } from '../verify/cfn-template';
import { labNodeGroupName } from '../verify/node-group-resources';

/** Something about a change that breaks a deployed lab or that a learner should know before deploying it. */
export interface Hazard {
  /** `refused`: CloudFormation or EKS rejects it, or it leaves a stack stuck; `notice`: it works, but takes effect this way. */
  readonly severity: 'refused' | 'notice';
  readonly kind:
    | 'named-replacement'
    | 'base-replacement'
    | 'permission-removed-before-cleanup'
    | 'kubernetes-version'
    | 'rolling-nodes';
  readonly message: string;
}

export interface ChangePlan {
  readonly changes: readonly ResourceChange[];
  readonly hazards: readonly Hazard[];
  /** Typical time of the update: the added and changed resources, then the removed ones (the cleanup phase). */
  readonly update: DeployEstimate;
  readonly cleanup: DeployEstimate;
}

/** A synthesized configuration as the plan compares it. */
export interface PlannedLab {
  readonly config: LabConfig;
  readonly templates: readonly LabTemplate[];
}

const ROOT_BASE_TYPES = new Set(['AWS::EKS::Cluster', 'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EKS::Nodegroup']);
const IAM_TYPES = new Set(['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']);

function nameOf(change: ResourceChange, which: 'before' | 'after'): string | undefined {
  const property = NAME_PROPERTIES[change.type];
  const value = property ? change[which]?.Properties?.[property] : undefined;
  return value === undefined ? undefined : JSON.stringify(value);
}

/** Managed policy ARNs and statements a role or policy grants, as comparable strings. */
function grants(resource: ResourceChange['before']): Set<string> {
  const properties = resource?.Properties ?? {};
  const found = new Set<string>();
  for (const arn of (properties.ManagedPolicyArns as unknown[] | undefined) ?? []) found.add(JSON.stringify(arn));
  const documents = [
    properties.PolicyDocument,
    ...((properties.Policies as { PolicyDocument?: unknown }[] | undefined) ?? []).map((p) => p.PolicyDocument),
  ];
  for (const document of documents) {
    for (const statement of ((document as { Statement?: unknown[] } | undefined)?.Statement ?? []) as unknown[]) {
      found.add(JSON.stringify(statement));
    }
  }
  return found;
}

const minor = (version: string) => Number(version.split('.')[1]);

/** What CloudFormation does, and what could go wrong, when the deployed lab `before` is deployed as `after`. */
export function planChange(before: PlannedLab, after: PlannedLab): ChangePlan {
  const changes = diffTemplates(before.templates, after.templates);
  const hazards: Hazard[] = [];
  for (const change of changes) {
    if (change.action !== 'replace') continue;
    const name = nameOf(change, 'after');
    if (name !== undefined && name === nameOf(change, 'before')) {
      hazards.push({
        severity: 'refused',
        kind: 'named-replacement',
        message: `${change.address.logicalId} (${change.type}) would be replaced under the same name ${name} (changed: ${change.replacedBy.join(', ')}); CloudFormation refuses to replace a custom-named resource`,
      });
    }
    if (change.address.stackPath === after.templates[0].stackPath && ROOT_BASE_TYPES.has(change.type)) {
      hazards.push({
        severity: 'refused',
        kind: 'base-replacement',
        message: `${change.address.logicalId} (${change.type}) of the base would be replaced (changed: ${change.replacedBy.join(', ')})`,
      });
    }
  }
  // The cleanup phase (deleting removed resources, modules' nested stacks among them) runs after every update:
  // a permission an update removes is gone while the cleanup still needs it.
  const removesSomething = changes.some((change) => change.action === 'delete');
  if (removesSomething) {
    for (const change of changes) {
      if (change.action !== 'update' || !IAM_TYPES.has(change.type)) continue;
      const kept = grants(change.after);
      const lost = [...grants(change.before)].filter((grant) => !kept.has(grant));
      if (lost.length > 0) {
        hazards.push({
          severity: 'refused',
          kind: 'permission-removed-before-cleanup',
          message: `${change.address.logicalId} (${change.type}) loses ${lost.length} permission(s) in the update phase, before the cleanup phase deletes what they may still be needed for: ${lost.join('; ')}`,
        });
      }
    }
  }
  const from = before.config.kubernetesVersion.version;
  const to = after.config.kubernetesVersion.version;
  if (minor(to) < minor(from) || minor(to) > minor(from) + 1) {
    hazards.push({
      severity: 'refused',
      kind: 'kubernetes-version',
      message: `kubernetesVersion ${from} -> ${to}: EKS upgrades a cluster one minor version at a time and never downgrades it`,
    });
  }
  // A node group follows its launch template's LatestVersionNumber (a GetAtt): a changed launch template updates
  // the node group although its own properties read the same.
  const changedLaunchTemplates = new Set(
    changes
      .filter((change) => change.type === 'AWS::EC2::LaunchTemplate' && change.action === 'update')
      .map((change) => addressKey(change.address)),
  );
  for (const { stackPath, template } of after.templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::EKS::Nodegroup') continue;
      const own = changes.find(
        (change) => change.action === 'update' && addressKey(change.address) === addressKey({ stackPath, logicalId }),
      );
      const launchTemplate = (resource.Properties?.LaunchTemplate as { Id?: { Ref?: string } } | undefined)?.Id?.Ref;
      const why = [
        own?.properties.includes('Version') ? 'Kubernetes version' : undefined,
        launchTemplate && changedLaunchTemplates.has(addressKey({ stackPath, logicalId: launchTemplate }))
          ? 'launch template (VPC CNI mode)'
          : undefined,
      ].filter((reason): reason is string => reason !== undefined);
      if (why.length > 0) {
        hazards.push({
          severity: 'notice',
          kind: 'rolling-nodes',
          message: `node group ${labNodeGroupName(resource)}: EKS replaces its nodes in a rolling update (${why.join(', ')})`,
        });
      }
    }
  }
  const changed = new Set(
    changes.filter((change) => change.action !== 'delete').map((change) => addressKey(change.address)),
  );
  const removed = new Set(
    changes.filter((change) => change.action === 'delete').map((change) => addressKey(change.address)),
  );
  return {
    changes,
    hazards,
    update: estimateCreate(after.templates, changed),
    cleanup: estimateDelete(before.templates, removed),
  };
}
