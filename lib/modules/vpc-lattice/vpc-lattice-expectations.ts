import { GATEWAY_API_STANDARD_CRDS } from './gateway-api-crds';
import { LATTICE_CONTROLLER_CHART } from './lattice-controller';
import { VPC_LATTICE_KEYS } from './vpc-lattice-settings';
import { APP_SERVICES, DATA_STORES } from '../../../manifests/retail-app/retail-app-components';
import { CHECKOUT_SERVICE } from '../../../manifests/vpc-lattice/checkout-target-policies-chart';
import {
  CHECKOUT_REDIS_URL_ENV,
  CHECKOUT_ROUTE_NAME,
  CHECKOUT_V2_NAMESPACE,
  GATEWAY_NAMESPACE,
  LATTICE_ASSIGNED_DOMAIN_ANNOTATION,
  LATTICE_GATEWAY_CLASS,
  UI_CHECKOUT_ENDPOINT_ANNOTATION,
  UI_CHECKOUT_ENDPOINT_ENV,
} from '../../../manifests/vpc-lattice/vpc-lattice-names';
import type { LabConfig } from '../../config/lab-config';
import { connectivityExpectation } from '../../verify/expectations/connectivity-expectation';
import {
  crossNamespaceGrantExpectation,
  routeBackendsExpectation,
  routeSplitExpectation,
} from '../../verify/expectations/gateway-route-expectations';
import type {
  CheckOutcome,
  CommandResult,
  LabExpectation,
  LiveCommand,
  LiveContext,
} from '../../verify/lab-expectation';
import { findKubernetesObjects, type SynthesizedOutput } from '../../verify/synthesized-lab';
import { aws, commandJson, kubectl } from '../../verify/live/live-commands';
import { renderCfnValue } from '../../verify/cfn-template';
import { findRoute, type KubeObject, routeBackendRefs } from '../../verify/gateway-api-routes';
import { resolveTemplates, resourcesOfType } from '../../verify/nested-stack-parameters';
import { binomialRange, DEFAULT_SIGMAS } from '../../verify/live/binomial-tolerance';
import { workshopOutputId } from '../../workshop/workshop-variable';

export const MODULE = 'vpc-lattice';

/** Root stack output with the route's Lattice DNS name (read by the live check when credentials allow). */
/** The workshop's variable for the route's URL (scheme included), a root output (lib/workshop). */
export const CHECKOUT_ROUTE_DNS_VARIABLE = 'CHECKOUT_ROUTE_DNS';
export const CHECKOUT_ROUTE_DNS_OUTPUT = workshopOutputId(CHECKOUT_ROUTE_DNS_VARIABLE);

/** What a Lattice-generated service DNS name looks like (workshop step 10: `<route>-<ns>-<hex>.<hex>.vpc-lattice-svcs.<region>.on.aws`). */
export const LATTICE_DNS_PATTERN = /^[a-z0-9-]+\.[a-z0-9]+\.vpc-lattice-svcs\.[a-z0-9-]+\.on\.aws$/;

const ROUTE = { namespace: GATEWAY_NAMESPACE, name: CHECKOUT_ROUTE_NAME };
const REDIS = DATA_STORES['checkout-redis'];
const WORKSHOP = 'eks-workshop-v2 networking/vpc-lattice';

