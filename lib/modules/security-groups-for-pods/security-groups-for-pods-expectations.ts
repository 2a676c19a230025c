import { type CatalogNetwork, catalogNetwork } from './catalog-network';
import {
  CATALOG_DATABASE,
  CATALOG_POD_SECURITY_GROUP,
  CATALOG_RDS_SECURITY_GROUP,
  CLUSTER_DNS_RULE,
  POD_ENI_ANNOTATION,
  SECURITY_GROUPS_FOR_PODS,
} from './security-groups-for-pods-facts';
import { CATALOG_RDS_ACCESS } from '../../../manifests/security-groups-for-pods/catalog-rds-access-chart';
import {
  APP_CONTAINER_PORT,
  APP_SERVICES,
  CATALOG_ENDPOINT_KEY,
  DATA_STORES,
  serviceUrl,
} from '../../../manifests/retail-app/retail-app-components';
import { APP_LABEL, SERVICE_COMPONENT } from '../../../manifests/retail-app/retail-app-labels';
import { RETAIL_APP_CALLS } from '../../../manifests/retail-app/retail-app-calls';
import type { LabConfig } from '../../config/lab-config';
import { appCallExpectationId } from '../../verify/base-expectations';
import { CfnStackGraph, type ResourceAddress } from '../../verify/cfn-stack-references';
import { securityGroupReachabilityExpectation } from '../../verify/expectations/security-group-reachability-expectation';
import type {
  CheckOutcome,
  CommandResult,
  LabExpectation,
  LiveCommand,
  LiveContext,
} from '../../verify/lab-expectation';
import { curlArgs, curlFromDeployment } from '../../verify/expectations/connectivity-expectation';
import { classifyCurl, outcomeReached } from '../../verify/live/curl-outcome';
import { ALL_NODES_COMMAND } from '../../verify/expectations/aws-node-on-every-node';
import {
  type EventJson,
  instanceIdOfNode,
  kubeItems,
  type NodeJson,
  nodeName,
  type PodJson,
} from '../../verify/live/kube-objects';
import { isModuleEnabled } from '../../config/lab-config';
import { supportsSecurityGroupsForPods } from '../../instance-types/instance-types';
import { NODE_GROUP_LABEL } from '../../node-groups/node-group-plan';
import { CATALOG_NODE_SELECTOR, nodeGroupsThatCanRun } from './trunk-eni-node-groups';
import { synthesizedVpcCniAddon, vpcCniEnv } from '../../verify/vpc-cni-addon';
import { renderCfnValue } from '../../verify/cfn-template';
import { resolveTemplates, resourcesOfType } from '../../verify/nested-stack-parameters';
import {
  type ExternalSecurityGroup,
  externalGroupsFromDescribeSecurityGroups,
  SecurityGroupModel,
} from '../../verify/security-group-reachability';
import { findDeployedObjects, type SynthesizedOutput } from '../../verify/synthesized-lab';
import { aws, commandJson, kubectl } from '../../verify/live/live-commands';

const MODULE = SECURITY_GROUPS_FOR_PODS.key;
const WORKSHOP = 'eks-workshop-v2 networking/vpc-cni/security-groups-for-pods';
const CATALOG = APP_SERVICES.catalog;
const SERVICE_PODS = `${APP_LABEL.component}=${SERVICE_COMPONENT}`;

function describeSecurityGroups(filter: string): LiveCommand {
  return aws('ec2', 'describe-security-groups', '--filters', filter, '--output', 'json');
}

/** Shell run inside the catalog container: a TCP connect to the endpoint its ConfigMap names, with what exists. */
export const CATALOG_DATABASE_PROBE = [
  `ep="$${CATALOG_ENDPOINT_KEY}"; host="\${ep%:*}"; port="\${ep##*:}"; echo "target=$host:$port"`,
  'if command -v bash >/dev/null 2>&1; then timeout 5 bash -c \'exec 3<>"/dev/tcp/$0/$1"\' "$host" "$port"; rc=$?',
  'elif command -v nc >/dev/null 2>&1; then timeout 5 nc -z "$host" "$port"; rc=$?',
  'else echo "probe-tool=none"; exit 0; fi',
  'echo "probe-exit=$rc"',
].join('; ');

/** Shell run inside the catalog container: resolve the database host name through the cluster DNS. */
export const CATALOG_DNS_PROBE = [
  `ep="$${CATALOG_ENDPOINT_KEY}"; host="\${ep%:*}"`,
  'if command -v getent >/dev/null 2>&1; then getent hosts "$host"; else nslookup "$host"; fi',
].join('; ');

function catalogExec(script: string): LiveCommand {
  return kubectl(
    'exec',
    '-n',
    CATALOG.namespace,
    `deployment/${CATALOG.name}`,
    '-c',
    CATALOG.name,
    '--',
    'sh',
    '-c',
    script,
  );
}

