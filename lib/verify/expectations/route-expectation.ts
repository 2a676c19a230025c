import type { CheckOutcome, LabExpectation, LiveCheck } from '../lab-expectation';
import { describeTrace, type PacketTrace, RoutingModel, tracePacket } from '../route-analysis';
import type { SynthesizedOutput } from '../synthesized-lab';

/** Which subnets packets leave from: by the VPC's primary CIDR (and CDK's subnet type tag), or by subnet CIDR. */
export type SubnetSelector =
  { readonly vpcCidr: string; readonly subnetType?: 'Public' | 'Private' } | { readonly subnetCidr: string };

/** Where the packet must end. */
export type RouteDestination =
  | {
      readonly kind: 'primary-interface-of-instance';
      readonly instanceTag: { readonly key: string; readonly value: string };
    }
  | { readonly kind: 'delivered-in-vpc'; readonly vpcCidr: string };

export interface RouteExpectationProps {
  readonly id: string;
  readonly module: string;
  readonly subject: string;
  readonly expected: string;
  readonly source?: string;
  readonly from: SubnetSelector;
  /** Destination IPv4 address of the packet. */
  readonly address: string;
  readonly reaches: RouteDestination;
  readonly live?: LiveCheck;
}

const models = new WeakMap<SynthesizedOutput, RoutingModel>();

export function labRoutingModel(lab: SynthesizedOutput): RoutingModel {
  let model = models.get(lab);
  if (!model) {
    model = new RoutingModel(lab.templates);
    models.set(lab, model);
  }
  return model;
}

function vpcWithCidr(model: RoutingModel, cidr: string): string | undefined {
  return [...model.vpcCidrs].find(([, cidrs]) => cidrs[0]?.text === cidr)?.[0];
}

export function selectSubnets(model: RoutingModel, selector: SubnetSelector): string[] {
  if ('subnetCidr' in selector)
    return [...model.subnets.values()]
      .filter((subnet) => subnet.cidr?.text === selector.subnetCidr)
      .map((subnet) => subnet.id);
  const vpc = vpcWithCidr(model, selector.vpcCidr);
  return [...model.subnets.values()]
    .filter(
      (subnet) =>
        subnet.vpc === vpc && (!selector.subnetType || subnet.tags['aws-cdk:subnet-type'] === selector.subnetType),
    )
    .map((subnet) => subnet.id);
}

function instanceWithTag(
  model: RoutingModel,
  instanceRef: string | undefined,
  tag: { key: string; value: string },
): boolean {
  if (!instanceRef) return false;
  const resource = model.resource(instanceRef);
  const tags = (resource?.Properties?.Tags ?? []) as { Key?: unknown; Value?: unknown }[];
  return (
    resource?.Type === 'AWS::EC2::Instance' &&
    tags.some((candidate) => candidate.Key === tag.key && candidate.Value === tag.value)
  );
}

function failureOf(model: RoutingModel, trace: PacketTrace, reaches: RouteDestination): string | undefined {
  if (reaches.kind === 'primary-interface-of-instance') {
    if (trace.outcome !== 'network-interface') return `ends in ${trace.outcome}`;
    if (!instanceWithTag(model, trace.target?.primaryInterfaceOf, reaches.instanceTag)) {
      return `ends at ${trace.target?.ref}, not the primary interface of the instance tagged ${reaches.instanceTag.key}=${reaches.instanceTag.value}`;
    }
    return undefined;
  }
  if (trace.outcome !== 'delivered-in-vpc') return `ends in ${trace.outcome}`;
  const vpc = vpcWithCidr(model, reaches.vpcCidr);
  return trace.vpc === vpc ? undefined : `delivered in ${trace.vpc}, not in the VPC ${reaches.vpcCidr}`;
}

function check(lab: SynthesizedOutput, props: RouteExpectationProps): CheckOutcome {
  const model = labRoutingModel(lab);
  const subnets = selectSubnets(model, props.from);
  if (subnets.length === 0) return { pass: false, actual: `no subnet matches ${JSON.stringify(props.from)}` };
  const results = subnets.map((subnet) => {
    const trace = tracePacket(model, subnet, props.address);
    return { subnet, trace, failure: failureOf(model, trace, props.reaches) };
  });
  const failed = results.filter((result) => result.failure !== undefined);
  const notes = [...results.map((result) => `${result.subnet}: ${describeTrace(result.trace)}`), ...model.notes];
  if (failed.length > 0) {
    return {
      pass: false,
      actual: failed.map((result) => `from ${result.subnet}: ${result.failure}`).join('; '),
      notes,
    };
  }
  return {
    pass: true,
    actual: `from ${subnets.length} subnet(s): ${results[0].trace.hops.length} hop(s), ${results[0].trace.outcome}`,
    notes,
  };
}

/**
 * A routing promise: a packet for `address` leaving each selected subnet ends where `reaches` says, walked through
 * the synthesized route tables and Transit Gateway (lib/verify/route-analysis.ts). Routing is proven offline only,
 * unless the declaration brings a live check of its own.
 */
export function routeExpectation(props: RouteExpectationProps): LabExpectation {
  return {
    id: props.id,
    module: props.module,
    subject: props.subject,
    expected: props.expected,
    source: props.source,
    checkOffline: (lab) => check(lab, props),
    live: props.live,
  };
}
