/**
 * What a deployed lab costs per hour while it runs, counted from what its synthesized templates create and what its
 * Kubernetes objects make controllers create at deploy time, priced with lib/cost/price-table.ts. Usage charges
 * (traffic, requests, logs) depend on what the learner does and are left out; EXCLUDED_CHARGES names them.
 */
import { findKubernetesVersion, supportPhase } from '../config/kubernetes-versions';
import { findInstanceType } from '../instance-types/instance-types';
import { NODE_GROUP_LABEL } from '../node-groups/node-group-plan';
import { type CfnResourceJson, type LabTemplate, renderCfnValue } from '../verify/cfn-template';
import { resolveTemplates, resourcesOfType } from '../verify/nested-stack-parameters';
import type { DeployedKubernetesObject, SynthesizedOutput } from '../verify/synthesized-lab';
import { ec2OnDemandPrice, type Price, PRICE_TABLE, rdsSingleAzPrice } from './price-table';

export const HOURS_PER_DAY = 24;
/** The month of the estimates is 30 days; GB-month and secret-month prices are prorated over the same hours. */
export const HOURS_PER_MONTH = 30 * HOURS_PER_DAY;

/** What the estimate leaves out: charges that grow with use rather than with time. */
export const EXCLUDED_CHARGES =
  'data transfer, per-GB processing (NAT gateway, Transit Gateway, VPC Lattice), load balancer LCUs, ' +
  'VPC Lattice requests, CloudWatch Logs, Lambda invocations, API calls, and free tiers';

/** Who a cost comes with: the base lab, a module, or the `exposeUi` switch. */
/** `base`, a module name, or `exposeUi`. */
export type CostPart = string;

export interface CostLineItem {
  readonly part: CostPart;
  /** What is billed, e.g. `EC2 m5.large, node group default`. */
  readonly item: string;
  readonly quantity: number;
  /** What `quantity` counts: `instance`, `GiB`, `address`, ... */
  readonly quantityUnit: string;
  /** Undefined when the price table has no price for it: the item is then left out of every total. */
  readonly price?: Price;
  readonly hourlyUsd?: number;
  /** Where it was counted: `stackPath/logicalId` of resources, `Kind namespace/name` of Kubernetes objects. */
  readonly countedFrom: readonly string[];
}

export interface CostAmount {
  readonly hourlyUsd: number;
  readonly dailyUsd: number;
  readonly monthlyUsd: number;
}

export interface PartCost extends CostAmount {
  readonly part: CostPart;
}

export interface LabCost {
  readonly region: string;
  readonly pricesCheckedOn: string;
  /** The day the Kubernetes support phase (standard or extended) was read for. */
  readonly day: string;
  readonly lineItems: readonly CostLineItem[];
  /** Every part of the configuration (base, each enabled module, exposeUi when on), even those that cost nothing. */
  readonly parts: readonly PartCost[];
  readonly total: CostAmount;
  /** Line items the price table has no price for (not in any total). */
  readonly unpriced: readonly CostLineItem[];
}

/** What the model reads from a synthesized lab. */
export type LabCostInput = Pick<SynthesizedOutput, 'config' | 'templates' | 'kubernetesObjects'>;

export interface LabCostOptions {
  /** ISO date the Kubernetes support phase is read for. @default today (UTC) */
  readonly day?: string;
}

/** A count before line items of the same part and item are summed. */
interface Charge {
  readonly part: CostPart;
  readonly item: string;
  readonly quantity: number;
  readonly quantityUnit: string;
  readonly price: Price | undefined;
  readonly countedFrom: string;
}

interface LocatedResource {
  readonly stackPath: string;
  readonly logicalId: string;
  readonly resource: CfnResourceJson;
}

export function amountOf(hourlyUsd: number): CostAmount {
  return { hourlyUsd, dailyUsd: hourlyUsd * HOURS_PER_DAY, monthlyUsd: hourlyUsd * HOURS_PER_MONTH };
}

/** US dollars per hour for `quantity` units of `price`. */
export function hourlyCost(price: Price, quantity: number): number {
  const perMonth = price.unit === 'GB-month' || price.unit === 'secret-month';
  return (quantity * price.usd) / (perMonth ? HOURS_PER_MONTH : 1);
}