function controllerExpectation(): LabExpectation {
  const { namespace, deployment, replicas, version, chart } = LATTICE_CONTROLLER_CHART;
  return {
    id: `${MODULE}/controller-ready`,
    module: MODULE,
    subject: `Deployment ${namespace}/${deployment} (${chart} ${version})`,
    expected: `${replicas}/${replicas} ready`,
    source: `${WORKSHOP} setup.md (kubectl get deployment -n ${namespace})`,
    checkOffline: (lab: SynthesizedOutput): CheckOutcome => {
      const release = lab.helmReleases.find((candidate) => candidate.release === LATTICE_CONTROLLER_CHART.release);
      if (!release) return { pass: false, actual: 'no Helm release of the controller' };
      const values = release.values as { deployment?: { replicas?: number } };
      const pinned = release.version === version && release.repository === LATTICE_CONTROLLER_CHART.repository;
      const actual = `${release.repository} ${release.version} in ${release.namespace}, ${values.deployment?.replicas ?? '?'} replicas`;
      return { pass: pinned && release.namespace === namespace && values.deployment?.replicas === replicas, actual };
    },
    live: {
      commands: () => [
        kubectl(
          'get',
          'deployment',
          deployment,
          '-n',
          namespace,
          '-o',
          'jsonpath={.status.readyReplicas}/{.spec.replicas}',
        ),
      ],
      interpret: (results: readonly CommandResult[]): CheckOutcome => {
        const text = results[0].stdout.trim();
        if (results[0].exitCode !== 0) return { pass: false, actual: results[0].stderr.trim() || 'not found' };
        return { pass: text === `${replicas}/${replicas}`, actual: `${text} ready` };
      },
    },
  };
}

function crdsExpectation(): LabExpectation {
  return {
    id: `${MODULE}/gateway-api-crds`,
    module: MODULE,
    subject: `Gateway API standard CRDs ${GATEWAY_API_STANDARD_CRDS.version}`,
    expected: `installed from the release, SHA-256 ${GATEWAY_API_STANDARD_CRDS.sha256.slice(0, 12)}...`,
    source: `${WORKSHOP} setup.md`,
    checkOffline: (lab: SynthesizedOutput): CheckOutcome => {
      const found = lab.templates.flatMap(({ template }) =>
        Object.values(template.Resources).filter(
          (resource) =>
            resource.Properties?.Url === GATEWAY_API_STANDARD_CRDS.url &&
            resource.Properties?.Sha256 === GATEWAY_API_STANDARD_CRDS.sha256,
        ),
      );
      return found.length === 1
        ? { pass: true, actual: `${GATEWAY_API_STANDARD_CRDS.url} pinned by SHA-256` }
        : { pass: false, actual: `${found.length} resources install ${GATEWAY_API_STANDARD_CRDS.url}` };
    },
    live: {
      commands: () => [
        kubectl(
          'get',
          'crd',
          ...GATEWAY_API_STANDARD_CRDS.crds,
          '-o',
          'jsonpath={range .items[*]}{.metadata.annotations.gateway\\.networking\\.k8s\\.io/bundle-version}{"\\n"}{end}',
        ),
      ],
      interpret: (results: readonly CommandResult[]): CheckOutcome => {
        if (results[0].exitCode !== 0) return { pass: false, actual: results[0].stderr.trim() || 'CRDs missing' };
        const versions = results[0].stdout.trim().split('\n').filter(Boolean);
        const pass =
          versions.length === GATEWAY_API_STANDARD_CRDS.crds.length &&
          versions.every((version) => version === GATEWAY_API_STANDARD_CRDS.version);
        return { pass, actual: `${versions.length} CRDs, bundle versions ${[...new Set(versions)].join(', ')}` };
      },
    },
  };
}

/** The ui's checkout endpoint in the synthesized ui ConfigMap and pod template. */
function uiEndpointOutcome(lab: SynthesizedOutput): CheckOutcome {
  const { name, namespace } = APP_SERVICES.ui;
  const [configMap] = findKubernetesObjects(lab, 'ConfigMap', name, namespace);
  const [deployment] = findKubernetesObjects(lab, 'Deployment', name, namespace);
  const endpoint = (configMap?.data as Record<string, string> | undefined)?.[UI_CHECKOUT_ENDPOINT_ENV];
  const template = (
    deployment?.spec as { template?: { metadata?: { annotations?: Record<string, string> } } } | undefined
  )?.template;
  const annotation = template?.metadata?.annotations?.[UI_CHECKOUT_ENDPOINT_ANNOTATION];
  if (endpoint === undefined) return { pass: false, actual: `ui ConfigMap has no ${UI_CHECKOUT_ENDPOINT_ENV}` };
  // The DNS name only exists at deploy time: offline it is the placeholder of the value read from the route.
  const fromRoute = /^http:\/\/\$\{GetAtt:[^}]*CheckoutRouteDns[^}]*\}$/.test(endpoint);
  const rolled = annotation === endpoint;
  return {
    pass: fromRoute && rolled,
    actual: `${UI_CHECKOUT_ENDPOINT_ENV}=${endpoint}; pod annotation ${rolled ? 'carries it (rollout on change)' : `is ${annotation ?? 'missing'}`}`,
  };
}

