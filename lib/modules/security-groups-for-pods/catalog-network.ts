import { CATALOG_DATABASE } from './security-groups-for-pods-facts';
import { SECURITY_GROUP_POLICY_KIND } from '../../../manifests/security-groups-for-pods/security-group-policy';
import {
  APP_SERVICES,
  type AppServiceName,
  CATALOG_ENDPOINT_KEY,
  DATA_STORES,
  type DataStoreName,
} from '../../../manifests/retail-app/retail-app-components';
import { appServicePodLabels, dataStorePodLabels } from '../../../manifests/retail-app/retail-app-selectors';
import { type Ipv4Cidr, parseIpv4Cidr } from '../../config/ipv4-cidr';
import { CfnStackGraph, type ResourceAddress, resolvedValueKey } from '../../verify/cfn-stack-references';
import { nodeGroupsForPod, podAddressingFacts, podAddressSources } from '../../verify/pod-address-sources';
import {
  type ExternalSecurityGroup,
  type NetworkEndpoint,
  SecurityGroupModel,
} from '../../verify/security-group-reachability';
import {
  type DeployedKubernetesObject,
  findDeployedObjects,
  type SynthesizedOutput,
} from '../../verify/synthesized-lab';

/**
 * The endpoints the security groups for pods lab reasons about, read from a synthesized lab: which security groups
 * each pod's network interface carries and which ranges its address comes from.
 *
 * - A pod selected by a SecurityGroupPolicy carries exactly the policy's groups (its branch ENI); any other pod
 *   carries its node's group. Managed nodes without launch-template security groups, and the ENIConfigs of the lab,
 *   use the EKS cluster security group.
 * - A pod's addresses come from the pod subnets of the node groups its nodeSelector allows (pod-address-sources).
 * - The EKS cluster security group is not in the templates: its default rules are taken from the EKS user guide.
 */
export interface CatalogNetwork {
  readonly model: SecurityGroupModel;
  readonly clusterSecurityGroup: string;
  readonly catalogPod: NetworkEndpoint;
  readonly uiPod: NetworkEndpoint;
  readonly catalogMysqlPod: NetworkEndpoint;
  /** A pod no SecurityGroupPolicy selects, on any node group. */
  readonly podWithNodeSecurityGroup: NetworkEndpoint;
  /** CoreDNS pods (the `coredns` add-on, on any node group). */
  readonly coreDns: NetworkEndpoint;
  /** The database the catalog ConfigMap points at, when it is an RDS instance of the lab. */
  readonly catalogDatabase?: NetworkEndpoint & { readonly port: number; readonly resource: ResourceAddress };
  /** What the catalog ConfigMap points at, in words (for reports). */
  readonly catalogEndpoint: string;
  /** The SecurityGroupPolicies that select the catalog pods. */
  readonly catalogPolicies: readonly DeployedKubernetesObject[];
  readonly notes: readonly string[];
}

/** https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html, "Default cluster security group". */
export const EKS_CLUSTER_SECURITY_GROUP_DEFAULTS = {
  source: 'EKS user guide, sec-group-reqs.html (default cluster security group rules)',
  rules: [
    {
      direction: 'ingress',
      protocol: 'all',
      peer: { kind: 'self' },
      description: 'EKS default: all traffic from the group itself',
    },
    {
      direction: 'egress',
      protocol: 'all',
      peer: { kind: 'cidr', cidr: parseIpv4Cidr('0.0.0.0/0') as Ipv4Cidr },
      description: 'EKS default: all traffic to 0.0.0.0/0',
    },
    {
      direction: 'egress',
      protocol: 'all',
      peer: { kind: 'self' },
      description: 'EKS default: all traffic to the group itself (EFA)',
    },
  ],
} as const satisfies Omit<ExternalSecurityGroup, 'key' | 'label'>;

interface LabelSelectorJson {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
  }[];
}