function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The part a stack belongs to, among the enabled `modules`: a module's nested stacks are named after its name in PascalCase
 * (`HybridNodes`, `HybridNodesWorkloads` for `hybrid-nodes`); the root stack, and any nested stack named after no
 * module, is the base. The longest matching module name wins, so a module named after the prefix of another could
 * not take its stacks.
 */
export function partOfStack(stackPath: string, modules: readonly string[]): string {
  const nestedStackId = stackPath.split('/')[1];
  if (nestedStackId === undefined) return 'base';
  const matching = modules.filter((name) => nestedStackId.startsWith(pascalCase(name)));
  return matching.sort((a, b) => pascalCase(b).length - pascalCase(a).length)[0] ?? 'base';
}

const addressOf = ({ stackPath, logicalId }: LocatedResource): string => `${stackPath}/${logicalId}`;

function propertiesOf(located: LocatedResource): Readonly<Record<string, unknown>> {
  return located.resource.Properties ?? {};
}

function numberOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = Number(renderCfnValue(value));
  return Number.isFinite(parsed) ? parsed : undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The resource a `{ Ref: <logical id> }` (resolved across nested stacks) points to, in any template. */
function referencedResource(templates: readonly LabTemplate[], reference: unknown): LocatedResource | undefined {
  const logicalId =
    reference && typeof reference === 'object' ? (reference as { Ref?: unknown }).Ref : (undefined as unknown);
  if (typeof logicalId !== 'string') return undefined;
  for (const { stackPath, template } of templates) {
    const resource = template.Resources[logicalId];
    if (resource) return { stackPath, logicalId, resource };
  }
  return undefined;
}

function clusterCharges(templates: readonly LabTemplate[], day: string, modules: readonly string[]): Charge[] {
  return resourcesOfType(templates, 'AWS::EKS::Cluster').map((cluster) => {
    const version = renderCfnValue(propertiesOf(cluster).Version);
    const lifecycle = findKubernetesVersion(version);
    // A version past standard support costs the extended-support rate from its end-of-standard-support day.
    const extended = lifecycle !== undefined && supportPhase(lifecycle, day) === 'extended';
    return {
      part: partOfStack(cluster.stackPath, modules),
      item: `EKS cluster ${version}, ${extended ? 'extended' : 'standard'} support`,
      quantity: 1,
      quantityUnit: 'cluster',
      price: extended ? PRICE_TABLE.prices.eksClusterExtendedSupport : PRICE_TABLE.prices.eksClusterStandardSupport,
      countedFrom: addressOf(cluster),
    };
  });
}

/** The EKS default when a managed node group states no root volume (AWS::EKS::Nodegroup `DiskSize`). */
const EKS_DEFAULT_DISK_GIB = 20;

interface RootVolume {
  readonly sizeGiB: number | undefined;
  readonly volumeType: string;
}

function firstEbsVolume(mappings: unknown): RootVolume | undefined {
  if (!Array.isArray(mappings)) return undefined;
  const ebs = mappings
    .map((mapping) => (mapping as { Ebs?: Record<string, unknown> }).Ebs)
    .find((candidate) => candidate !== undefined);
  if (!ebs) return undefined;
  return { sizeGiB: numberOf(ebs.VolumeSize), volumeType: ebs.VolumeType ? renderCfnValue(ebs.VolumeType) : 'gp2' };
}

/** A node's root volume: the launch template's block device if it has one, else the node group's disk size. */
function nodeRootVolume(templates: readonly LabTemplate[], properties: Readonly<Record<string, unknown>>): RootVolume {
  const launchTemplateId = (properties.LaunchTemplate as { Id?: unknown } | undefined)?.Id;
  const launchTemplate = referencedResource(templates, launchTemplateId);
  const data = launchTemplate?.resource.Properties?.LaunchTemplateData as { BlockDeviceMappings?: unknown } | undefined;
  return (
    firstEbsVolume(data?.BlockDeviceMappings) ?? {
      sizeGiB: numberOf(properties.DiskSize) ?? EKS_DEFAULT_DISK_GIB,
      // EKS gives AL2023 nodes gp3 root volumes; the lab's launch templates say so explicitly.
      volumeType: 'gp3',
    }
  );
}