const CATALOG_LOGS = kubectl(
  'logs',
  '-n',
  CATALOG.namespace,
  `deployment/${CATALOG.name}`,
  '-c',
  CATALOG.name,
  '--tail=500',
);

/**
 * The catalog's own start-up log (what the workshop reads): `Using mysql database <endpoint>` and `Database
 * migration complete` after a successful connection, `i/o timeout` when 3306 is filtered.
 */
export function interpretCatalogLogs(logs: CommandResult | undefined): CheckOutcome | undefined {
  if (!logs || logs.exitCode !== 0) return undefined;
  const using = /Using mysql database (\S+)/.exec(logs.stdout)?.[1];
  if (/i\/o timeout|failed to connect database/i.test(logs.stdout)) {
    return {
      pass: false,
      actual: `timed out (catalog log: ${logs.stdout
        .split('\n')
        .find((line) => /timeout|failed/i.test(line))
        ?.trim()})`,
    };
  }
  if (/Database migration complete/.test(logs.stdout)) {
    const rds = using !== undefined && using.includes('.rds.amazonaws.com');
    return {
      pass: rds,
      actual: rds
        ? `connected (catalog log: migrated database at ${using})`
        : `connected, but to ${using ?? 'an unknown database'}, not RDS`,
    };
  }
  return undefined;
}

/** Verdict of the TCP probe, or of the start-up log when the image has no shell or no probe tool. */
export function interpretCatalogDatabaseProbe(results: readonly CommandResult[]): CheckOutcome {
  const [probe, logs] = results;
  const text = `${probe?.stdout ?? ''}\n${probe?.stderr ?? ''}`;
  const target = /target=(\S+)/.exec(text)?.[1] ?? 'the database';
  const exit = /probe-exit=(\d+)/.exec(text)?.[1];
  if (probe?.exitCode === 0 && exit !== undefined) {
    if (exit === '0') {
      const rds = target.includes('.rds.amazonaws.com');
      return {
        pass: rds,
        actual: rds ? `connected to ${target}` : `connected to ${target}, which is not an RDS endpoint`,
      };
    }
    if (exit === '124')
      return { pass: false, actual: `timed out connecting to ${target} (security groups drop the traffic)` };
    if (/Name or service not known|bad address|not resolve/i.test(text))
      return { pass: false, actual: `DNS failure resolving ${target}` };
    if (/refused/i.test(text)) return { pass: false, actual: `connection refused by ${target}` };
    return { pass: false, actual: `probe failed with exit code ${exit}: ${text.trim().split('\n').pop()}` };
  }
  const fromLogs = interpretCatalogLogs(logs);
  const why =
    probe?.exitCode === 0
      ? 'no bash or nc in the catalog image'
      : `exec failed: ${(probe?.stderr ?? '').trim().split('\n').pop()}`;
  if (fromLogs) return { ...fromLogs, notes: [`probe could not run (${why}); verdict from the catalog start-up log`] };
  return { pass: false, actual: `could not run: ${why}, and the catalog log shows no connection attempt` };
}

export function interpretCatalogDns(results: readonly CommandResult[]): CheckOutcome {
  const [lookup, logs] = results;
  const address = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(lookup?.stdout ?? '')?.[1];
  if (lookup?.exitCode === 0 && address) {
    return {
      pass: true,
      actual: `resolved to ${address}`,
      notes: [
        'standard enforcing mode does not filter traffic to a CoreDNS pod on the same node: a pass may not exercise the DNS rule',
      ],
    };
  }
  const fromLogs = interpretCatalogLogs(logs);
  if (lookup?.exitCode !== 0 && fromLogs?.pass) {
    return {
      pass: true,
      actual: 'the catalog resolved and reached its database at start-up',
      notes: ['no getent or nslookup in the catalog image'],
    };
  }
  return {
    pass: false,
    actual: `lookup failed: ${`${lookup?.stdout ?? ''} ${lookup?.stderr ?? ''}`.trim() || 'no output'}`,
  };
}

interface PodListJson {
  readonly items?: readonly {
    readonly metadata: {
      readonly name: string;
      readonly deletionTimestamp?: string;
      readonly annotations?: Record<string, string>;
    };
    readonly status?: { readonly phase?: string };
  }[];
}

/** Every running catalog service pod carries the branch ENI annotation the VPC resource controller writes. */
export function interpretBranchEniAnnotation(results: readonly CommandResult[]): CheckOutcome {
  const list = commandJson<PodListJson>(results[0], 'kubectl');
  if (typeof list === 'string') return { pass: false, actual: list };
  const running = (list.items ?? []).filter(
    (pod) => !pod.metadata.deletionTimestamp && pod.status?.phase === 'Running',
  );
  if (running.length === 0)
    return { pass: false, actual: `no running pod with ${SERVICE_PODS} in namespace ${CATALOG.namespace}` };
  const described = running.map((pod) => {
    const raw = pod.metadata.annotations?.[POD_ENI_ANNOTATION];
    let eni: string | undefined;
    try {
      eni = raw ? (JSON.parse(raw) as { eniId?: string }[])[0]?.eniId : undefined;
    } catch {
      eni = undefined;
    }
    return { name: pod.metadata.name, eni };
  });
  const missing = described.filter((pod) => pod.eni === undefined);
  return missing.length === 0
    ? { pass: true, actual: described.map((pod) => `${pod.name}: branch ENI ${pod.eni}`).join(', ') }
    : { pass: false, actual: `no ${POD_ENI_ANNOTATION} annotation on ${missing.map((pod) => pod.name).join(', ')}` };
}

