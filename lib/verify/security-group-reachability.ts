import { CfnStackGraph, type ResolvedCfnValue, type ResourceAddress, resolvedValueKey } from './cfn-stack-references';
import type { LabTemplate } from './cfn-template';
import { cidrContains, cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr } from '../config/ipv4-cidr';

/**
 * Security group reachability over synthesized CloudFormation templates: which endpoint (a pod, a database) may
 * open a connection to which other endpoint on a port, judged by EC2 security group rules alone.
 *
 * Semantics (Amazon VPC user guide, "Security group rules"; CloudFormation `AWS::EC2::SecurityGroup`):
 * - Rules only allow; a connection needs an egress rule of one of the source's groups and an ingress rule of one
 *   of the destination's groups. Security groups are stateful, so replies need no rule.
 * - A rule's peer is a CIDR (it must cover every address the other endpoint may have) or a security group (the
 *   other endpoint must carry it).
 * - A group declared without `SecurityGroupEgress` gets EC2's default allow-all egress rule; a group that lists
 *   egress rules has only those. Standalone AWS::EC2::SecurityGroupIngress/Egress resources add to their group.
 * - IPv6 ranges and prefix lists are kept but match no IPv4 endpoint; a CIDR that is a deploy-time token matches
 *   nothing (the analysis cannot know it).
 *
 * Groups the templates only reference (the EKS cluster security group) are described by the caller with their
 * documented default rules (`ExternalSecurityGroup`); rules the templates add to them are merged in.
 */

export type SecurityGroupProtocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | `ip-${number}`;

export type SecurityGroupPeer =
  | { readonly kind: 'cidr'; readonly cidr: Ipv4Cidr }
  | { readonly kind: 'group'; readonly group: string }
  /** IPv6 range, prefix list, a CIDR token: kept for reports, matches no IPv4 endpoint. */
  | { readonly kind: 'other'; readonly text: string };

export interface SecurityGroupRule {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: SecurityGroupProtocol;
  /** Inclusive port range; undefined means every port (protocol `all`, or no range given). */
  readonly ports?: { readonly from: number; readonly to: number };
  readonly peer: SecurityGroupPeer;
  readonly description?: string;
  /** Where the rule comes from: a template resource, EC2's default egress rule, or a declared external group. */
  readonly origin: RuleOrigin;
}

export type RuleOrigin =
  | { readonly kind: 'inline'; readonly resource: ResourceAddress }
  | { readonly kind: 'standalone'; readonly resource: ResourceAddress }
  | { readonly kind: 'ec2-default-egress'; readonly resource: ResourceAddress }
  | { readonly kind: 'external'; readonly source: string };

export interface SecurityGroup {
  /** Stable identity: `sg:<stack path>#<logical id>` for a template resource, else the reference's key. */
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly resource?: ResourceAddress;
  readonly rules: readonly SecurityGroupRule[];
  /**
   * The group exists outside the templates and nobody described its other rules: only the rules the templates
   * add to it are known.
   */
  readonly partial: boolean;
}

/** A rule of a group the templates only reference; `self` is the group itself. */
export interface ExternalSecurityGroupRule {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: SecurityGroupProtocol;
  readonly ports?: { readonly from: number; readonly to: number };
  readonly peer: SecurityGroupPeer | { readonly kind: 'self' };
  readonly description?: string;
}

export interface ExternalSecurityGroup {
  readonly key: string;
  readonly label: string;
  readonly rules: readonly ExternalSecurityGroupRule[];
  /** Where the rules come from (a documentation page), shown in explanations. */
  readonly source: string;
}

/** Something that sends or receives traffic: the security groups on its network interface and where its IP lies. */
export interface NetworkEndpoint {
  readonly name: string;
  readonly securityGroups: readonly string[];
  /**
   * The ranges its IPv4 address may come from (a pod that can run on several node groups may draw from several);
   * a CIDR rule admits the endpoint only when rules cover every range.
   */
  readonly addresses: readonly Ipv4Cidr[];
}

export type TransportProtocol = 'tcp' | 'udp';

export interface DirectionDecision {
  /** The rules admit every address range of the other endpoint. */
  readonly allowed: boolean;
  /** How much of the other endpoint's address ranges the rules admit. */
  readonly coverage: 'all' | 'some' | 'none';
  /** The first rule that allows the traffic, with its group. */
  readonly rule?: { readonly group: SecurityGroup; readonly rule: SecurityGroupRule };
  readonly reason: string;
}