function ebsCharge(part: CostPart, what: string, volume: RootVolume, count: number, countedFrom: string): Charge {
  const priced = volume.volumeType === 'gp3' && volume.sizeGiB !== undefined;
  return {
    part,
    item: `EBS ${volume.volumeType} ${what}`,
    quantity: (volume.sizeGiB ?? 0) * count,
    quantityUnit: 'GiB',
    price: priced ? PRICE_TABLE.prices.ebsGp3Storage : undefined,
    countedFrom,
  };
}

function nodeGroupCharges(templates: readonly LabTemplate[], modules: readonly string[]): Charge[] {
  return resourcesOfType(templates, 'AWS::EKS::Nodegroup').flatMap((nodeGroup) => {
    const properties = propertiesOf(nodeGroup);
    const scaling = (properties.ScalingConfig ?? {}) as Record<string, unknown>;
    // Nothing in the lab scales node groups, so they run at their desired size.
    const nodes = numberOf(scaling.DesiredSize) ?? numberOf(scaling.MinSize) ?? 1;
    const instanceTypes = (properties.InstanceTypes ?? []) as unknown[];
    // The EKS default instance type of a managed node group that names none (AWS::EKS::Nodegroup `InstanceTypes`).
    const instanceType = instanceTypes.length > 0 ? renderCfnValue(instanceTypes[0]) : 't3.medium';
    const labels = (properties.Labels ?? {}) as Record<string, unknown>;
    const name = renderCfnValue(labels[NODE_GROUP_LABEL] ?? properties.NodegroupName ?? nodeGroup.logicalId);
    const part = partOfStack(nodeGroup.stackPath, modules);
    return [
      {
        part,
        item: `EC2 ${instanceType}, node group ${name}`,
        quantity: nodes,
        quantityUnit: 'instance',
        price: ec2OnDemandPrice(instanceType),
        countedFrom: addressOf(nodeGroup),
      },
      ebsCharge(
        part,
        `root volumes, node group ${name}`,
        nodeRootVolume(templates, properties),
        nodes,
        addressOf(nodeGroup),
      ),
    ];
  });
}

function countEach(
  templates: readonly LabTemplate[],
  types: readonly string[],
  item: string,
  quantityUnit: string,
  price: Price,
  modules: readonly string[],
): Charge[] {
  return types.flatMap((type) =>
    resourcesOfType(templates, type).map((located) => ({
      part: partOfStack(located.stackPath, modules),
      item,
      quantity: 1,
      quantityUnit,
      price,
      countedFrom: addressOf(located),
    })),
  );
}

/**
 * Whether an instance joins the cluster as an EKS hybrid node: its user data runs nodeadm, the hybrid nodes agent
 * (managed nodes get their bootstrap from EKS, not from the template).
 */
function isHybridNodeHost(properties: Readonly<Record<string, unknown>>): boolean {
  return properties.UserData !== undefined && renderCfnValue(properties.UserData).includes('nodeadm');
}

/** Whether an instance gets a public IPv4 address: asked for on an interface, or given by its subnet on launch. */
function hasPublicIpv4(templates: readonly LabTemplate[], properties: Readonly<Record<string, unknown>>): boolean {
  const interfaces = properties.NetworkInterfaces;
  if (Array.isArray(interfaces) && interfaces.length > 0) {
    return interfaces.some((networkInterface) =>
      isTrue((networkInterface as { AssociatePublicIpAddress?: unknown }).AssociatePublicIpAddress),
    );
  }
  const subnet = referencedResource(templates, properties.SubnetId);
  return isTrue(subnet?.resource.Properties?.MapPublicIpOnLaunch);
}

