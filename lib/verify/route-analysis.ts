/**
 * Offline routing analysis of synthesized templates: VPC route tables (with their implicit local routes), Transit
 * Gateways with their attachments, association and propagation (default route table or explicit), and static
 * Transit Gateway routes. It walks a packet from a subnet to a destination address hop by hop, as the VPC router
 * and the Transit Gateway would (longest prefix match; static before propagated for the same prefix).
 * Sources: Amazon VPC user guide, "Route priority" (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html);
 * Transit Gateways guide, "Transit gateway route tables" and "Route evaluation order"
 * (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 * It reads template JSON only (no aws-cdk-lib constructs), after nested stack parameters are replaced by what the
 * parents pass, so a route in a nested stack and the route table it writes to in the root stack meet.
 */
import { type CfnResourceJson, type LabTemplate, renderCfnValue } from './cfn-template';
import { resolveTemplates } from './nested-stack-parameters';
import { cidrContainsAddress, type Ipv4Cidr, parseIpv4Cidr } from '../config/ipv4-cidr';

export type RouteTargetKind =
  | 'local'
  | 'transit-gateway'
  | 'network-interface'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'instance'
  | 'vpc-peering'
  | 'other';

export interface RouteTarget {
  readonly kind: RouteTargetKind;
  /** Rendered reference of the target (`${Ref:Tgw}`, `${GetAtt:Lookup.NetworkInterfaces.0.NetworkInterfaceId}`). */
  readonly ref: string;
  /** For a network interface read at deploy time: the instance whose primary (device index 0) interface it is. */
  readonly primaryInterfaceOf?: string;
}

export interface VpcRoute {
  readonly destination: Ipv4Cidr;
  readonly target: RouteTarget;
  /** Logical id of the route resource; absent for the implicit local routes. */
  readonly logicalId?: string;
}

export interface SubnetInfo {
  readonly id: string;
  readonly vpc: string;
  readonly cidr?: Ipv4Cidr;
  readonly zone: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface TgwAttachmentInfo {
  readonly id: string;
  readonly transitGateway: string;
  readonly vpc: string;
  readonly subnets: readonly string[];
}

export interface TgwRoute {
  readonly destination: Ipv4Cidr;
  /** Attachment id, or undefined for a blackhole. */
  readonly attachment?: string;
  readonly kind: 'static' | 'propagated';
}

/** One step of a packet's walk. */
export interface Hop {
  readonly at: string;
  readonly via: string;
}

export type TraceOutcome =
  | 'delivered-in-vpc'
  | 'network-interface'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'instance'
  | 'no-route'
  | 'no-attachment'
  | 'attachment-not-in-zone'
  | 'blackhole'
  | 'unsupported-target'
  | 'loop';

export interface PacketTrace {
  readonly outcome: TraceOutcome;
  readonly hops: readonly Hop[];
  /** The VPC the packet was delivered in (outcome `delivered-in-vpc`). */
  readonly vpc?: string;
  /** The last route's target. */
  readonly target?: RouteTarget;
}

function refOf(value: unknown): string {
  return renderCfnValue(value);
}

function tagsOf(resource: CfnResourceJson): Record<string, string> {
  const tags = (resource.Properties?.Tags ?? []) as { Key?: unknown; Value?: unknown }[];
  return Object.fromEntries(
    tags.filter((tag) => typeof tag.Key === 'string').map((tag) => [tag.Key as string, refOf(tag.Value)]),
  );
}

function cidrOf(value: unknown): Ipv4Cidr | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseIpv4Cidr(value);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** An AwsCustomResource (`Custom::AWS`) call as it is stored in the template (`Create`/`Update` JSON strings). */
interface SdkCall {
  readonly service?: string;
  readonly action?: string;
  readonly parameters?: Record<string, unknown>;
}

function sdkCallOf(resource: CfnResourceJson | undefined): SdkCall | undefined {
  if (!resource || resource.Type !== 'Custom::AWS') return undefined;
  const raw = resource.Properties?.Create ?? resource.Properties?.Update;
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(refOf(raw)) as SdkCall;
  } catch {
    return undefined;
  }
}