export interface SecurityGroupReachability {
  /** Allowed whatever addresses the two endpoints get. */
  readonly allowed: boolean;
  /** Blocked whatever addresses they get (one direction admits none of the other's ranges). */
  readonly blocked: boolean;
  readonly egress: DirectionDecision;
  readonly ingress: DirectionDecision;
  /** One line: the verdict and the deciding rules, or what is missing. */
  readonly explanation: string;
  readonly notes: readonly string[];
}

const SECURITY_GROUP_TYPE = 'AWS::EC2::SecurityGroup';
const INGRESS_TYPE = 'AWS::EC2::SecurityGroupIngress';
const EGRESS_TYPE = 'AWS::EC2::SecurityGroupEgress';
const ANY_IPV4: Ipv4Cidr = parseIpv4Cidr('0.0.0.0/0') as Ipv4Cidr;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** EC2 accepts protocol names or numbers; -1 is every protocol. */
export function parseSecurityGroupProtocol(value: unknown): SecurityGroupProtocol {
  const text = String(value).toLowerCase();
  switch (text) {
    case '-1':
    case 'all':
      return 'all';
    case 'tcp':
    case '6':
      return 'tcp';
    case 'udp':
    case '17':
      return 'udp';
    case 'icmp':
    case '1':
      return 'icmp';
    case 'icmpv6':
    case '58':
      return 'icmpv6';
    default:
      return `ip-${Number(text)}`;
  }
}

function portRange(protocol: SecurityGroupProtocol, from: unknown, to: unknown): SecurityGroupRule['ports'] {
  if (protocol === 'all') return undefined;
  const low = from === undefined ? -1 : Number(from);
  const high = to === undefined ? -1 : Number(to);
  // For TCP and UDP, -1 (or no range) means every port; ICMP keeps type/code in the same fields.
  if (low === -1 && high === -1) return undefined;
  return { from: low, to: high };
}

function ruleMatches(rule: SecurityGroupRule, protocol: TransportProtocol, port: number): boolean {
  if (rule.protocol !== 'all' && rule.protocol !== protocol) return false;
  return rule.ports === undefined || (port >= rule.ports.from && port <= rule.ports.to);
}

function describePeer(peer: SecurityGroupPeer, groups: ReadonlyMap<string, SecurityGroup>): string {
  if (peer.kind === 'cidr') return peer.cidr.text;
  if (peer.kind === 'group') return groups.get(peer.group)?.label ?? peer.group;
  return peer.text;
}

export function describeRule(rule: SecurityGroupRule, groups: ReadonlyMap<string, SecurityGroup>): string {
  const ports = rule.ports
    ? rule.ports.from === rule.ports.to
      ? `${rule.ports.from}`
      : `${rule.ports.from}-${rule.ports.to}`
    : 'all';
  const direction = rule.direction === 'ingress' ? 'from' : 'to';
  const text = `${rule.direction} ${rule.protocol}/${ports} ${direction} ${describePeer(rule.peer, groups)}`;
  return rule.description ? `${text} ("${rule.description}")` : text;
}

/** The security groups and rules of a lab, read from its synthesized templates. */
export class SecurityGroupModel {
  private readonly groups = new Map<string, SecurityGroup>();
  private readonly notesByGroup = new Map<string, string[]>();

  static fromTemplates(
    templates: readonly LabTemplate[],
    options: { readonly externalGroups?: readonly ExternalSecurityGroup[] } = {},
  ): SecurityGroupModel {
    return new SecurityGroupModel(new CfnStackGraph(templates), options.externalGroups ?? []);
  }