function instanceCharges(templates: readonly LabTemplate[], modules: readonly string[]): Charge[] {
  return resourcesOfType(templates, 'AWS::EC2::Instance').flatMap((instance) => {
    const properties = propertiesOf(instance);
    const instanceType = renderCfnValue(properties.InstanceType);
    const hybrid = isHybridNodeHost(properties);
    const role = hybrid ? 'hybrid node host' : `instance ${instance.logicalId}`;
    const part = partOfStack(instance.stackPath, modules);
    const countedFrom = addressOf(instance);
    const charges: Charge[] = [
      {
        part,
        item: `EC2 ${instanceType}, ${role}`,
        quantity: 1,
        quantityUnit: 'instance',
        price: ec2OnDemandPrice(instanceType),
        countedFrom,
      },
    ];
    const volume = firstEbsVolume(properties.BlockDeviceMappings);
    if (volume) charges.push(ebsCharge(part, `root volume, ${role}`, volume, 1, countedFrom));
    if (hasPublicIpv4(templates, properties)) {
      charges.push({
        part,
        item: `Public IPv4 address, ${role}`,
        quantity: 1,
        quantityUnit: 'address',
        price: PRICE_TABLE.prices.publicIpv4Address,
        countedFrom,
      });
    }
    if (hybrid) {
      const vcpus = findInstanceType(instanceType)?.vcpus;
      charges.push({
        part,
        item: `EKS Hybrid Nodes, ${instanceType} host`,
        quantity: vcpus ?? 0,
        quantityUnit: 'vCPU',
        price: vcpus === undefined ? undefined : PRICE_TABLE.prices.eksHybridNodeVcpu,
        countedFrom,
      });
    }
    return charges;
  });
}

function databaseCharges(templates: readonly LabTemplate[], modules: readonly string[]): Charge[] {
  return resourcesOfType(templates, 'AWS::RDS::DBInstance').flatMap((database) => {
    const properties = propertiesOf(database);
    const instanceClass = renderCfnValue(properties.DBInstanceClass);
    const multiAz = isTrue(properties.MultiAZ);
    // Multi-AZ bills the standby instance and its storage as well (RDS user guide, "On-Demand DB instances").
    const copies = multiAz ? 2 : 1;
    const part = partOfStack(database.stackPath, modules);
    const countedFrom = addressOf(database);
    const storageType = properties.StorageType === undefined ? 'gp2' : renderCfnValue(properties.StorageType);
    const storageGiB = numberOf(properties.AllocatedStorage);
    const charges: Charge[] = [
      {
        part,
        item: `RDS ${instanceClass} ${renderCfnValue(properties.Engine)}, ${multiAz ? 'Multi-AZ' : 'Single-AZ'}`,
        quantity: copies,
        quantityUnit: 'instance',
        price: rdsSingleAzPrice(instanceClass),
        countedFrom,
      },
      {
        part,
        item: `RDS ${storageType} storage`,
        quantity: (storageGiB ?? 0) * copies,
        quantityUnit: 'GiB',
        price:
          ['gp2', 'gp3'].includes(storageType) && storageGiB !== undefined
            ? PRICE_TABLE.prices.rdsGp3Storage
            : undefined,
        countedFrom,
      },
    ];
    // RDS keeps the generated master password in a Secrets Manager secret of its own, billed like any other.
    if (isTrue(properties.ManageMasterUserPassword)) {
      charges.push({
        part,
        item: 'Secrets Manager secret',
        quantity: 1,
        quantityUnit: 'secret',
        price: PRICE_TABLE.prices.secretsManagerSecret,
        countedFrom: `${countedFrom} (ManageMasterUserPassword)`,
      });
    }
    return charges;
  });
}

const objectName = ({ object }: DeployedKubernetesObject): string =>
  `${object.kind} ${object.metadata.namespace ?? 'default'}/${object.metadata.name}`;

function annotationsOf({ object }: DeployedKubernetesObject): Readonly<Record<string, unknown>> {
  return (object.metadata.annotations ?? {}) as Record<string, unknown>;
}

/**
 * The Availability Zones an internet-facing load balancer spans: the AWS Load Balancer Controller picks one subnet per
 * zone among those tagged `kubernetes.io/role/elb`, and the load balancer has a public IPv4 address in each.
 */
function publicLoadBalancerZones(templates: readonly LabTemplate[]): number {
  const zones = resourcesOfType(templates, 'AWS::EC2::Subnet')
    .filter((subnet) => {
      const tags = (propertiesOf(subnet).Tags ?? []) as { Key?: unknown; Value?: unknown }[];
      return tags.some((tag) => tag.Key === 'kubernetes.io/role/elb' && renderCfnValue(tag.Value) === '1');
    })
    .map((subnet) => renderCfnValue(propertiesOf(subnet).AvailabilityZone));
  return new Set(zones).size;
}