/** Resource types the model reads; a logical id shared by two templates matters only for these. */
const ROUTING_TYPES = new Set([
  'AWS::EC2::VPC',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::Subnet',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::Route',
  'AWS::EC2::TransitGateway',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::TransitGatewayRouteTableAssociation',
  'AWS::EC2::TransitGatewayRouteTablePropagation',
  'AWS::EC2::TransitGatewayRoute',
  'AWS::EC2::Instance',
  'Custom::AWS',
]);

const REF_PATTERN = /^\$\{Ref:([^}]+)\}$/;
const GETATT_PATTERN = /^\$\{GetAtt:([^.}]+)\.([^}]+)\}$/;

/** The routing facts of a set of templates. */
export class RoutingModel {
  readonly vpcCidrs = new Map<string, Ipv4Cidr[]>();
  readonly subnets = new Map<string, SubnetInfo>();
  /** Route table id -> VPC id. */
  readonly routeTableVpc = new Map<string, string>();
  /** Subnet id -> route table id. */
  readonly subnetRouteTable = new Map<string, string>();
  readonly routes = new Map<string, VpcRoute[]>();
  /** Transit Gateway id -> whether attachments associate with / propagate to its default route table. */
  readonly transitGateways = new Map<string, { readonly association: boolean; readonly propagation: boolean }>();
  readonly attachments = new Map<string, TgwAttachmentInfo>();
  /** Attachment id -> Transit Gateway route table id it is associated with (explicitly). */
  readonly explicitAssociations = new Map<string, string>();
  /** Transit Gateway route table id -> attachment ids propagating into it (explicitly). */
  readonly explicitPropagations = new Map<string, string[]>();
  readonly tgwStaticRoutes = new Map<string, TgwRoute[]>();
  /** Things the model could not interpret (skipped routes with deploy-time CIDRs, ...). */
  readonly notes: string[] = [];
  private readonly resources = new Map<string, CfnResourceJson>();

  constructor(templates: readonly LabTemplate[]) {
    for (const { template } of resolveTemplates(templates)) {
      for (const [logicalId, resource] of Object.entries(template.Resources)) {
        const previous = this.resources.get(logicalId);
        if (previous && (ROUTING_TYPES.has(previous.Type) || ROUTING_TYPES.has(resource.Type))) {
          this.notes.push(`logical id ${logicalId} appears in two templates; routing through it may be wrong`);
        }
        this.resources.set(logicalId, resource);
      }
    }
    for (const [id, resource] of this.resources) this.read(`\${Ref:${id}}`, id, resource);
  }