/**
 * The deployed groups, read with `aws ec2 describe-security-groups`, run through the same reachability analysis:
 * a pod with only the cluster security group must not reach the RDS group on 3306.
 */
export function interpretDeployedRdsIsolation(results: readonly CommandResult[], config: LabConfig): CheckOutcome {
  const groups: ExternalSecurityGroup[] = [];
  const ids: string[][] = [];
  for (const [index, result] of results.entries()) {
    const output = commandJson<unknown>(result, 'aws');
    if (typeof output === 'string') return { pass: false, actual: `command ${index + 1}: ${output}` };
    const parsed = externalGroupsFromDescribeSecurityGroups(output, 'aws ec2 describe-security-groups');
    groups.push(...parsed);
    ids.push(parsed.map((group) => group.key));
  }
  const [rds, pod, cluster] = ids;
  const missing = [
    [rds, `RDS group (tag Name=${config.clusterName}${CATALOG_RDS_SECURITY_GROUP.nameTagSuffix})`],
    [pod, `pod group (${config.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix})`],
    [cluster, `cluster security group (tag aws:eks:cluster-name=${config.clusterName})`],
  ].filter(([found]) => found.length !== 1);
  if (missing.length > 0)
    return { pass: false, actual: `expected exactly one ${missing.map(([, what]) => what).join(', ')}` };
  const model = SecurityGroupModel.fromTemplates([], { externalGroups: groups });
  const addresses = [config.vpcCidr, config.secondaryCidr];
  const database = { name: 'RDS', securityGroups: rds, addresses: [config.vpcCidr] };
  const other = model.canReach(
    { name: 'a pod with the cluster group', securityGroups: cluster, addresses },
    database,
    CATALOG_DATABASE.port,
    'tcp',
  );
  const catalog = model.canReach(
    { name: 'a catalog pod', securityGroups: pod, addresses },
    database,
    CATALOG_DATABASE.port,
    'tcp',
  );
  return {
    pass: other.blocked && catalog.allowed,
    actual: `${other.explanation}; ${catalog.explanation}`,
  };
}

function deployedIsolationCommands(context: LiveContext): LiveCommand[] {
  const name = context.clusterName;
  return [
    describeSecurityGroups(`Name=tag:Name,Values=${name}${CATALOG_RDS_SECURITY_GROUP.nameTagSuffix}`),
    describeSecurityGroups(`Name=group-name,Values=${name}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`),
    describeSecurityGroups(`Name=tag:aws:eks:cluster-name,Values=${name}`),
  ];
}

function databaseScenario(pick: (network: CatalogNetwork) => CatalogNetwork['catalogPod']) {
  return (lab: SynthesizedOutput) => {
    const network = catalogNetwork(lab);
    if (!network.catalogDatabase)
      return `the catalog does not use an RDS instance of the lab (${network.catalogEndpoint})`;
    return { model: network.model, from: pick(network), to: network.catalogDatabase, notes: network.notes };
  };
}

/** Whether `a` is created after `b`: a DependsOn path in a's template, to b or to the nested stack that holds b. */
export function createdAfter(graph: CfnStackGraph, a: ResourceAddress, b: ResourceAddress): boolean {
  let target: ResourceAddress | undefined = b;
  while (target && target.stackPath !== a.stackPath) target = graph.nestedStackResource(target.stackPath);
  if (!target) return false;
  const resources = graph.template(a.stackPath).Resources;
  const seen = new Set<string>();
  const queue = [a.logicalId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    const dependsOn = resources[current]?.DependsOn;
    const next = dependsOn === undefined ? [] : typeof dependsOn === 'string' ? [dependsOn] : [...dependsOn];
    if (next.includes(target.logicalId)) return true;
    queue.push(...next);
  }
  return false;
}