  private constructor(
    readonly graph: CfnStackGraph,
    externalGroups: readonly ExternalSecurityGroup[],
  ) {
    const rules = new Map<string, SecurityGroupRule[]>();
    const add = (key: string, rule: SecurityGroupRule) => rules.set(key, [...(rules.get(key) ?? []), rule]);
    const declared = new Map<string, Omit<SecurityGroup, 'rules' | 'partial'>>();

    for (const { address, resource } of graph.resourcesOfType(SECURITY_GROUP_TYPE)) {
      const key = this.groupKeyForAddress(address);
      const properties = resource.Properties ?? {};
      const description = typeof properties.GroupDescription === 'string' ? properties.GroupDescription : undefined;
      declared.set(key, { key, label: address.logicalId, description, resource: address });
      rules.set(key, rules.get(key) ?? []);
      const origin: RuleOrigin = { kind: 'inline', resource: address };
      for (const entry of Array.isArray(properties.SecurityGroupIngress) ? properties.SecurityGroupIngress : []) {
        if (isRecord(entry)) add(key, this.readRule(address.stackPath, 'ingress', entry, origin));
      }
      const egress = Array.isArray(properties.SecurityGroupEgress) ? properties.SecurityGroupEgress : [];
      for (const entry of egress) {
        if (isRecord(entry)) add(key, this.readRule(address.stackPath, 'egress', entry, origin));
      }
      if (egress.length === 0) {
        // CloudFormation: "if you do not add egress rules, we add egress rules that allow all outbound IPv4 and
        // IPv6 traffic" (AWS::EC2::SecurityGroup).
        add(key, {
          direction: 'egress',
          protocol: 'all',
          peer: { kind: 'cidr', cidr: ANY_IPV4 },
          description: 'EC2 default egress rule (the group declares no egress rules)',
          origin: { kind: 'ec2-default-egress', resource: address },
        });
      }
    }

    for (const [type, direction] of [
      [INGRESS_TYPE, 'ingress'],
      [EGRESS_TYPE, 'egress'],
    ] as const) {
      for (const { address, resource } of graph.resourcesOfType(type)) {
        const properties = resource.Properties ?? {};
        const key = this.groupKeyOf(address.stackPath, properties.GroupId);
        add(key, this.readRule(address.stackPath, direction, properties, { kind: 'standalone', resource: address }));
      }
    }

    const external = new Map(externalGroups.map((group) => [group.key, group]));
    for (const group of externalGroups) {
      for (const rule of group.rules) {
        add(group.key, {
          ...rule,
          peer: rule.peer.kind === 'self' ? { kind: 'group', group: group.key } : rule.peer,
          origin: { kind: 'external', source: group.source },
        });
      }
    }

    for (const [key, groupRules] of rules) {
      const known = declared.get(key);
      const described = external.get(key);
      this.groups.set(key, {
        key,
        label: known?.label ?? described?.label ?? key,
        description: known?.description,
        resource: known?.resource,
        rules: groupRules,
        partial: known === undefined && described === undefined,
      });
      if (known === undefined && described === undefined) {
        this.notesByGroup.set(key, [
          `security group ${key} is not defined in the templates and was not described: only the rules the templates add to it are known`,
        ]);
      }
    }
  }

  allGroups(): SecurityGroup[] {
    return [...this.groups.values()];
  }

  group(key: string): SecurityGroup | undefined {
    return this.groups.get(key);
  }

  /** The group key a CloudFormation value (a `Ref`/`GetAtt GroupId`, a parameter, a literal id) stands for. */
  groupKeyOf(stackPath: string, value: unknown): string {
    return this.keyOfResolved(this.graph.resolve(stackPath, value));
  }

  /** The group key a rendered manifest placeholder (`${GetAtt:Sg.GroupId}`) stands for. */
  groupKeyOfPlaceholder(stackPath: string, text: string): string {
    return this.keyOfResolved(this.graph.resolvePlaceholder(stackPath, text));
  }

  private groupKeyForAddress(address: ResourceAddress): string {
    return `sg:${address.stackPath}#${address.logicalId}`;
  }

  private keyOfResolved(resolved: ResolvedCfnValue): string {
    if (resolved.kind === 'ref' || (resolved.kind === 'attribute' && resolved.attribute === 'GroupId')) {
      if (this.graph.resource(resolved.resource)?.Type === SECURITY_GROUP_TYPE)
        return this.groupKeyForAddress(resolved.resource);
    }
    return resolvedValueKey(resolved);
  }