  private read(ref: string, logicalId: string, resource: CfnResourceJson): void {
    const p = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::EC2::VPC':
        this.addVpcCidr(ref, cidrOf(p.CidrBlock));
        break;
      case 'AWS::EC2::VPCCidrBlock':
        this.addVpcCidr(refOf(p.VpcId), cidrOf(p.CidrBlock));
        break;
      case 'AWS::EC2::Subnet':
        this.subnets.set(ref, {
          id: ref,
          vpc: refOf(p.VpcId),
          cidr: cidrOf(p.CidrBlock),
          zone: refOf(p.AvailabilityZone),
          tags: tagsOf(resource),
        });
        break;
      case 'AWS::EC2::RouteTable':
        this.routeTableVpc.set(ref, refOf(p.VpcId));
        break;
      case 'AWS::EC2::SubnetRouteTableAssociation':
        this.subnetRouteTable.set(refOf(p.SubnetId), refOf(p.RouteTableId));
        break;
      case 'AWS::EC2::Route': {
        const destination = cidrOf(p.DestinationCidrBlock);
        if (!destination) {
          if (p.DestinationCidrBlock !== undefined)
            this.notes.push(`route ${logicalId}: destination ${refOf(p.DestinationCidrBlock)} is not a literal CIDR`);
          break;
        }
        const table = refOf(p.RouteTableId);
        this.routes.set(table, [
          ...(this.routes.get(table) ?? []),
          { destination, target: this.targetOf(p), logicalId },
        ]);
        break;
      }
      case 'AWS::EC2::TransitGateway':
        this.transitGateways.set(ref, {
          association: p.DefaultRouteTableAssociation !== 'disable',
          propagation: p.DefaultRouteTablePropagation !== 'disable',
        });
        break;
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment':
        this.attachments.set(ref, {
          id: ref,
          transitGateway: refOf(p.TransitGatewayId),
          vpc: refOf(p.VpcId),
          subnets: ((p.SubnetIds ?? []) as unknown[]).map(refOf),
        });
        break;
      case 'AWS::EC2::TransitGatewayRouteTableAssociation':
        this.explicitAssociations.set(
          this.attachmentRef(p.TransitGatewayAttachmentId),
          this.tgwRouteTableRef(p.TransitGatewayRouteTableId),
        );
        break;
      case 'AWS::EC2::TransitGatewayRouteTablePropagation': {
        const table = this.tgwRouteTableRef(p.TransitGatewayRouteTableId);
        this.explicitPropagations.set(table, [
          ...(this.explicitPropagations.get(table) ?? []),
          this.attachmentRef(p.TransitGatewayAttachmentId),
        ]);
        break;
      }
      case 'AWS::EC2::TransitGatewayRoute': {
        const destination = cidrOf(p.DestinationCidrBlock);
        if (!destination) {
          this.notes.push(`Transit Gateway route ${logicalId}: destination is not a literal CIDR`);
          break;
        }
        const table = this.tgwRouteTableRef(p.TransitGatewayRouteTableId);
        const route: TgwRoute =
          p.Blackhole === true || p.Blackhole === 'true'
            ? { destination, kind: 'static' }
            : { destination, attachment: this.attachmentRef(p.TransitGatewayAttachmentId), kind: 'static' };
        this.tgwStaticRoutes.set(table, [...(this.tgwStaticRoutes.get(table) ?? []), route]);
        break;
      }
      default:
        break;
    }
  }

  private addVpcCidr(vpc: string, cidr: Ipv4Cidr | undefined): void {
    if (cidr) this.vpcCidrs.set(vpc, [...(this.vpcCidrs.get(vpc) ?? []), cidr]);
  }

  /** `${GetAtt:Attachment.Id}` and `${Ref:Attachment}` name the same attachment. */
  private attachmentRef(value: unknown): string {
    const rendered = refOf(value);
    const getAtt = GETATT_PATTERN.exec(rendered);
    return getAtt && getAtt[2] === 'Id' ? `\${Ref:${getAtt[1]}}` : rendered;
  }

  /**
   * A Transit Gateway route table id. The default association route table, read at deploy time by a
   * `DescribeTransitGateways` custom resource, is named `default-association:<transit gateway>`.
   */
  private tgwRouteTableRef(value: unknown): string {
    const rendered = refOf(value);
    const getAtt = GETATT_PATTERN.exec(rendered);
    if (getAtt && getAtt[2] === 'TransitGateways.0.Options.AssociationDefaultRouteTableId') {
      const call = sdkCallOf(this.resources.get(getAtt[1]));
      const ids = call?.parameters?.TransitGatewayIds;
      if (call?.action === 'describeTransitGateways' && Array.isArray(ids) && ids.length === 1)
        return defaultRouteTableOf(String(ids[0]));
    }
    return rendered;
  }

  private targetOf(p: Readonly<Record<string, unknown>>): RouteTarget {
    if (p.TransitGatewayId !== undefined) return { kind: 'transit-gateway', ref: refOf(p.TransitGatewayId) };
    if (p.NatGatewayId !== undefined) return { kind: 'nat-gateway', ref: refOf(p.NatGatewayId) };
    if (p.InstanceId !== undefined) return { kind: 'instance', ref: refOf(p.InstanceId) };
    if (p.VpcPeeringConnectionId !== undefined) return { kind: 'vpc-peering', ref: refOf(p.VpcPeeringConnectionId) };
    if (p.NetworkInterfaceId !== undefined) {
      const ref = refOf(p.NetworkInterfaceId);
      return { kind: 'network-interface', ref, primaryInterfaceOf: this.primaryInterfaceOwner(ref) };
    }
    if (p.GatewayId !== undefined) {
      const ref = refOf(p.GatewayId);
      const match = REF_PATTERN.exec(ref);
      const type = match ? this.resources.get(match[1])?.Type : undefined;
      return { kind: type === 'AWS::EC2::InternetGateway' ? 'internet-gateway' : 'other', ref };
    }
    return { kind: 'other', ref: JSON.stringify(p) };
  }

  /**
   * The instance whose primary interface a deploy-time lookup returns: a `DescribeNetworkInterfaces` call filtered
   * on one instance id and device index 0, read at `NetworkInterfaces.0.NetworkInterfaceId`.
   */
  private primaryInterfaceOwner(ref: string): string | undefined {
    const getAtt = GETATT_PATTERN.exec(ref);
    if (!getAtt || getAtt[2] !== 'NetworkInterfaces.0.NetworkInterfaceId') return undefined;
    const call = sdkCallOf(this.resources.get(getAtt[1]));
    if (call?.action !== 'describeNetworkInterfaces') return undefined;
    const filters = (call.parameters?.Filters ?? []) as { Name?: string; Values?: unknown[] }[];
    const value = (name: string) => filters.find((filter) => filter.Name === name)?.Values;
    const instances = value('attachment.instance-id');
    const deviceIndex = value('attachment.device-index');
    if (
      !instances ||
      instances.length !== 1 ||
      !deviceIndex ||
      deviceIndex.length !== 1 ||
      String(deviceIndex[0]) !== '0'
    )
      return undefined;
    const instance = REF_PATTERN.exec(String(instances[0]));
    return instance && this.resources.get(instance[1])?.Type === 'AWS::EC2::Instance'
      ? String(instances[0])
      : undefined;
  }

  /** The resource behind a `${Ref:...}`. */
  resource(ref: string): CfnResourceJson | undefined {
    const match = REF_PATTERN.exec(ref);
    return match ? this.resources.get(match[1]) : undefined;
  }

  /** Routes of a VPC route table, the implicit local routes first. */
  routeTableRoutes(routeTable: string): VpcRoute[] {
    const vpc = this.routeTableVpc.get(routeTable);
    const local = (vpc ? (this.vpcCidrs.get(vpc) ?? []) : []).map(
      (destination) => ({ destination, target: { kind: 'local', ref: vpc ?? '' } }) as VpcRoute,
    );
    return [...local, ...(this.routes.get(routeTable) ?? [])];
  }

  /** The route table an attachment uses: its explicit association, else the default one when enabled. */
  associatedTgwRouteTable(attachment: TgwAttachmentInfo): string | undefined {
    const explicit = this.explicitAssociations.get(attachment.id);
    if (explicit) return explicit;
    return this.transitGateways.get(attachment.transitGateway)?.association
      ? defaultRouteTableOf(attachment.transitGateway)
      : undefined;
  }

  /** Static and propagated routes of a Transit Gateway route table. */
  tgwRouteTableRoutes(routeTable: string): TgwRoute[] {
    const propagating = new Set(this.explicitPropagations.get(routeTable) ?? []);
    for (const attachment of this.attachments.values()) {
      const tgw = this.transitGateways.get(attachment.transitGateway);
      if (tgw?.propagation && routeTable === defaultRouteTableOf(attachment.transitGateway))
        propagating.add(attachment.id);
    }
    const propagated = [...propagating].flatMap((id) => {
      const attachment = this.attachments.get(id);
      return (attachment ? (this.vpcCidrs.get(attachment.vpc) ?? []) : []).map(
        (destination) => ({ destination, attachment: id, kind: 'propagated' }) as TgwRoute,
      );
    });
    return [...(this.tgwStaticRoutes.get(routeTable) ?? []), ...propagated];
  }
}

