/**
 * The runtime contract of a third-party part the lab installs (a Helm chart, an EKS add-on, a manifest applied from
 * a release URL, a binary the hybrid host downloads): what it needs before it starts, what it registers, what its
 * hooks run, where it may be scheduled and which Kubernetes versions it supports, each fact with where it was read.
 * Ordering, affinity, version checks and `npm run verify` are derived from these facts, so a new part or a version
 * bump that would bring back a start-up crash, a webhook race or a hanging uninstall fails the tests.
 */

/** Where a fact was read: a file of a repository at a tag, or a documentation page. */
export type FactSource =
  { readonly repository: string; readonly ref: string; readonly path: string } | { readonly url: string };

/** A fact and its source. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: FactSource;
}

/** A Kubernetes kind by API group and version (`''` is the core group). */
export interface KindRef {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** How a part is delivered. */
export type PartDelivery =
  | {
      readonly type: 'helm-chart';
      readonly repository: string;
      readonly chart: string;
      readonly release: string;
      readonly namespace: string;
    }
  | { readonly type: 'eks-addon'; readonly addonName: string }
  | { readonly type: 'remote-manifest'; readonly url: string; readonly sha256: string }
  | { readonly type: 'host-download'; readonly url: string };

/** Object selectors of an admission webhook, reduced to what decides whether it intercepts an object. */
export interface SelectorExclusion {
  /** Objects (or namespaces) carrying one of these labels with one of these values are not intercepted. */
  readonly label: string;
  readonly values: readonly string[];
  /** `object`: the webhook's objectSelector; `namespace`: its namespaceSelector. */
  readonly on: 'object' | 'namespace';
  /**
   * `NotIn`: objects with the label in `values` are skipped (everything else is intercepted);
   * `In`: only objects with the label in `values` are intercepted (opt-in webhooks).
   */
  readonly operator: 'NotIn' | 'In';
}

/** One admission webhook a part registers. */
export interface WebhookContract {
  readonly name: string;
  readonly type: 'mutating' | 'validating';
  /** What it intercepts: API group, resource (plural) and kind, and the operations. */
  readonly intercepts: readonly {
    readonly group: string;
    readonly resource: string;
    readonly kind: string;
    readonly operations: readonly ('CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT')[];
  }[];
  /** `Fail`: while the webhook's pods are not serving, every intercepted request is rejected. */
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly selectors: readonly SelectorExclusion[];
  /** The Service that serves it (no endpoints before the part's pods are Ready). */
  readonly service: string;
  readonly source: FactSource;
}

/** Where a part's pods may run in a cluster that also has hybrid nodes. */
export type Placement = 'cloud-nodes' | 'hybrid-nodes' | 'anywhere';

export interface PartPlacement {
  /** Where the part must run for the lab to work. */
  readonly required: Placement;
  readonly reason: string;
  /** Helm values paths where the lab sets the affinity that enforces it (`affinity`, `webhook.affinity`). */
  readonly affinityValuePaths: readonly string[];
  readonly source: FactSource;
}

/** An image a Helm hook or job of the chart runs (pre-delete cleanup, CRD migration, ...). */
export interface HookImage {
  readonly image: string;
  readonly hook: string;
  readonly source: FactSource;
}

/** The pinned version and what was current in its line when it was checked. */
export interface PartVersion {
  /** The version the lab installs (chart version, add-on version or release tag). */
  readonly pinned: string;
  /** The app (controller) version the pinned chart installs, when it differs. */
  readonly appVersion?: string;
  /** Newest release on the day it was checked, and where that was read. */
  readonly newestAvailable: Sourced<string>;
  /** ISO date the versions were checked. */
  readonly checkedOn: string;
  /** The workshop's version, when the lab deviates from it, and why. */
  readonly workshop?: { readonly version: string; readonly whyDifferent: string };
}

/**
 * Inclusive range of Kubernetes minor versions (`1.31`) the pinned version supports. Where a project states no
 * upper bound, the maximum is the newest version it is built or tested against (the minor of its client-go): the
 * lab does not run a part on a Kubernetes it has never seen.
 */
export interface KubernetesSupport {
  readonly min: string;
  readonly max: string;
  /** How the range was read (a compatibility matrix, a documented minimum, the client-go version). */
  readonly basis: string;
  readonly source: FactSource;
}

/** A part's runtime contract. */
export interface PartContract {
  /** Stable id (`aws-load-balancer-controller`). */
  readonly id: string;
  readonly title: string;
  readonly delivery: PartDelivery;
  readonly version: PartVersion;
  /** What must exist before it starts. */
  readonly needs: {
    /** CRDs it reads at start-up (missing: it exits, or its install fails). */
    readonly crds: Sourced<readonly KindRef[]>;
    /** Needs schedulable nodes for its pods before its install can finish. */
    readonly nodes: boolean;
    /** Gets AWS credentials from EKS Pod Identity (the agent add-on and an association first). */
    readonly podIdentity: boolean;
    readonly note?: string;
  };
  /** CRDs it installs (objects of these kinds may only be created after it). */
  readonly providesCrds: Sourced<readonly KindRef[]>;
  /** Kinds of objects its installation creates (a fail-closed webhook of another part may intercept them). */
  readonly creates: Sourced<readonly KindRef[]>;
  readonly webhooks: readonly WebhookContract[];
  readonly hookImages: readonly HookImage[];
  readonly placement: PartPlacement;
  readonly kubernetes: KubernetesSupport;
  /**
   * API groups whose CRDs stay after the part is uninstalled (a chart's `crds/` directory, or CRDs its controller
   * creates at run time): switching the part off deletes them after the release.
   */
  readonly crdGroupsLeftOnUninstall: Sourced<readonly string[]>;
  /** Label selector of the part's Deployments in its namespace (Helm charts), for the live readiness check. */
  readonly deploymentSelector?: string;
  /**
   * Whether the lab waits for the install to be ready (Helm `--wait`). Required for a part whose webhooks or CRDs
   * something else depends on.
   */
  readonly waitsUntilReady: boolean;
}

/** `group/version, Kind=kind`, as kubectl prints it. */
export function kindLabel(kind: KindRef): string {
  return `${kind.group === '' ? '' : `${kind.group}/`}${kind.version} ${kind.kind}`;
}

/** The source as one line (`repo@ref:path` or the URL). */
export function sourceLabel(source: FactSource): string {
  return 'url' in source ? source.url : `${source.repository}@${source.ref}:${source.path}`;
}