/** The part a load balancer comes with: the base has the controller only with exposeUi, so its ones go there. */
function loadBalancerPart(deployed: DeployedKubernetesObject, modules: readonly string[]): CostPart {
  const part = partOfStack(deployed.stackPath, modules);
  return part === 'base' ? 'exposeUi' : part;
}

/**
 * Load balancers the AWS Load Balancer Controller (installed with `exposeUi`) creates: an NLB for each Service of type
 * LoadBalancer, an ALB for each Ingress of class `alb` (Ingresses of one `group.name` share one), and the public IPv4
 * addresses of the internet-facing ones. The controller's default scheme is internal.
 */
function loadBalancerCharges(lab: LabCostInput, templates: readonly LabTemplate[]): Charge[] {
  if (!lab.config.exposeUi) return [];
  const zones = publicLoadBalancerZones(templates);
  const charges: Charge[] = [];
  const addLoadBalancer = (deployed: DeployedKubernetesObject, kind: 'ALB' | 'NLB', internetFacing: boolean) => {
    const part = loadBalancerPart(deployed, lab.config.modules);
    const price = kind === 'ALB' ? PRICE_TABLE.prices.applicationLoadBalancer : PRICE_TABLE.prices.networkLoadBalancer;
    const name = kind === 'ALB' ? 'Application Load Balancer' : 'Network Load Balancer';
    const countedFrom = objectName(deployed);
    charges.push({ part, item: name, quantity: 1, quantityUnit: 'load balancer', price, countedFrom });
    if (internetFacing) {
      charges.push({
        part,
        item: `Public IPv4 address, internet-facing ${kind} (one per zone)`,
        quantity: zones,
        quantityUnit: 'address',
        price: PRICE_TABLE.prices.publicIpv4Address,
        countedFrom,
      });
    }
  };
  const albGroups = new Set<string>();
  for (const deployed of lab.kubernetesObjects) {
    const { object } = deployed;
    const spec = (object.spec ?? {}) as Record<string, unknown>;
    const annotations = annotationsOf(deployed);
    if (object.kind === 'Service' && spec.type === 'LoadBalancer') {
      const scheme = annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'];
      addLoadBalancer(deployed, 'NLB', scheme === 'internet-facing');
    } else if (
      object.kind === 'Ingress' &&
      (spec.ingressClassName === 'alb' || annotations['kubernetes.io/ingress.class'] === 'alb')
    ) {
      const group = annotations['alb.ingress.kubernetes.io/group.name'];
      const groupKey = typeof group === 'string' ? `group ${group}` : objectName(deployed);
      if (albGroups.has(groupKey)) continue;
      albGroups.add(groupKey);
      addLoadBalancer(deployed, 'ALB', annotations['alb.ingress.kubernetes.io/scheme'] === 'internet-facing');
    }
  }
  return charges;
}

/** The GatewayClass of the AWS Gateway API controller, which turns routes into VPC Lattice services. */
const VPC_LATTICE_GATEWAY_CLASS = 'amazon-vpc-lattice';