export function defaultRouteTableOf(transitGateway: string): string {
  return `default-association:${transitGateway}`;
}

/** Longest prefix match; among equal prefixes the first wins (callers list local or static routes first). */
function longestMatch<T extends { readonly destination: Ipv4Cidr }>(
  routes: readonly T[],
  address: string,
): T | undefined {
  let best: T | undefined;
  for (const route of routes) {
    if (!cidrContainsAddress(route.destination, address)) continue;
    if (!best || route.destination.prefixLength > best.destination.prefixLength) best = route;
  }
  return best;
}

const MAX_HOPS = 8;

/**
 * Walks a packet for `destination` (an IPv4 address) leaving `fromSubnet` (a `${Ref:...}` subnet id) until it is
 * delivered, leaves through a gateway or interface, or is dropped.
 */
export function tracePacket(model: RoutingModel, fromSubnet: string, destination: string): PacketTrace {
  const hops: Hop[] = [];
  const source = model.subnets.get(fromSubnet);
  if (!source) return { outcome: 'no-route', hops: [{ at: fromSubnet, via: 'unknown subnet' }] };
  let subnet: SubnetInfo = source;
  const seen = new Set<string>();
  for (let step = 0; step < MAX_HOPS; step++) {
    const routeTable = model.subnetRouteTable.get(subnet.id);
    if (!routeTable)
      return { outcome: 'no-route', hops: [...hops, { at: subnet.id, via: 'no route table associated' }] };
    if (seen.has(routeTable)) return { outcome: 'loop', hops };
    seen.add(routeTable);
    const route = longestMatch(model.routeTableRoutes(routeTable), destination);
    if (!route) return { outcome: 'no-route', hops: [...hops, { at: routeTable, via: `no route for ${destination}` }] };
    hops.push({ at: routeTable, via: `${route.destination.text} -> ${route.target.kind} ${route.target.ref}` });
    switch (route.target.kind) {
      case 'local':
        return { outcome: 'delivered-in-vpc', hops, vpc: subnet.vpc, target: route.target };
      case 'network-interface':
        return { outcome: 'network-interface', hops, target: route.target };
      case 'internet-gateway':
        return { outcome: 'internet-gateway', hops, target: route.target };
      case 'nat-gateway':
        return { outcome: 'nat-gateway', hops, target: route.target };
      case 'instance':
        return { outcome: 'instance', hops, target: route.target };
      case 'transit-gateway':
        break;
      default:
        return { outcome: 'unsupported-target', hops, target: route.target };
    }
    // Into the Transit Gateway through the attachment of this VPC, in this subnet's Availability Zone.
    const entry = [...model.attachments.values()].find(
      (candidate) => candidate.transitGateway === route.target.ref && candidate.vpc === subnet.vpc,
    );
    if (!entry) return { outcome: 'no-attachment', hops, target: route.target };
    const zones = entry.subnets.map((id) => model.subnets.get(id)?.zone);
    if (!zones.includes(subnet.zone)) return { outcome: 'attachment-not-in-zone', hops, target: route.target };
    const tgwTable = model.associatedTgwRouteTable(entry);
    if (!tgwTable)
      return {
        outcome: 'no-route',
        hops: [...hops, { at: entry.id, via: 'attachment associated with no route table' }],
      };
    const tgwRoute = longestMatch(model.tgwRouteTableRoutes(tgwTable), destination);
    if (!tgwRoute)
      return { outcome: 'no-route', hops: [...hops, { at: tgwTable, via: `no route for ${destination}` }] };
    if (!tgwRoute.attachment)
      return { outcome: 'blackhole', hops: [...hops, { at: tgwTable, via: `${tgwRoute.destination.text} blackhole` }] };
    hops.push({
      at: tgwTable,
      via: `${tgwRoute.destination.text} -> ${tgwRoute.kind} attachment ${tgwRoute.attachment}`,
    });
    const exit = model.attachments.get(tgwRoute.attachment);
    if (!exit) return { outcome: 'no-attachment', hops };
    // The packet leaves the attachment's interface in the same zone when there is one, and is routed by that
    // subnet's route table.
    const exitSubnetId = exit.subnets.find((id) => model.subnets.get(id)?.zone === subnet.zone) ?? exit.subnets[0];
    const exitSubnet = exitSubnetId ? model.subnets.get(exitSubnetId) : undefined;
    if (!exitSubnet)
      return { outcome: 'no-route', hops: [...hops, { at: exit.id, via: 'attachment has no known subnet' }] };
    subnet = exitSubnet;
  }
  return { outcome: 'loop', hops };
}

/** A readable one-line account of a trace. */
export function describeTrace(trace: PacketTrace): string {
  return `${trace.outcome}: ${trace.hops.map((hop) => `${hop.at} [${hop.via}]`).join(' => ')}`;
}
