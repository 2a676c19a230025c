import type { CheckOutcome, CommandResult, LabExpectation, LiveCheck, LiveCommand } from '../lab-expectation';
import { aws, commandJson, kubectl } from '../live/live-commands';
import { type Obligation, partObligations } from '../part-obligations';
import type { SynthesizedOutput } from '../synthesized-lab';
import { installedVersion } from '../../third-party/eks-addon-versions';
import { kindLabel, type PartContract, sourceLabel } from '../../third-party/part-contract';
import { THIRD_PARTY_PARTS } from '../../third-party/third-party-parts';
import { failClosed } from '../../third-party/webhook-matching';

/** The obligations of each synthesized lab, computed once for all its part expectations. */
const OBLIGATIONS = new WeakMap<SynthesizedOutput, Obligation[]>();

function obligationsOf(lab: SynthesizedOutput): Obligation[] {
  let found = OBLIGATIONS.get(lab);
  if (!found) {
    found = partObligations(lab, THIRD_PARTY_PARTS, { hybridNodes: lab.config.modules.includes('hybrid-nodes') });
    OBLIGATIONS.set(lab, found);
  }
  return found;
}

/** Id prefix of the part expectations (`parts/<part id>`). */
export const PARTS_MODULE = 'parts';

/** The contract facts the deploy relies on, one line each, for the report's notes. */
export function contractFacts(part: PartContract): string[] {
  const { needs } = part;
  const facts = [
    `version ${part.version.pinned}${part.version.appVersion ? ` (app ${part.version.appVersion})` : ''}; newest ${part.version.newestAvailable.value} on ${part.version.checkedOn}`,
    `Kubernetes ${part.kubernetes.min}-${part.kubernetes.max}: ${part.kubernetes.basis}`,
  ];
  if (needs.crds.value.length > 0) facts.push(`needs at start-up: ${needs.crds.value.map(kindLabel).join(', ')}`);
  if (needs.podIdentity) facts.push('gets AWS credentials from EKS Pod Identity');
  for (const webhook of failClosed(part.webhooks)) {
    const kinds = webhook.intercepts.map((rule) => `${rule.kind} ${rule.operations.join('/')}`).join(', ');
    const optIn = webhook.selectors.filter((selector) => selector.operator === 'In');
    const scope = optIn.map(
      (selector) => ` where ${selector.on} label ${selector.label} is ${selector.values.join('|')}`,
    );
    facts.push(
      `fail-closed webhook ${webhook.name} (${kinds}${scope.join('')}): what it sees is created after this part`,
    );
  }
  if (part.placement.required !== 'anywhere')
    facts.push(`runs on ${part.placement.required}: ${part.placement.reason}`);
  for (const hook of part.hookImages) facts.push(`${hook.hook} hook image ${hook.image}`);
  if (part.version.workshop)
    facts.push(`workshop: ${part.version.workshop.version}; ${part.version.workshop.whyDifferent}`);
  return facts;
}

interface DeploymentList {
  readonly items: readonly {
    readonly metadata: { readonly name: string };
    readonly spec?: { readonly replicas?: number };
    readonly status?: { readonly readyReplicas?: number };
  }[];
}

interface EndpointSliceList {
  readonly items: readonly { readonly endpoints?: readonly { readonly conditions?: { readonly ready?: boolean } }[] }[];
}

/** Deployments of a Helm chart Ready, and every fail-closed webhook's Service backed by a ready endpoint. */
function helmChartLiveCheck(part: PartContract, namespace: string, selector: string): LiveCheck {
  const webhooks = failClosed(part.webhooks);
  const services = [...new Set(webhooks.map((webhook) => webhook.service))];
  return {
    commands: (): LiveCommand[] => [
      kubectl('get', 'deployments', '-n', namespace, '-l', selector, '-o', 'json'),
      ...services.map((service) =>
        kubectl('get', 'endpointslices', '-n', namespace, '-l', `kubernetes.io/service-name=${service}`, '-o', 'json'),
      ),
    ],
    interpret: (results: readonly CommandResult[]): CheckOutcome => {
      const deployments = commandJson<DeploymentList>(results[0], 'kubectl');
      if (typeof deployments === 'string') return { pass: false, actual: deployments };
      const states = deployments.items.map(
        (item) => `${item.metadata.name} ${item.status?.readyReplicas ?? 0}/${item.spec?.replicas ?? 1}`,
      );
      const ready =
        deployments.items.length > 0 &&
        deployments.items.every((item) => (item.status?.readyReplicas ?? 0) >= (item.spec?.replicas ?? 1));
      const answering = services.map((service, index) => {
        const slices = commandJson<EndpointSliceList>(results[index + 1], 'kubectl');
        const count =
          typeof slices === 'string'
            ? 0
            : slices.items.flatMap((slice) => slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false)
                .length;
        return { service, count };
      });
      const webhooksUp = answering.every(({ count }) => count > 0);
      const actual = [
        deployments.items.length === 0 ? 'no Deployment found' : states.join(', '),
        ...answering.map(({ service, count }) => `webhook Service ${service}: ${count} ready endpoint(s)`),
      ].join('; ');
      return { pass: ready && webhooksUp, actual };
    },
  };
}