/** Kubernetes label selector semantics (matchLabels AND matchExpressions; an empty selector matches everything). */
export function selectorMatches(
  selector: LabelSelectorJson | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector === undefined) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((requirement) => {
    const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
        return has && values.includes(labels[requirement.key]);
      case 'NotIn':
        return !has || !values.includes(labels[requirement.key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}

function podTemplate(lab: SynthesizedOutput, kind: string, namespace: string, name: string) {
  const [deployed] = findDeployedObjects(lab, kind, name, namespace);
  const spec = deployed?.object.spec as
    | {
        template?: { metadata?: { labels?: Record<string, string> }; spec?: { nodeSelector?: Record<string, string> } };
      }
    | undefined;
  return { deployed, labels: spec?.template?.metadata?.labels, nodeSelector: spec?.template?.spec?.nodeSelector ?? {} };
}

const cache = new WeakMap<SynthesizedOutput, CatalogNetwork>();

export function catalogNetwork(lab: SynthesizedOutput): CatalogNetwork {
  const cached = cache.get(lab);
  if (cached) return cached;
  const built = buildCatalogNetwork(lab);
  cache.set(lab, built);
  return built;
}

function buildCatalogNetwork(lab: SynthesizedOutput): CatalogNetwork {
  const notes: string[] = [];
  const graph = new CfnStackGraph(lab.templates);
  const clusters = graph.resourcesOfType('AWS::EKS::Cluster');
  if (clusters.length !== 1)
    throw new Error(`expected one AWS::EKS::Cluster in the templates, found ${clusters.length}`);
  const clusterSecurityGroup = resolvedValueKey({
    kind: 'attribute',
    resource: clusters[0].address,
    attribute: 'ClusterSecurityGroupId',
  });
  const model = SecurityGroupModel.fromTemplates(lab.templates, {
    externalGroups: [
      { key: clusterSecurityGroup, label: 'EKS cluster security group', ...EKS_CLUSTER_SECURITY_GROUP_DEFAULTS },
    ],
  });

  const facts = podAddressingFacts(lab.templates);
  const sources = podAddressSources(facts);
  const rangesFor = (who: string, nodeSelector: Readonly<Record<string, string>>): Ipv4Cidr[] => {
    const groups = nodeGroupsForPod(facts.nodeGroups, nodeSelector);
    const ranges = new Map<string, Ipv4Cidr>();
    for (const source of sources.filter((candidate) => groups.includes(candidate.nodeGroup))) {
      const parsed = source.podSubnet ? parseIpv4Cidr(source.podSubnet.cidr) : undefined;
      if (parsed !== undefined && typeof parsed !== 'string') ranges.set(parsed.text, parsed);
      else
        notes.push(
          `${who}: pods of ${source.nodeGroup} have no known address range (${source.problem ?? source.podSubnet?.cidr})`,
        );
    }
    if (groups.length === 0) notes.push(`${who}: no node group can run these pods`);
    return [...ranges.values()];
  };

  const policies = findDeployedObjects(lab, SECURITY_GROUP_POLICY_KIND);
  const podEndpoint = (
    name: string,
    namespace: string,
    labels: Readonly<Record<string, string>>,
    nodeSelector: Readonly<Record<string, string>>,
  ) => {
    const selecting = policies.filter(
      ({ object }) =>
        object.metadata.namespace === namespace &&
        selectorMatches((object.spec as { podSelector?: LabelSelectorJson } | undefined)?.podSelector, labels),
    );
    const groups = selecting.flatMap(({ object, stackPath }) =>
      ((object.spec as { securityGroups?: { groupIds?: string[] } }).securityGroups?.groupIds ?? []).map((id) =>
        model.groupKeyOfPlaceholder(stackPath, id),
      ),
    );
    if (selecting.length > 1)
      notes.push(`${name}: ${selecting.length} SecurityGroupPolicies select these pods; their groups are combined`);
    return {
      endpoint: {
        name,
        securityGroups: groups.length > 0 ? [...new Set(groups)] : [clusterSecurityGroup],
        addresses: rangesFor(name, nodeSelector),
      },
      selecting,
    };
  };

  const service = (name: AppServiceName) => {
    const spec = APP_SERVICES[name];
    const template = podTemplate(lab, 'Deployment', spec.namespace, name);
    return podEndpoint(
      `${name} pod`,
      spec.namespace,
      template.labels ?? appServicePodLabels(name),
      template.nodeSelector,
    );
  };
  const store = (name: DataStoreName) => {
    const spec = DATA_STORES[name];
    const template = podTemplate(lab, spec.workload, spec.namespace, name);
    return podEndpoint(
      `${name} pod`,
      spec.namespace,
      template.labels ?? dataStorePodLabels(spec),
      template.nodeSelector,
    );
  };

  const catalog = service('catalog');
  const anyNode = rangesFor('other pods', {});
  const database = catalogDatabaseEndpoint(lab, graph, model, notes);
  const network: CatalogNetwork = {
    model,
    clusterSecurityGroup,
    catalogPod: catalog.endpoint,
    uiPod: service('ui').endpoint,
    catalogMysqlPod: store('catalog-mysql').endpoint,
    podWithNodeSecurityGroup: {
      name: 'a pod no SecurityGroupPolicy selects',
      securityGroups: [clusterSecurityGroup],
      addresses: anyNode,
    },
    coreDns: { name: 'CoreDNS', securityGroups: [clusterSecurityGroup], addresses: anyNode },
    catalogDatabase: database.endpoint,
    catalogEndpoint: database.described,
    catalogPolicies: catalog.selecting,
    notes,
  };
  return network;
}

/** The RDS instance the catalog ConfigMap's endpoint resolves to (`<Endpoint.Address>:<port>`), with its groups. */
function catalogDatabaseEndpoint(
  lab: SynthesizedOutput,
  graph: CfnStackGraph,
  model: SecurityGroupModel,
  notes: string[],
): { endpoint?: CatalogNetwork['catalogDatabase']; described: string } {
  const [configMap] = findDeployedObjects(lab, 'ConfigMap', APP_SERVICES.catalog.name, APP_SERVICES.catalog.namespace);
  const value = (configMap?.object.data as Record<string, string> | undefined)?.[CATALOG_ENDPOINT_KEY];
  if (!configMap || value === undefined)
    return { described: `no ${CATALOG_ENDPOINT_KEY} in ConfigMap catalog/catalog` };
  const match = /^(.*):(\d+)$/.exec(value);
  const resolved = match ? graph.resolvePlaceholder(configMap.stackPath, match[1]) : undefined;
  if (!match || resolved?.kind !== 'attribute' || resolved.attribute !== 'Endpoint.Address') {
    return { described: `${value} (not an RDS endpoint of the lab)` };
  }
  const instance = graph.resource(resolved.resource);
  if (instance?.Type !== 'AWS::RDS::DBInstance') return { described: `${value} (not an RDS DB instance)` };
  const properties = instance.Properties ?? {};
  const groups = (Array.isArray(properties.VPCSecurityGroups) ? properties.VPCSecurityGroups : []).map((group) =>
    model.groupKeyOf(resolved.resource.stackPath, group),
  );
  const subnetGroup = graph.resolve(resolved.resource.stackPath, properties.DBSubnetGroupName);
  const subnetIds =
    subnetGroup.kind === 'ref' ? graph.resource(subnetGroup.resource)?.Properties?.SubnetIds : undefined;
  const addresses = (Array.isArray(subnetIds) ? subnetIds : [])
    .map((subnet) => graph.resolve(subnetGroup.kind === 'ref' ? subnetGroup.resource.stackPath : '', subnet))
    .flatMap((subnet) => (subnet.kind === 'ref' ? [graph.resource(subnet.resource)?.Properties?.CidrBlock] : []))
    .map((cidr) => (typeof cidr === 'string' ? parseIpv4Cidr(cidr) : undefined))
    .filter((cidr): cidr is Ipv4Cidr => cidr !== undefined && typeof cidr !== 'string');
  if (addresses.length === 0) notes.push(`the subnets of ${resolved.resource.logicalId} are unknown`);
  const name = `RDS ${renderName(properties.DBInstanceIdentifier) ?? resolved.resource.logicalId} (database ${String(properties.DBName ?? CATALOG_DATABASE.databaseName)})`;
  return {
    endpoint: { name, securityGroups: groups, addresses, port: Number(match[2]), resource: resolved.resource },
    described: `${name} port ${match[2]}`,
  };
}

function renderName(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