  private readRule(
    stackPath: string,
    direction: 'ingress' | 'egress',
    entry: Readonly<Record<string, unknown>>,
    origin: RuleOrigin,
  ): SecurityGroupRule {
    const protocol = parseSecurityGroupProtocol(entry.IpProtocol);
    const groupPeer = direction === 'ingress' ? entry.SourceSecurityGroupId : entry.DestinationSecurityGroupId;
    const prefixList = direction === 'ingress' ? entry.SourcePrefixListId : entry.DestinationPrefixListId;
    let peer: SecurityGroupPeer;
    if (entry.CidrIp !== undefined) {
      const resolved = this.graph.resolve(stackPath, entry.CidrIp);
      const parsed = resolved.kind === 'literal' ? parseIpv4Cidr(resolved.value) : undefined;
      peer =
        parsed !== undefined && typeof parsed !== 'string'
          ? { kind: 'cidr', cidr: parsed }
          : { kind: 'other', text: resolvedValueKey(resolved) };
    } else if (groupPeer !== undefined) {
      peer = { kind: 'group', group: this.groupKeyOf(stackPath, groupPeer) };
    } else if (entry.CidrIpv6 !== undefined) {
      peer = { kind: 'other', text: `IPv6 ${resolvedValueKey(this.graph.resolve(stackPath, entry.CidrIpv6))}` };
    } else if (prefixList !== undefined) {
      peer = { kind: 'other', text: `prefix list ${resolvedValueKey(this.graph.resolve(stackPath, prefixList))}` };
    } else {
      peer = { kind: 'other', text: 'no peer (EC2 adds no rule)' };
    }
    return {
      direction,
      protocol,
      ports: portRange(protocol, entry.FromPort, entry.ToPort),
      peer,
      description: typeof entry.Description === 'string' ? entry.Description : undefined,
      origin,
    };
  }

  /** Whether `from` may open a `protocol` connection to `to` on `port`, and which rules decide it. */
  canReach(
    from: NetworkEndpoint,
    to: NetworkEndpoint,
    port: number,
    protocol: TransportProtocol,
  ): SecurityGroupReachability {
    const notes: string[] = [];
    const egress = this.decide('egress', from, to, port, protocol, notes);
    const ingress = this.decide('ingress', to, from, port, protocol, notes);
    const allowed = egress.allowed && ingress.allowed;
    const blocked = egress.coverage === 'none' || ingress.coverage === 'none';
    const what = `${from.name} -> ${to.name} ${protocol}/${port}`;
    const failing = [egress, ingress]
      .filter((decision) => !decision.allowed)
      .map((decision) => decision.reason)
      .join('; ');
    const explanation = allowed
      ? `${what} allowed: ${egress.reason}; ${ingress.reason}`
      : `${what} ${blocked ? 'blocked' : 'allowed only for some addresses'}: ${failing}`;
    return { allowed, blocked, egress, ingress, explanation, notes };
  }

  /** Whether `owner`'s groups have `direction` rules that admit `peer` (every one of its address ranges). */
  private decide(
    direction: 'ingress' | 'egress',
    owner: NetworkEndpoint,
    peer: NetworkEndpoint,
    port: number,
    protocol: TransportProtocol,
    notes: string[],
  ): DirectionDecision {
    const addNote = (note: string) => {
      if (!notes.includes(note)) notes.push(note);
    };
    const groups: SecurityGroup[] = [];
    for (const key of owner.securityGroups) {
      const group = this.groups.get(key);
      if (group) {
        groups.push(group);
        for (const note of this.notesByGroup.get(key) ?? []) addNote(note);
      } else {
        addNote(`security group ${key} of ${owner.name} has no rules in the templates`);
      }
    }
    const candidates = groups.flatMap((group) =>
      group.rules
        .filter((rule) => rule.direction === direction && ruleMatches(rule, protocol, port))
        .map((rule) => ({ group, rule })),
    );
    const because = (matches: readonly { group: SecurityGroup; rule: SecurityGroupRule }[]) =>
      `${direction} by ${matches.map(({ group, rule }) => `${group.label}: ${describeRule(rule, this.groups)}`).join(' and ')}`;

    const byGroup = candidates.find(
      ({ rule }) => rule.peer.kind === 'group' && peer.securityGroups.includes(rule.peer.group),
    );
    if (byGroup) return { allowed: true, coverage: 'all', rule: byGroup, reason: because([byGroup]) };

    const covering: { group: SecurityGroup; rule: SecurityGroupRule }[] = [];
    const uncovered: Ipv4Cidr[] = [];
    let partlyCovered = false;
    for (const range of peer.addresses) {
      const match = candidates.find(({ rule }) => rule.peer.kind === 'cidr' && cidrContains(rule.peer.cidr, range));
      if (match) {
        if (!covering.includes(match)) covering.push(match);
        continue;
      }
      uncovered.push(range);
      for (const { group, rule } of candidates) {
        if (rule.peer.kind === 'cidr' && cidrsOverlap(rule.peer.cidr, range)) {
          partlyCovered = true;
          addNote(
            `${group.label} ${describeRule(rule, this.groups)} covers only part of ${peer.name}'s range ${range.text}`,
          );
        }
      }
    }
    if (peer.addresses.length > 0 && uncovered.length === 0) {
      return { allowed: true, coverage: 'all', rule: covering[0], reason: because(covering) };
    }
    const coverage = covering.length > 0 || partlyCovered ? 'some' : 'none';
    const labels = owner.securityGroups.map((key) => this.groups.get(key)?.label ?? key);
    const side = direction === 'egress' ? `to ${peer.name}` : `from ${peer.name}`;
    const peerGroups = peer.securityGroups.map((key) => this.groups.get(key)?.label ?? key).join(', ') || 'none';
    const ranges =
      (uncovered.length > 0 ? uncovered : peer.addresses).map((range) => range.text).join(', ') || 'no address';
    return {
      allowed: false,
      coverage,
      rule: covering[0],
      reason:
        owner.securityGroups.length === 0
          ? `${owner.name} has no security group`
          : `no ${direction} rule of ${labels.join(', ')} (${owner.name}) allows ${protocol}/${port} ${side} (${ranges}; groups ${peerGroups})`,
    };
  }
}