/** Offline: the policy selects the catalog pods with the group RDS admits, and the catalog is created after it. */
export function checkPolicyBeforeCatalog(lab: SynthesizedOutput): CheckOutcome {
  const network = catalogNetwork(lab);
  const policy = network.catalogPolicies.find(({ object }) => object.metadata.name === CATALOG_RDS_ACCESS.policyName);
  if (!policy)
    return { pass: false, actual: `no SecurityGroupPolicy ${CATALOG_RDS_ACCESS.policyName} selects the catalog pods` };
  const [catalog] = findDeployedObjects(lab, 'Deployment', CATALOG.name, CATALOG.namespace);
  if (!catalog) return { pass: false, actual: 'no catalog Deployment' };
  const graph = new CfnStackGraph(lab.templates);
  const ordered = createdAfter(graph, catalog, policy);
  const groups = network.catalogPod.securityGroups.map((key) => network.model.group(key)?.description ?? key);
  const admitted =
    network.catalogDatabase !== undefined &&
    network.model.canReach(network.catalogPod, network.catalogDatabase, network.catalogDatabase.port, 'tcp').allowed;
  return {
    pass: ordered && admitted,
    actual:
      `${CATALOG_RDS_ACCESS.policyName} gives the catalog pods ${groups.join(', ')}; ` +
      `${admitted ? 'the database admits it' : 'the database does not admit it'}; ` +
      `the catalog Deployment is ${ordered ? '' : 'NOT '}created after the policy`,
  };
}

/** Node label IPAMD adds when ENABLE_POD_ENI is on; the VPC resource controller sets it to true once the trunk is attached. */
export const HAS_TRUNK_ATTACHED_LABEL = 'vpc.amazonaws.com/has-trunk-attached';

/** `InterfaceType` of the ENI the VPC resource controller attaches to carry branch ENIs (named `aws-k8s-trunk-eni`). */
export const TRUNK_INTERFACE_TYPE = 'trunk';

/** Event the VPC resource controller's webhook records on a pod a SecurityGroupPolicy selects (workshop step 14). */
export const SECURITY_GROUP_REQUESTED_REASON = 'SecurityGroupRequested';

interface NetworkInterfaceJson {
  readonly NetworkInterfaceId?: string;
  readonly InterfaceType?: string;
  readonly Status?: string;
  readonly PrivateIpAddress?: string;
  readonly Attachment?: { readonly InstanceId?: string; readonly Status?: string };
  readonly Groups?: readonly { readonly GroupId?: string; readonly GroupName?: string }[];
}

function networkInterfaces(result: CommandResult | undefined): readonly NetworkInterfaceJson[] | string {
  const output = commandJson<{ NetworkInterfaces?: readonly NetworkInterfaceJson[] }>(result, 'aws');
  return typeof output === 'string' ? output : (output.NetworkInterfaces ?? []);
}

/** Node groups whose instance type can attach a trunk ENI: the VPC resource controller gives each of their nodes one. */
function trunkCapableNodeGroups(lab: SynthesizedOutput): string[] {
  return lab.plan.nodeGroups
    .filter((group) => supportsSecurityGroupsForPods(group.instanceType))
    .map((group) => group.name);
}

/** Offline: pod ENIs are on in the add-on, and every node group that can run the catalog pods can attach a trunk. */
export function checkTrunkCapableNodes(lab: SynthesizedOutput): CheckOutcome {
  const addon = synthesizedVpcCniAddon(lab.templates);
  const podEni = addon ? vpcCniEnv(addon.configuration).ENABLE_POD_ENI : undefined;
  const catalogGroups = nodeGroupsThatCanRun(lab.plan.nodeGroups, CATALOG_NODE_SELECTOR);
  const capable = trunkCapableNodeGroups(lab);
  const incapable = catalogGroups.filter((group) => !capable.includes(group.name));
  return {
    pass: podEni === 'true' && catalogGroups.length > 0 && incapable.length === 0,
    actual:
      `ENABLE_POD_ENI=${podEni ?? '(unset)'}; trunk-capable node groups: ${capable.join(', ') || 'none'}; ` +
      `catalog pods can run on ${catalogGroups.map((group) => `${group.name} (${group.instanceType.name})`).join(', ') || 'no node group'}` +
      (incapable.length > 0 ? `; no trunk ENI on ${incapable.map((group) => group.name).join(', ')}` : ''),
  };
}

/**
 * Live: every node of a trunk-capable node group carries `vpc.amazonaws.com/has-trunk-attached=true` and has an
 * ENI of type `trunk` attached to its instance.
 */
export function interpretTrunkInterfaces(
  results: readonly CommandResult[],
  trunkGroups: readonly string[],
): CheckOutcome {
  const nodes = kubeItems<NodeJson>(results[0]);
  if (typeof nodes === 'string') return { pass: false, actual: nodes };
  const interfaces = networkInterfaces(results[1]);
  if (typeof interfaces === 'string') return { pass: false, actual: interfaces };
  const trunkByInstance = new Map(
    interfaces
      .filter((eni) => eni.InterfaceType === TRUNK_INTERFACE_TYPE && eni.Attachment?.InstanceId !== undefined)
      .map((eni) => [eni.Attachment?.InstanceId, eni.NetworkInterfaceId]),
  );
  const candidates = nodes.filter((node) => trunkGroups.includes(node.metadata?.labels?.[NODE_GROUP_LABEL] ?? ''));
  if (candidates.length === 0)
    return { pass: false, actual: `no node of the trunk-capable node groups ${trunkGroups.join(', ') || '(none)'}` };
  const described = candidates.map((node) => {
    const label = node.metadata?.labels?.[HAS_TRUNK_ATTACHED_LABEL];
    const trunk = trunkByInstance.get(instanceIdOfNode(node));
    return { node: nodeName(node), label, trunk, ok: label === 'true' && trunk !== undefined };
  });
  return {
    pass: described.every((entry) => entry.ok),
    actual: described
      .map(
        (entry) =>
          `${entry.node}: ${HAS_TRUNK_ATTACHED_LABEL}=${entry.label ?? '(unset)'}, trunk ENI ${entry.trunk ?? 'none'}`,
      )
      .join('; '),
  };
}