interface AddonDescription {
  readonly addon?: { readonly status?: string; readonly addonVersion?: string };
}

function addonLiveCheck(addonName: string): LiveCheck {
  return {
    commands: (context) => [
      aws(
        'eks',
        'describe-addon',
        '--cluster-name',
        context.clusterName,
        '--addon-name',
        addonName,
        '--output',
        'json',
      ),
    ],
    interpret: (results) => {
      const description = commandJson<AddonDescription>(results[0], 'aws');
      if (typeof description === 'string') return { pass: false, actual: description };
      const { status, addonVersion } = description.addon ?? {};
      return { pass: status === 'ACTIVE', actual: `${status ?? 'no status'} ${addonVersion ?? ''}`.trim() };
    },
  };
}

interface ApiResourceList {
  readonly resources?: readonly { readonly kind: string }[];
}

/** Every kind the part installs is served by the API server. */
function servedKindsLiveCheck(part: PartContract): LiveCheck {
  const groupVersions = [...new Set(part.providesCrds.value.map((kind) => `${kind.group}/${kind.version}`))];
  return {
    commands: () => groupVersions.map((groupVersion) => kubectl('get', '--raw', `/apis/${groupVersion}`)),
    interpret: (results) => {
      const missing = part.providesCrds.value.filter((kind) => {
        const list = commandJson<ApiResourceList>(
          results[groupVersions.indexOf(`${kind.group}/${kind.version}`)],
          'kubectl',
        );
        return typeof list === 'string' || !(list.resources ?? []).some((resource) => resource.kind === kind.kind);
      });
      return missing.length === 0
        ? { pass: true, actual: `${part.providesCrds.value.length} kinds served` }
        : { pass: false, actual: `not served: ${missing.map(kindLabel).join(', ')}` };
    },
  };
}

function liveCheckOf(part: PartContract): LiveCheck | undefined {
  const { delivery } = part;
  if (delivery.type === 'helm-chart' && part.deploymentSelector) {
    return helmChartLiveCheck(part, delivery.namespace, part.deploymentSelector);
  }
  if (delivery.type === 'eks-addon') return addonLiveCheck(delivery.addonName);
  if (delivery.type === 'remote-manifest') return servedKindsLiveCheck(part);
  return undefined;
}

/**
 * What `npm run verify` says of a third-party part: offline, that the synthesized deploy meets its contract (with
 * the contract facts the ordering relies on as notes); live, that its controllers are Ready and its fail-closed
 * webhooks have endpoints (or the add-on is ACTIVE, or its kinds are served).
 */
export function partExpectation(part: PartContract, module: string, kubernetesVersion: string): LabExpectation {
  return {
    id: `${PARTS_MODULE}/${part.id}`,
    module,
    subject: `${part.title} ${installedVersion(part, kubernetesVersion)}`,
    expected: 'its runtime contract holds',
    source: sourceLabel(part.kubernetes.source),
    checkOffline: (lab: SynthesizedOutput): CheckOutcome => {
      const broken = obligationsOf(lab).filter((obligation) => obligation.message.includes(part.id));
      return {
        pass: broken.length === 0,
        actual: broken.length === 0 ? 'ordering, placement and images as the contract requires' : broken[0].message,
        notes: [...broken.slice(1).map((obligation) => obligation.message), ...contractFacts(part)],
      };
    },
    live: liveCheckOf(part),
  };
}