function routeDnsCommands(context: LiveContext): LiveCommand[] {
  const routeUrl = context.stackOutputs[CHECKOUT_ROUTE_DNS_OUTPUT];
  const curl = ['curl', '-s', '--connect-timeout', '5', '--max-time', '10'];
  return [
    kubectl(
      'get',
      'httproutes.gateway.networking.k8s.io',
      CHECKOUT_ROUTE_NAME,
      '-n',
      GATEWAY_NAMESPACE,
      '-o',
      `jsonpath={.metadata.annotations.${LATTICE_ASSIGNED_DOMAIN_ANNOTATION.replace(/\./g, '\\.')}}`,
    ),
    kubectl('get', 'configmap', 'ui', '-n', 'ui', '-o', `jsonpath={.data.${UI_CHECKOUT_ENDPOINT_ENV}}`),
    // Workshop step 11: the route's Lattice DNS answers /health from the ui pod. Without the stack outputs the
    // endpoint the ui itself is configured with is used (the same value once deployed).
    routeUrl
      ? kubectl('exec', '-n', 'ui', 'deploy/ui', '--', ...curl, `${routeUrl}/health`)
      : kubectl(
          'exec',
          '-n',
          'ui',
          'deploy/ui',
          '--',
          'sh',
          '-c',
          `${curl.join(' ')} "$${UI_CHECKOUT_ENDPOINT_ENV}/health"`,
        ),
  ];
}