function trunkInterfacesExpectation(): LabExpectation {
  return {
    id: `${MODULE}/trunk-eni-attached`,
    module: MODULE,
    subject: 'nodes of trunk-capable node groups',
    expected: `${HAS_TRUNK_ATTACHED_LABEL}=true and an ENI of type ${TRUNK_INTERFACE_TYPE} (aws-k8s-trunk-eni) on each`,
    source: `${WORKSHOP} index.md (trunk ENI aws-k8s-trunk-eni) and the EKS user guide (has-trunk-attached label)`,
    checkOffline: checkTrunkCapableNodes,
    live: {
      commands: () => [
        ALL_NODES_COMMAND,
        aws(
          'ec2',
          'describe-network-interfaces',
          '--filters',
          `Name=interface-type,Values=${TRUNK_INTERFACE_TYPE}`,
          '--output',
          'json',
        ),
      ],
      interpret: (results, context) => interpretTrunkInterfaces(results, trunkCapableNodeGroups(context.lab)),
    },
  };
}

/** `Pod will get the following Security Groups [sg-0a sg-0b]` -> the ids. */
function requestedGroups(message: string | undefined): string[] {
  return (/\[([^\]]*)\]/.exec(message ?? '')?.[1] ?? '').split(/[\s,]+/).filter((id) => id.startsWith('sg-'));
}