interface Ec2IpPermission {
  readonly IpProtocol?: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly IpRanges?: readonly { readonly CidrIp?: string; readonly Description?: string }[];
  readonly Ipv6Ranges?: readonly { readonly CidrIpv6?: string; readonly Description?: string }[];
  readonly PrefixListIds?: readonly { readonly PrefixListId?: string; readonly Description?: string }[];
  readonly UserIdGroupPairs?: readonly { readonly GroupId?: string; readonly Description?: string }[];
}

interface Ec2SecurityGroup {
  readonly GroupId: string;
  readonly GroupName?: string;
  readonly Description?: string;
  readonly IpPermissions?: readonly Ec2IpPermission[];
  readonly IpPermissionsEgress?: readonly Ec2IpPermission[];
}

/** The key a literal group id has in the model (what a template's literal `sg-...` resolves to). */
export function literalGroupKey(groupId: string): string {
  return resolvedValueKey({ kind: 'literal', value: groupId });
}

/**
 * Deployed security groups (`aws ec2 describe-security-groups --output json`) as external groups keyed by their
 * literal id, so the same analysis runs on what EC2 reports.
 */
export function externalGroupsFromDescribeSecurityGroups(output: unknown, source: string): ExternalSecurityGroup[] {
  const groups = (
    isRecord(output) && Array.isArray(output.SecurityGroups) ? output.SecurityGroups : []
  ) as Ec2SecurityGroup[];
  const rulesOf = (
    direction: 'ingress' | 'egress',
    permissions: readonly Ec2IpPermission[] = [],
  ): ExternalSecurityGroupRule[] =>
    permissions.flatMap((permission) => {
      const protocol = parseSecurityGroupProtocol(permission.IpProtocol ?? '-1');
      const ports = portRange(protocol, permission.FromPort, permission.ToPort);
      const peers: { peer: SecurityGroupPeer; description?: string }[] = [
        ...(permission.IpRanges ?? []).map((range) => {
          const parsed = parseIpv4Cidr(range.CidrIp ?? '');
          const peer: SecurityGroupPeer =
            typeof parsed === 'string' ? { kind: 'other', text: range.CidrIp ?? '' } : { kind: 'cidr', cidr: parsed };
          return { peer, description: range.Description };
        }),
        ...(permission.Ipv6Ranges ?? []).map((range) => ({
          peer: { kind: 'other', text: `IPv6 ${range.CidrIpv6}` } as SecurityGroupPeer,
          description: range.Description,
        })),
        ...(permission.PrefixListIds ?? []).map((list) => ({
          peer: { kind: 'other', text: `prefix list ${list.PrefixListId}` } as SecurityGroupPeer,
          description: list.Description,
        })),
        ...(permission.UserIdGroupPairs ?? []).map((pair) => ({
          peer: { kind: 'group', group: literalGroupKey(pair.GroupId ?? '') } as SecurityGroupPeer,
          description: pair.Description,
        })),
      ];
      return peers.map(({ peer, description }) => ({ direction, protocol, ports, peer, description }));
    });
  return groups.map((group) => ({
    key: literalGroupKey(group.GroupId),
    label: group.GroupName ? `${group.GroupName} (${group.GroupId})` : group.GroupId,
    rules: [...rulesOf('ingress', group.IpPermissions), ...rulesOf('egress', group.IpPermissionsEgress)],
    source,
  }));
}