/** One VPC Lattice service per route attached to a Gateway of the VPC Lattice class. */
function latticeServiceCharges(lab: LabCostInput): Charge[] {
  const latticeGateways = new Set(
    lab.kubernetesObjects
      .filter(({ object }) => object.kind === 'Gateway')
      .filter(
        ({ object }) => (object.spec as { gatewayClassName?: unknown })?.gatewayClassName === VPC_LATTICE_GATEWAY_CLASS,
      )
      .map(({ object }) => `${object.metadata.namespace ?? 'default'}/${object.metadata.name}`),
  );
  return lab.kubernetesObjects
    .filter(({ object }) => object.kind === 'HTTPRoute' || object.kind === 'GRPCRoute')
    .filter(({ object }) => {
      const parents = ((object.spec as { parentRefs?: unknown })?.parentRefs ?? []) as {
        name?: string;
        namespace?: string;
      }[];
      const routeNamespace = object.metadata.namespace ?? 'default';
      return parents.some((parent) => latticeGateways.has(`${parent.namespace ?? routeNamespace}/${parent.name}`));
    })
    .map((deployed) => ({
      part: partOfStack(deployed.stackPath, lab.config.modules),
      item: 'VPC Lattice service',
      quantity: 1,
      quantityUnit: 'service',
      price: PRICE_TABLE.prices.vpcLatticeService,
      countedFrom: objectName(deployed),
    }));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The parts of a configuration, in the order the lab creates them. */
export function partsOf(config: LabCostInput['config']): CostPart[] {
  return ['base', ...config.modules, ...(config.exposeUi ? ['exposeUi' as const] : [])];
}

/** Sums charges of the same part and item into one line item each, parts in creation order. */
function lineItemsOf(charges: readonly Charge[], parts: readonly CostPart[]): CostLineItem[] {
  const byKey = new Map<string, Charge[]>();
  for (const charge of charges) {
    const key = `${charge.part}\u0000${charge.item}`;
    byKey.set(key, [...(byKey.get(key) ?? []), charge]);
  }
  const items = [...byKey.values()].map((group): CostLineItem => {
    const [first] = group;
    const quantity = group.reduce((sum, charge) => sum + charge.quantity, 0);
    return {
      part: first.part,
      item: first.item,
      quantity,
      quantityUnit: first.quantityUnit,
      price: first.price,
      hourlyUsd: first.price === undefined ? undefined : hourlyCost(first.price, quantity),
      countedFrom: group.map((charge) => charge.countedFrom),
    };
  });
  return items.sort((a, b) => parts.indexOf(a.part) - parts.indexOf(b.part));
}

/** The hourly, daily and 30-day cost of a synthesized lab, per line item, per part and in total. */
export function estimateLabCost(lab: LabCostInput, options: LabCostOptions = {}): LabCost {
  const day = options.day ?? today();
  // Values a nested stack gets from its parent become the logical ids they stand for (a subnet, a launch template).
  const templates = resolveTemplates(lab.templates);
  const charges = [
    ...clusterCharges(templates, day, lab.config.modules),
    ...nodeGroupCharges(templates, lab.config.modules),
    ...countEach(
      templates,
      ['AWS::EC2::NatGateway'],
      'NAT gateway',
      'gateway',
      PRICE_TABLE.prices.natGateway,
      lab.config.modules,
    ),
    ...countEach(
      templates,
      ['AWS::EC2::EIP'],
      'Public IPv4 address, Elastic IP',
      'address',
      PRICE_TABLE.prices.publicIpv4Address,
      lab.config.modules,
    ),
    ...instanceCharges(templates, lab.config.modules),
    ...databaseCharges(templates, lab.config.modules),
    ...countEach(
      templates,
      ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment'],
      'Transit Gateway VPC attachment',
      'attachment',
      PRICE_TABLE.prices.transitGatewayAttachment,
      lab.config.modules,
    ),
    ...countEach(
      templates,
      ['AWS::SecretsManager::Secret'],
      'Secrets Manager secret',
      'secret',
      PRICE_TABLE.prices.secretsManagerSecret,
      lab.config.modules,
    ),
    ...loadBalancerCharges(lab, templates),
    ...latticeServiceCharges(lab),
  ];
  const parts = partsOf(lab.config);
  // A part the configuration does not name (a stack of a module that is not enabled) still shows, after the others.
  for (const charge of charges) if (!parts.includes(charge.part)) parts.push(charge.part);
  const lineItems = lineItemsOf(charges, parts);
  const hourlyOf = (items: readonly CostLineItem[]) => items.reduce((sum, item) => sum + (item.hourlyUsd ?? 0), 0);
  return {
    region: PRICE_TABLE.region,
    pricesCheckedOn: PRICE_TABLE.checkedOn,
    day,
    lineItems,
    parts: parts.map((part) => ({ part, ...amountOf(hourlyOf(lineItems.filter((item) => item.part === part))) })),
    total: amountOf(hourlyOf(lineItems)),
    unpriced: lineItems.filter((item) => item.price === undefined),
  };
}