function branchEniOf(pod: PodJson): string | undefined {
  try {
    const raw = pod.metadata?.annotations?.[POD_ENI_ANNOTATION];
    return raw ? (JSON.parse(raw) as { eniId?: string }[])[0]?.eniId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Live: each running catalog service pod's branch ENI (from its `vpc.amazonaws.com/pod-eni` annotation) carries the
 * catalog pod security group, and its `SecurityGroupRequested` event, while the API server still keeps it, names
 * that group.
 */
export function interpretCatalogPodSecurityGroup(results: readonly CommandResult[], groupName: string): CheckOutcome {
  const pods = kubeItems<PodJson>(results[0]);
  if (typeof pods === 'string') return { pass: false, actual: pods };
  const events = kubeItems<EventJson>(results[1]);
  if (typeof events === 'string') return { pass: false, actual: events };
  const interfaces = networkInterfaces(results[2]);
  if (typeof interfaces === 'string') return { pass: false, actual: interfaces };
  const running = pods.filter(
    (pod) => pod.metadata?.deletionTimestamp === undefined && pod.status?.phase === 'Running',
  );
  if (running.length === 0) return { pass: false, actual: `no running catalog pod with ${SERVICE_PODS}` };
  const groupId = interfaces.flatMap((eni) => eni.Groups ?? []).find((group) => group.GroupName === groupName)?.GroupId;
  const withGroup = new Set(interfaces.map((eni) => eni.NetworkInterfaceId));
  const notes: string[] = [];
  const described = running.map((pod) => {
    const name = pod.metadata?.name ?? '';
    const eni = branchEniOf(pod);
    const requested = events
      .filter((event) => event.involvedObject?.name === name && event.reason === SECURITY_GROUP_REQUESTED_REASON)
      .flatMap((event) => requestedGroups(event.message));
    if (requested.length === 0)
      notes.push(
        `${name}: no ${SECURITY_GROUP_REQUESTED_REASON} event (the API server keeps events for 1 hour by default)`,
      );
    const eventOk = requested.length === 0 || (groupId !== undefined && requested.includes(groupId));
    const eniOk = eni !== undefined && withGroup.has(eni);
    return {
      ok: eniOk && eventOk,
      text:
        `${name}: branch ENI ${eni ?? '(no annotation)'} ${eniOk ? 'has' : 'does NOT have'} ${groupName}` +
        (requested.length > 0 ? `; event requested ${requested.join(' ')}` : ''),
    };
  });
  return {
    pass: described.every((entry) => entry.ok),
    actual: `${groupName} is ${groupId ?? 'not on any interface'}; ${described.map((entry) => entry.text).join('; ')}`,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * Offline: the policy gives the catalog pods the pod group (as security-group-policy-applied checks), and that group
 * is synthesized under the name the live check finds its interfaces by.
 */
export function checkCatalogPodGroupByName(lab: SynthesizedOutput, groupName: string): CheckOutcome {
  const policy = checkPolicyBeforeCatalog(lab);
  const names = resourcesOfType(resolveTemplates(lab.templates), 'AWS::EC2::SecurityGroup')
    .filter(({ resource }) => resource.Properties?.GroupDescription === CATALOG_POD_SECURITY_GROUP.description)
    .map(({ resource }) => renderCfnValue(resource.Properties?.GroupName));
  const named = names.length === 1 && names[0] === groupName;
  return {
    pass: policy.pass && named,
    actual: `${policy.actual}; pod group named ${names.join(', ') || '(none)'}${named ? '' : `, expected ${groupName}`}`,
  };
}

function catalogPodSecurityGroupExpectation(config: LabConfig): LabExpectation {
  return {
    id: `${MODULE}/catalog-pods-pod-security-group`,
    module: MODULE,
    subject: `catalog pods (${SERVICE_PODS}): branch ENI security groups and ${SECURITY_GROUP_REQUESTED_REASON} events`,
    expected: `each pod's branch ENI carries <cluster>${CATALOG_POD_SECURITY_GROUP.nameSuffix}; its event, if kept, names that group`,
    source: `${WORKSHOP} (steps 13 and 14: pod-eni annotation; kubectl get events -n catalog | grep ${SECURITY_GROUP_REQUESTED_REASON})`,
    checkOffline: (lab) =>
      checkCatalogPodGroupByName(lab, `${config.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`),
    live: {
      commands: (context) => [
        kubectl('get', 'pods', '-n', CATALOG.namespace, '-l', SERVICE_PODS, '-o', 'json'),
        kubectl(
          'get',
          'events',
          '-n',
          CATALOG.namespace,
          `--field-selector=reason=${SECURITY_GROUP_REQUESTED_REASON}`,
          '-o',
          'json',
        ),
        aws(
          'ec2',
          'describe-network-interfaces',
          '--filters',
          `Name=group-name,Values=${context.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`,
          '--output',
          'json',
        ),
      ],
      interpret: (results, context) =>
        interpretCatalogPodSecurityGroup(results, `${context.clusterName}${CATALOG_POD_SECURITY_GROUP.nameSuffix}`),
    },
  };
}

/**
 * Shell run in the ui container (it has only the cluster security group): ask the catalog for the database endpoint
 * it uses (`GET /topology`, retail-store-sample-app 1.2.1 src/catalog/main.go), then open a TCP connection to it
 * with the workshop's curl probe (the ui image ships curl-full for `telnet://`). One read-only exec, no endpoint to
 * know in advance.
 */
export const UI_DATABASE_PROBE = [
  `topology=$(curl -s --max-time 5 ${serviceUrl('catalog')}/topology)`,
  `case "$topology" in *'"databaseEndpoint":"'*) ;; *) echo "no databaseEndpoint in: $topology"; exit 3;; esac`,
  // The JSON value between `"databaseEndpoint":"` and the next quote, with shell parameter expansion only.
  'target=${topology#*\\"databaseEndpoint\\":\\"}; target=${target%%\\"*}',
  'echo "target=$target"',
  `${curlArgs('URL').slice(0, -1).join(' ')} "telnet://$target"`,
].join('; ');

function uiExec(script: string): LiveCommand {
  return kubectl('exec', '-n', APP_SERVICES.ui.namespace, 'deployment/ui', '-c', 'ui', '--', 'sh', '-c', script);
}

/**
 * Live: the same database endpoint, probed from the ui (cluster security group only) and from the catalog (pod
 * security group): the ui's attempt times out and the catalog's connects. A security group drops what it does not
 * admit, so a refused connection would mean the packets reached the database host: that is not isolation.
 */
export function interpretRdsOnlyFromPodGroup(
  results: readonly CommandResult[],
  caveats: readonly string[] = [],
): CheckOutcome {
  const [uiProbe, catalogProbe, catalogLogs] = results;
  const uiText = `${uiProbe?.stdout ?? ''}\n${uiProbe?.stderr ?? ''}`;
  const uiTarget = /target=(\S+)/.exec(uiText)?.[1];
  const catalog = interpretCatalogDatabaseProbe([catalogProbe, catalogLogs]);
  const catalogTarget = /target=(\S+)/.exec(`${catalogProbe?.stdout ?? ''}`)?.[1];
  if (!uiTarget) {
    const why = uiText.trim().split('\n').pop() ?? '';
    return {
      pass: false,
      actual: `ui probe could not find the database endpoint: ${why || `exit ${uiProbe?.exitCode}`}`,
      ...(caveats.length > 0 ? { notes: [...caveats] } : {}),
    };
  }
  const ui = classifyCurl(uiProbe);
  const uiVerdict =
    ui.outcome === 'timed-out'
      ? `ui -> ${uiTarget}: timed out (${ui.evidence})`
      : ui.outcome === 'refused'
        ? `ui -> ${uiTarget}: refused, so the packets reached the database host (${ui.evidence})`
        : `ui -> ${uiTarget}: ${ui.outcome} (${ui.evidence})`;
  const sameTarget = catalogTarget === undefined || catalogTarget === uiTarget;
  return {
    pass: ui.outcome === 'timed-out' && catalog.pass && sameTarget,
    actual:
      `${uiVerdict}; catalog: ${catalog.actual}` +
      (sameTarget ? '' : `; the catalog probed ${catalogTarget}, not ${uiTarget}`),
    ...(caveats.length + (catalog.notes?.length ?? 0) > 0 ? { notes: [...caveats, ...(catalog.notes ?? [])] } : {}),
  };
}

/** Why a live verdict of rds-only-from-pod-group may not be the security group's alone. */
const NETWORK_POLICIES_CAVEAT =
  'network-policies is on: the ui egress policy may drop the probe too (or, at the default-deny stage, its DNS ' +
  'lookups), so a live timeout does not single out the security group';

function rdsOnlyFromPodGroupExpectation(config: LabConfig): LabExpectation {
  const policies = isModuleEnabled(config, 'network-policies');
  return {
    id: `${MODULE}/rds-only-from-pod-group`,
    module: MODULE,
    subject: `TCP connect to the catalog RDS:${CATALOG_DATABASE.port} from ui (cluster group only) and from catalog (pod group)`,
    expected: 'ui times out; catalog connects',
    source: `${WORKSHOP} (steps 6-8: i/o timeout without the pod group; step 12: Database migration complete with it)`,
    checkOffline: (lab) => {
      // The ui pod is the probe's source: the same reachability analysis as other-pods-to-rds, for that pod.
      const network = catalogNetwork(lab);
      if (!network.catalogDatabase)
        return {
          pass: false,
          actual: `the catalog does not use an RDS instance of the lab (${network.catalogEndpoint})`,
        };
      const port = network.catalogDatabase.port;
      const ui = network.model.canReach(network.uiPod, network.catalogDatabase, port, 'tcp');
      const catalog = network.model.canReach(network.catalogPod, network.catalogDatabase, port, 'tcp');
      return {
        pass: ui.blocked && catalog.allowed,
        actual: `${ui.explanation}; ${catalog.explanation}`,
        notes: [...network.notes, ...(policies ? [NETWORK_POLICIES_CAVEAT] : [])],
      };
    },
    live: {
      commands: () => [uiExec(UI_DATABASE_PROBE), catalogExec(CATALOG_DATABASE_PROBE), CATALOG_LOGS],
      interpret: (results) => interpretRdsOnlyFromPodGroup(results, policies ? [NETWORK_POLICIES_CAVEAT] : []),
    },
  };
}

/** What `npm run verify` checks for the module (offline always; live with `--live`). */
/** The ui reaches the catalog in every moment (its pod security group, when it has one, admits 8080 from the VPC). */
const UI_TO_CATALOG: LabExpectation = securityGroupReachabilityExpectation({
  id: `${MODULE}/ui-to-catalog`,
  module: MODULE,
  subject: `ui pod -> catalog pod (pod security group)`,
  expect: 'allowed',
  ports: [{ port: APP_CONTAINER_PORT.number, protocol: 'tcp' }],
  scenario: (lab) => {
    const network = catalogNetwork(lab);
    return { model: network.model, from: network.uiPod, to: network.catalogPod, notes: network.notes };
  },
  source: `${WORKSHOP} (pod group: ${CATALOG_POD_SECURITY_GROUP.httpRuleDescription})`,
  live: {
    commands: () => [
      curlFromDeployment(APP_SERVICES.ui.namespace, 'ui', `${serviceUrl('catalog')}${CATALOG.liveness.path}`, 'ui'),
    ],
    interpret: (results) => {
      const classified = classifyCurl(results[0]);
      const reached = outcomeReached(classified.outcome);
      return { pass: reached === true, actual: `${classified.outcome}: ${classified.evidence}` };
    },
  },
});

/** The catalog's log shows the workshop's failure (step 7: `dial tcp ...:3306: i/o timeout`) while no policy applies. */
export function interpretCatalogTimesOut(results: readonly CommandResult[]): CheckOutcome {
  const logs = results[results.length - 1];
  const verdict = interpretCatalogLogs(logs);
  if (verdict === undefined) {
    return { pass: false, actual: `no timeout in the catalog log yet (${logs?.stderr.trim() || 'no failure logged'})` };
  }
  return { pass: !verdict.pass && verdict.actual.startsWith('timed out'), actual: verdict.actual };
}

export function securityGroupsForPodsExpectations(config: LabConfig): LabExpectation[] {
  const { stage } = config.securityGroupsForPods;
  const catalogMysql = DATA_STORES['catalog-mysql'];
  const catalogMysqlCall = RETAIL_APP_CALLS.find(
    (call) => call.from === 'catalog' && call.toService === catalogMysql.name,
  );
  const rdsPort = [{ port: CATALOG_DATABASE.port, protocol: 'tcp' as const }];
  // Every moment: trunk interfaces on the nodes and the ui reaching the catalog.
  const expectations: LabExpectation[] = [trunkInterfacesExpectation(), UI_TO_CATALOG];
  if (stage === 'in-cluster-db') return expectations;
  // Once the catalog uses RDS: the database is closed to pods with only the cluster group.
  expectations.push(
    securityGroupReachabilityExpectation({
      id: `${MODULE}/other-pods-to-rds`,
      module: MODULE,
      subject: 'pod with only the cluster security group -> catalog RDS',
      expect: 'blocked',
      ports: rdsPort,
      scenario: databaseScenario((network) => network.podWithNodeSecurityGroup),
      source: `${WORKSHOP} (steps 6-8: i/o timeout until the policy applies; RDS group admits only the pod group)`,
      live: {
        commands: deployedIsolationCommands,
        interpret: (results) => interpretDeployedRdsIsolation(results, config),
      },
    }),
  );
  if (stage === 'rds-without-policy') {
    expectations.push(
      securityGroupReachabilityExpectation({
        id: `${MODULE}/catalog-to-rds`,
        module: MODULE,
        subject: 'catalog pod (no SecurityGroupPolicy yet: the cluster security group) -> catalog RDS',
        expect: 'blocked',
        ports: rdsPort,
        scenario: databaseScenario((network) => network.catalogPod),
        source: `${WORKSHOP} (steps 6-7: rollout times out, catalog log "dial tcp ...:3306: i/o timeout")`,
        live: { commands: () => [CATALOG_LOGS], interpret: interpretCatalogTimesOut },
      }),
    );
    return expectations;
  }
  expectations.push(
    {
      id: `${MODULE}/security-group-policy-applied`,
      module: MODULE,
      subject: `SecurityGroupPolicy ${CATALOG.namespace}/${CATALOG_RDS_ACCESS.policyName} -> catalog pods (${SERVICE_PODS})`,
      expected: `catalog pods have a branch ENI (${POD_ENI_ANNOTATION}) with the catalog pod security group`,
      source: `${WORKSHOP} (steps 10-14)`,
      checkOffline: checkPolicyBeforeCatalog,
      live: {
        commands: () => [kubectl('get', 'pods', '-n', CATALOG.namespace, '-l', SERVICE_PODS, '-o', 'json')],
        interpret: interpretBranchEniAnnotation,
      },
    },
    securityGroupReachabilityExpectation({
      id: `${MODULE}/catalog-to-rds`,
      module: MODULE,
      subject: `catalog pod (pod security group) -> catalog RDS`,
      expect: 'allowed',
      ports: rdsPort,
      scenario: databaseScenario((network) => network.catalogPod),
      source: `${WORKSHOP} (step 12: Database migration complete)`,
      live: {
        commands: () => [catalogExec(CATALOG_DATABASE_PROBE), CATALOG_LOGS],
        interpret: interpretCatalogDatabaseProbe,
      },
    }),
    securityGroupReachabilityExpectation({
      id: `${MODULE}/catalog-dns`,
      module: MODULE,
      subject: 'catalog pod (pod security group) -> CoreDNS (cluster security group)',
      expect: 'allowed',
      ports: [
        { port: CLUSTER_DNS_RULE.port, protocol: 'udp' },
        { port: CLUSTER_DNS_RULE.port, protocol: 'tcp' },
      ],
      scenario: (lab) => {
        const network = catalogNetwork(lab);
        return { model: network.model, from: network.catalogPod, to: network.coreDns, notes: network.notes };
      },
      source: `${WORKSHOP} (.workshop/terraform: dns_udp, dns_tcp on the cluster security group)`,
      live: {
        commands: () => [catalogExec(CATALOG_DNS_PROBE), CATALOG_LOGS],
        interpret: interpretCatalogDns,
      },
    }),
    catalogPodSecurityGroupExpectation(config),
    rdsOnlyFromPodGroupExpectation(config),
  );
  if (catalogMysqlCall) {
    // The catalog no longer uses its in-cluster MySQL; with only the pod group its pods cannot reach it across
    // nodes. No live part: standard enforcing mode lets same-node traffic through, so a live answer depends on
    // where the scheduler put the two pods.
    expectations.push(
      securityGroupReachabilityExpectation({
        id: appCallExpectationId(catalogMysqlCall),
        module: MODULE,
        subject: `catalog pod (pod security group) -> ${catalogMysql.name} pod on another node`,
        expect: 'blocked',
        ports: [{ port: catalogMysql.port.number, protocol: 'tcp' }],
        scenario: (lab) => {
          const network = catalogNetwork(lab);
          return { model: network.model, from: network.catalogPod, to: network.catalogMysqlPod, notes: network.notes };
        },
        source:
          'security groups for pods: the catalog now reads RDS; catalog-mysql keeps running unused, as in the workshop',
      }),
    );
  }
  return expectations;
}