function routeDnsInterpret(results: readonly CommandResult[]): CheckOutcome {
  const [annotation, endpoint, health] = results;
  const dns = annotation.stdout.trim();
  if (annotation.exitCode !== 0 || dns === '')
    return { pass: false, actual: `route not programmed: no ${LATTICE_ASSIGNED_DOMAIN_ANNOTATION} annotation` };
  const notes: string[] = [];
  if (!LATTICE_DNS_PATTERN.test(dns)) notes.push(`${dns} does not look like a VPC Lattice service name`);
  const uiEndpoint = endpoint.stdout.trim();
  if (uiEndpoint !== `http://${dns}`)
    return {
      pass: false,
      actual: `ui ${UI_CHECKOUT_ENDPOINT_ENV} is ${uiEndpoint || 'unset'}, not http://${dns}`,
      notes,
    };
  let status: unknown;
  try {
    status = (JSON.parse(health.stdout.trim()) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  const answer = health.stdout.trim() || health.stderr.trim() || `exit code ${health.exitCode}`;
  return { pass: health.exitCode === 0 && status === 'ok', actual: `http://${dns}/health from ui: ${answer}`, notes };
}

function routeDnsExpectation(): LabExpectation {
  return {
    id: `${MODULE}/ui-uses-route`,
    module: MODULE,
    subject: `ui -> HTTPRoute ${GATEWAY_NAMESPACE}/${CHECKOUT_ROUTE_NAME} Lattice DNS /health`,
    expected: `${UI_CHECKOUT_ENDPOINT_ENV}=http://<route DNS>, answering {"status":"ok"}`,
    source: `${WORKSHOP} testing-routing.md steps 10-12 (section 6 item 7 fixed: the key the ui reads)`,
    checkOffline: uiEndpointOutcome,
    live: { commands: routeDnsCommands, interpret: routeDnsInterpret },
  };
}

interface GatewayJson {
  readonly status?: {
    readonly conditions?: readonly { readonly type: string; readonly status: string; readonly message?: string }[];
  };
}

/** Workshop steps 4-5: the Gateway is Programmed, mapped to the service network of the same name. */
function gatewayProgrammedExpectation(config: LabConfig): LabExpectation {
  const name = config.clusterName;
  return {
    id: `${MODULE}/gateway-programmed`,
    module: MODULE,
    subject: `Gateway ${GATEWAY_NAMESPACE}/${name} (class ${LATTICE_GATEWAY_CLASS})`,
    expected: `Programmed True, on service network ${name}`,
    source: `${WORKSHOP} service-network.md (kubectl wait --for=condition=Programmed gateway/${name} -n ${GATEWAY_NAMESPACE})`,
    checkOffline: (lab: SynthesizedOutput): CheckOutcome => {
      const [gateway] = findKubernetesObjects(lab, 'Gateway', name, GATEWAY_NAMESPACE);
      const className = (gateway?.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName;
      const networks = lab.templates.flatMap(({ template }) =>
        Object.values(template.Resources).filter(
          (resource) => resource.Type === 'AWS::VpcLattice::ServiceNetwork' && resource.Properties?.Name === name,
        ),
      );
      const pass = className === LATTICE_GATEWAY_CLASS && networks.length === 1;
      return {
        pass,
        actual: gateway
          ? `class ${className}; ${networks.length} service network(s) named ${name} for the controller to map it to`
          : 'no Gateway',
      };
    },
    live: {
      commands: () => [kubectl('get', 'gateway', name, '-n', GATEWAY_NAMESPACE, '-o', 'json')],
      interpret: (results: readonly CommandResult[]): CheckOutcome => {
        const gateway = commandJson<GatewayJson>(results[0], 'kubectl');
        if (typeof gateway === 'string') return { pass: false, actual: gateway };
        const programmed = gateway.status?.conditions?.find((condition) => condition.type === 'Programmed');
        if (!programmed) return { pass: false, actual: 'no Programmed condition yet' };
        return {
          pass: programmed.status === 'True',
          actual: `Programmed ${programmed.status}${programmed.message ? `: ${programmed.message}` : ''}`,
        };
      },
    },
  };
}

/** Names of the VPC Lattice managed prefix lists in any Region (IPv4 and IPv6), as `latticePrefixListNames` builds them. */
export const LATTICE_PREFIX_LIST_NAME = /^com\.amazonaws\.[a-z0-9-]+\.(ipv6\.)?vpc-lattice$/;

/** Tag EKS puts on the cluster security group (the workshop's `EKS_CLUSTER_SECURITY_GROUP_ID`). */
const CLUSTER_SECURITY_GROUP_TAG = 'aws:eks:cluster-name';

interface PrefixListJson {
  readonly PrefixListId?: string;
  readonly PrefixListName?: string;
}
interface SecurityGroupJson {
  readonly GroupId?: string;
  readonly IpPermissions?: readonly {
    readonly IpProtocol?: string;
    readonly PrefixListIds?: readonly { readonly PrefixListId?: string }[];
  }[];
}

/**
 * Offline: two all-protocol ingress rules on the cluster security group whose sources are the prefix lists looked up
 * by the Lattice names (the IPv4 and the IPv6 list of the stack's Region).
 */
export function checkLatticePrefixListRules(lab: SynthesizedOutput): CheckOutcome {
  const templates = resolveTemplates(lab.templates);
  const lookups = new Map(
    resourcesOfType(templates, 'Custom::ManagedPrefixListLookup').map(({ logicalId, resource }) => [
      logicalId,
      /com\.amazonaws\.[^"\\]*vpc-lattice/.exec(renderCfnValue(resource.Properties?.Create))?.[0],
    ]),
  );
  const rules = resourcesOfType(templates, 'AWS::EC2::SecurityGroupIngress').flatMap(({ resource }) => {
    const source = resource.Properties?.SourcePrefixListId as { 'Fn::GetAtt'?: unknown[] } | undefined;
    const lookup = Array.isArray(source?.['Fn::GetAtt']) ? String(source['Fn::GetAtt'][0]) : undefined;
    const name = lookup === undefined ? undefined : lookups.get(lookup);
    if (name === undefined) return [];
    return [
      {
        name,
        allProtocols: renderCfnValue(resource.Properties?.IpProtocol) === '-1',
        toClusterGroup: renderCfnValue(resource.Properties?.GroupId).includes('ClusterSecurityGroupId'),
      },
    ];
  });
  const good = rules.filter((rule) => rule.allProtocols && rule.toClusterGroup).map((rule) => rule.name);
  const families = new Set(good.map((name) => (name.includes('.ipv6.') ? 'IPv6' : 'IPv4')));
  return {
    pass: families.size === 2 && good.length === rules.length,
    actual:
      rules.length === 0
        ? 'no ingress rule from a VPC Lattice prefix list'
        : rules
            .map(
              (rule) =>
                `${rule.name}: ${rule.allProtocols ? 'all protocols' : 'NOT all protocols'} to ` +
                `${rule.toClusterGroup ? 'the cluster security group' : 'another group'}`,
            )
            .join('; '),
  };
}

/** Live: the cluster security group admits every protocol from each VPC Lattice prefix list of the Region. */
export function interpretLatticePrefixListRules(results: readonly CommandResult[]): CheckOutcome {
  const lists = commandJson<{ PrefixLists?: readonly PrefixListJson[] }>(results[0], 'aws');
  if (typeof lists === 'string') return { pass: false, actual: lists };
  const groups = commandJson<{ SecurityGroups?: readonly SecurityGroupJson[] }>(results[1], 'aws');
  if (typeof groups === 'string') return { pass: false, actual: groups };
  const lattice = (lists.PrefixLists ?? []).filter((list) => LATTICE_PREFIX_LIST_NAME.test(list.PrefixListName ?? ''));
  const [group, ...others] = groups.SecurityGroups ?? [];
  if (!group || others.length > 0)
    return {
      pass: false,
      actual: `${groups.SecurityGroups?.length ?? 0} security groups tagged ${CLUSTER_SECURITY_GROUP_TAG}, expected the cluster's one`,
    };
  if (lattice.length === 0) return { pass: false, actual: 'no VPC Lattice managed prefix list in the Region' };
  const admitted = lattice.map((list) => ({
    list,
    rule: (group.IpPermissions ?? []).some(
      (permission) =>
        permission.IpProtocol === '-1' &&
        (permission.PrefixListIds ?? []).some((entry) => entry.PrefixListId === list.PrefixListId),
    ),
  }));
  return {
    pass: lattice.length === 2 && admitted.every((entry) => entry.rule),
    actual: admitted
      .map(
        (entry) =>
          `${entry.list.PrefixListName} (${entry.list.PrefixListId}): ` +
          `${entry.rule ? 'all traffic admitted' : 'no all-protocol rule'} on ${group.GroupId}`,
      )
      .join('; '),
  };
}

function latticePrefixListIngressExpectation(): LabExpectation {
  return {
    id: `${MODULE}/prefix-list-ingress`,
    module: MODULE,
    subject: 'cluster security group ingress from the VPC Lattice managed prefix lists',
    expected: 'all protocols from com.amazonaws.<region>.vpc-lattice and com.amazonaws.<region>.ipv6.vpc-lattice',
    source: `${WORKSHOP} setup.md (authorize-security-group-ingress with the two prefix lists, IpProtocol -1)`,
    checkOffline: checkLatticePrefixListRules,
    live: {
      commands: (context: LiveContext) => [
        aws('ec2', 'describe-managed-prefix-lists', '--filters', 'Name=owner-id,Values=AWS', '--output', 'json'),
        aws(
          'ec2',
          'describe-security-groups',
          '--filters',
          `Name=tag:${CLUSTER_SECURITY_GROUP_TAG},Values=${context.clusterName}`,
          '--output',
          'json',
        ),
      ],
      interpret: interpretLatticePrefixListRules,
    },
  };
}

interface ServiceNetworkSummaryJson {
  readonly id?: string;
  readonly name?: string;
  readonly numberOfAssociatedVPCs?: number;
  readonly numberOfAssociatedServices?: number;
}

/** Offline: the service network named after the cluster, associated with the lab VPC through the cluster security group. */
export function checkServiceNetworkAssociation(lab: SynthesizedOutput, name: string): CheckOutcome {
  const templates = resolveTemplates(lab.templates);
  const networks = resourcesOfType(templates, 'AWS::VpcLattice::ServiceNetwork').filter(
    ({ resource }) => renderCfnValue(resource.Properties?.Name) === name,
  );
  if (networks.length !== 1) return { pass: false, actual: `${networks.length} service networks named ${name}` };
  const network = networks[0];
  const associations = resourcesOfType(templates, 'AWS::VpcLattice::ServiceNetworkVpcAssociation').filter(
    ({ stackPath, resource }) =>
      stackPath === network.stackPath &&
      renderCfnValue(resource.Properties?.ServiceNetworkIdentifier).includes(network.logicalId),
  );
  const described = associations.map(({ resource }) => ({
    vpc: renderCfnValue(resource.Properties?.VpcIdentifier),
    groups: renderCfnValue(resource.Properties?.SecurityGroupIds),
  }));
  const labVpc = described.filter(
    (entry) => /NetworkVpc/.test(entry.vpc) && entry.groups.includes('ClusterSecurityGroupId'),
  );
  return {
    pass: associations.length === 1 && labVpc.length === 1,
    actual: `${associations.length} VPC association(s): ${described.map((entry) => `${entry.vpc} with ${entry.groups}`).join('; ') || 'none'}`,
  };
}

/**
 * Live: one service network named after the cluster, associated with exactly one VPC (the lab creates only the lab
 * VPC's association). Which VPC is not read: `list-service-network-vpc-associations` takes the network's id, known
 * only from this command's answer, and a live check runs a fixed list of commands.
 */
export function interpretServiceNetworks(result: CommandResult | undefined, name: string): CheckOutcome {
  const output = commandJson<{ items?: readonly ServiceNetworkSummaryJson[] }>(result, 'aws');
  if (typeof output === 'string') return { pass: false, actual: output };
  const named = (output.items ?? []).filter((network) => network.name === name);
  if (named.length !== 1) return { pass: false, actual: `${named.length} service networks named ${name}` };
  const [network] = named;
  return {
    pass: network.numberOfAssociatedVPCs === 1,
    actual:
      `${network.name} (${network.id}): ${network.numberOfAssociatedVPCs ?? 0} associated VPC(s), ` +
      `${network.numberOfAssociatedServices ?? 0} service(s)`,
  };
}

function serviceNetworkExpectation(config: LabConfig): LabExpectation {
  const name = config.clusterName;
  return {
    id: `${MODULE}/service-network-associated`,
    module: MODULE,
    subject: `VPC Lattice service network ${name}`,
    expected: 'exists, associated with one VPC (the lab VPC, through the cluster security group)',
    source: `${WORKSHOP} service-network.md and cleanup.sh step 7 (list-service-networks, list-service-network-vpc-associations)`,
    checkOffline: (lab) => checkServiceNetworkAssociation(lab, name),
    live: {
      commands: () => [aws('vpc-lattice', 'list-service-networks', '--output', 'json')],
      interpret: (results) => interpretServiceNetworks(results[0], name),
    },
  };
}

/** Requests the split check sends through the route (the workshop's browser loop, automated). */
export const SPLIT_REQUESTS = 100;

/** Consecutive failed requests after which the loop gives up (a broken route would otherwise take minutes). */
const SPLIT_GIVE_UP_AFTER = 5;

/**
 * Shell run in the ui container: GET /topology through the route `SPLIT_REQUESTS` times. Each checkout answers
 * with the Redis URL it is configured with (retail-store-sample-app 1.2.1 src/checkout/src/app.controller.ts), which
 * differs between the two namespaces, so each answer names its backend. Read-only: /topology changes nothing.
 */
export function splitProbeScript(endpoint: string): string {
  return [
    `url=${endpoint}`,
    'n=0; fails=0',
    `while [ $n -lt ${SPLIT_REQUESTS} ] && [ $fails -lt ${SPLIT_GIVE_UP_AFTER} ]; do ` +
      'if answer=$(curl -s --connect-timeout 3 --max-time 5 "$url/topology"); then echo "answer=$answer"; fails=0; ' +
      'else echo "failed=$?"; fails=$((fails+1)); fi; n=$((n+1)); done',
  ].join('; ');
}

/** Backend (`<namespace>/checkout`) by the Redis URL its ConfigMap sets: what its /topology answers with. */
export function backendRedisUrls(lab: SynthesizedOutput, namespaces: readonly string[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const namespace of namespaces) {
    const [configMap] = findKubernetesObjects(lab, 'ConfigMap', CHECKOUT_SERVICE, namespace);
    const url = (configMap?.data as Record<string, string> | undefined)?.[CHECKOUT_REDIS_URL_ENV];
    if (url !== undefined) urls.set(url, `${namespace}/${CHECKOUT_SERVICE}`);
  }
  return urls;
}

/** Offline: the route splits between the two checkouts, and their /topology answers tell them apart. */
export function checkSplitObservable(lab: SynthesizedOutput): CheckOutcome {
  const route = findRoute(
    lab.kubernetesObjects.map((deployed) => deployed.object as unknown as KubeObject),
    'HTTPRoute',
    ROUTE,
  );
  if (!route) return { pass: false, actual: `HTTPRoute ${ROUTE.namespace}/${ROUTE.name} not found` };
  const namespaces = routeBackendRefs(route)
    .filter((ref) => ref.rule === 0)
    .map((ref) => ref.namespace);
  const urls = backendRedisUrls(lab, namespaces);
  return {
    pass: namespaces.length === 2 && urls.size === 2,
    actual:
      `backends in ${namespaces.join(', ')}; /topology answers ` +
      ([...urls].map(([url, backend]) => `${backend}: ${url}`).join(', ') || 'unknown') +
      (urls.size === 2 ? '' : ' (not distinguishable)'),
  };
}

/**
 * Live: the backends that answered, counted, against the configured share of checkoutv2. The count is binomial
 * (each request is routed independently by weight), so it passes within three standard deviations of the expected
 * count: for 100 requests at 75%, 63 to 87, which a correct route misses about 3 times in 1000 runs while a 50/50
 * split reaches 63 about 1 time in 100 and a route ignoring the weights (0% or 100%) never does.
 */
export function interpretObservedSplit(
  result: CommandResult | undefined,
  backendOf: ReadonlyMap<string, string>,
  highlight: string,
  expectedShare: number,
): CheckOutcome {
  if (!result) return { pass: false, actual: 'kubectl did not run' };
  const lines = `${result.stdout}`.split('\n');
  const counts = new Map<string, number>();
  let failed = 0;
  for (const line of lines) {
    if (line.startsWith('failed=')) failed += 1;
    if (!line.startsWith('answer=')) continue;
    let endpoint: string | undefined;
    try {
      endpoint = (JSON.parse(line.slice('answer='.length)) as { databaseEndpoint?: string }).databaseEndpoint;
    } catch {
      endpoint = undefined;
    }
    const backend = (endpoint === undefined ? undefined : backendOf.get(endpoint)) ?? 'unrecognised answer';
    counts.set(backend, (counts.get(backend) ?? 0) + 1);
  }
  const answered = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (answered === 0)
    return {
      pass: false,
      actual: `no answer through the route (${failed} failed request(s)): ${(result.stderr || result.stdout).trim().split('\n').pop() ?? ''}`,
    };
  const observed = counts.get(highlight) ?? 0;
  const range = binomialRange(answered, expectedShare, DEFAULT_SIGMAS);
  const share = Math.round((observed / answered) * 100);
  const enough = answered >= SPLIT_REQUESTS * 0.9;
  return {
    pass: enough && !counts.has('unrecognised answer') && observed >= range.low && observed <= range.high,
    actual:
      `${[...counts].map(([backend, count]) => `${backend}: ${count}`).join(', ')} of ${answered} answered` +
      (failed > 0 ? ` (${failed} failed)` : '') +
      `; ${share}% to ${highlight}, expected ${Math.round(expectedShare * 100)}% ` +
      `(pass: ${range.low}-${range.high} of ${answered})`,
  };
}

function observedSplitExpectation(config: LabConfig): LabExpectation {
  const [checkoutWeight, checkoutV2Weight] = config.vpcLattice.weights;
  const share = checkoutV2Weight / (checkoutWeight + checkoutV2Weight);
  const highlight = `${CHECKOUT_V2_NAMESPACE}/${CHECKOUT_SERVICE}`;
  return {
    id: `${MODULE}/observed-split`,
    module: MODULE,
    subject: `${SPLIT_REQUESTS} GET /topology from ui through HTTPRoute ${GATEWAY_NAMESPACE}/${CHECKOUT_ROUTE_NAME}`,
    expected: `about ${Math.round(share * 100)}% answered by ${highlight} (within ${DEFAULT_SIGMAS} standard deviations)`,
    source: `${WORKSHOP} testing-routing.md step 14 (checkout repeatedly: "Lattice" options about 75% of the time)`,
    checkOffline: checkSplitObservable,
    live: {
      commands: (context) => {
        // The route's URL from the stack output when readable, else the endpoint the ui itself is configured with.
        const endpoint = context.stackOutputs[CHECKOUT_ROUTE_DNS_OUTPUT] ?? `"$${UI_CHECKOUT_ENDPOINT_ENV}"`;
        return [kubectl('exec', '-n', 'ui', 'deploy/ui', '--', 'sh', '-c', splitProbeScript(endpoint))];
      },
      interpret: (results, context) =>
        interpretObservedSplit(
          results[0],
          backendRedisUrls(context.lab, [GATEWAY_NAMESPACE, CHECKOUT_V2_NAMESPACE]),
          highlight,
          share,
        ),
    },
  };
}

/** What `npm run verify` checks for the module. */
export function vpcLatticeExpectations(config: LabConfig): LabExpectation[] {
  const [checkoutWeight, checkoutV2Weight] = config.vpcLattice.weights;
  return [
    crdsExpectation(),
    controllerExpectation(),
    gatewayProgrammedExpectation(config),
    routeBackendsExpectation({
      id: `${MODULE}/route-backends`,
      module: MODULE,
      kind: 'HTTPRoute',
      route: ROUTE,
      source: `${WORKSHOP} routes/checkout-route.yaml and target-group-policy/`,
    }),
    routeSplitExpectation({
      id: `${MODULE}/route-weights`,
      module: MODULE,
      kind: 'HTTPRoute',
      route: ROUTE,
      weights: [
        { backend: { namespace: GATEWAY_NAMESPACE, name: CHECKOUT_SERVICE }, weight: checkoutWeight },
        { backend: { namespace: CHECKOUT_V2_NAMESPACE, name: CHECKOUT_SERVICE }, weight: checkoutV2Weight },
      ],
      highlight: { namespace: CHECKOUT_V2_NAMESPACE, name: CHECKOUT_SERVICE },
      source: `context ${VPC_LATTICE_KEYS.weights}; ${WORKSHOP} testing-routing.md (75% to checkoutv2)`,
    }),
    crossNamespaceGrantExpectation({
      id: `${MODULE}/route-reference-grant`,
      module: MODULE,
      kind: 'HTTPRoute',
      route: ROUTE,
      source: 'Gateway API ReferenceGrant (the workshop has none)',
    }),
    // checkoutv2 keeps its carts in the checkout namespace's Redis (workshop reference section 6 item 9, fixed).
    connectivityExpectation({
      id: `${MODULE}/checkoutv2-to-checkout-redis`,
      module: MODULE,
      from: { namespace: CHECKOUT_V2_NAMESPACE, workload: CHECKOUT_SERVICE },
      to: { kind: 'service', namespace: REDIS.namespace, name: REDIS.name, port: REDIS.port.number },
      expect: 'allowed',
      source: `${WORKSHOP} abtesting/ ("the same redis instance in the checkout namespace")`,
    }),
    routeDnsExpectation(),
    latticePrefixListIngressExpectation(),
    serviceNetworkExpectation(config),
    observedSplitExpectation(config),
  ];
}
