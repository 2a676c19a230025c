import { GATEWAY_API_STANDARD_CRDS } from './gateway-api-crds';
import { LATTICE_CONTROLLER_CHART } from './lattice-controller';
import { VPC_LATTICE_KEYS } from './vpc-lattice-settings';
import { APP_SERVICES, DATA_STORES } from '../../../manifests/retail-app/retail-app-components';
import { CHECKOUT_SERVICE } from '../../../manifests/vpc-lattice/checkout-target-policies-chart';
import {
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
import { findKubernetesObjects, type SynthesizedLab } from '../../verify/synthesized-lab';
import { commandJson, kubectl } from '../../verify/live/live-commands';

export const MODULE = 'vpc-lattice';

/** Root stack output with the route's Lattice DNS name (read by the live check when credentials allow). */
export const CHECKOUT_ROUTE_DNS_OUTPUT = 'VpcLatticeCheckoutRouteDns';

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
    checkOffline: (lab: SynthesizedLab): CheckOutcome => {
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
    checkOffline: (lab: SynthesizedLab): CheckOutcome => {
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
function uiEndpointOutcome(lab: SynthesizedLab): CheckOutcome {
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
  const dns = context.stackOutputs[CHECKOUT_ROUTE_DNS_OUTPUT];
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
    dns
      ? kubectl('exec', '-n', 'ui', 'deploy/ui', '--', ...curl, `http://${dns}/health`)
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
    checkOffline: (lab: SynthesizedLab): CheckOutcome => {
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
  ];
}
