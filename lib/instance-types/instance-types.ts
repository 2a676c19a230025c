import { closestMatch, didYouMean } from '../text/closest-match';
import { INSTANCE_TYPE_FACTS } from './instance-type-facts';

/** CPU architecture as EC2 names it; a node group's AMI type follows it (AL2023_x86_64_* or AL2023_ARM_64_*). */
export type CpuArchitecture = 'x86_64' | 'arm64';

/** The hypervisor family. Bare metal rows carry `nitro` (their family) and `bareMetal: true`. */
export type Hypervisor = 'nitro' | 'xen';

/** What the lab knows about one instance type. The sources of every column are listed in instance-type-facts.ts. */
export interface InstanceTypeFacts {
  /** Default vCPUs; decides the EKS max-pods cap (110 up to 30 vCPUs, 250 above). */
  readonly vcpus: number;
  readonly architecture: CpuArchitecture;
  /** Maximum network interfaces on the default network card, the only card the VPC CNI uses for pods. */
  readonly maxEnis: number;
  /** IPv4 addresses per network interface, the primary address included. */
  readonly ipv4PerEni: number;
  readonly hypervisor: Hypervisor;
  readonly bareMetal: boolean;
  /** Whether the instance can attach a trunk ENI, the precondition for security groups for pods. */
  readonly trunkEni: boolean;
  /** Branch ENIs (pods with their own security groups) the trunk ENI supports; 0 without trunk support. */
  readonly branchEnis: number;
  /** T family: CPU credits, not sustained performance. */
  readonly burstable: boolean;
}

/** An instance type name the table knows. */
export type InstanceTypeName = keyof typeof INSTANCE_TYPE_FACTS;

/** One row of the table with its name. */
export interface InstanceType extends InstanceTypeFacts {
  readonly name: InstanceTypeName;
}

// The data file is a plain `as const` literal; this assignment makes the compiler check every row against the
// interface, so a misspelt or missing column, or a string where a number belongs, fails `tsc`, not a synth.
const FACTS_BY_NAME: Readonly<Record<InstanceTypeName, InstanceTypeFacts>> = INSTANCE_TYPE_FACTS;

/** Every instance type the table knows, in table order (family, then size). */
export const KNOWN_INSTANCE_TYPES: readonly InstanceTypeName[] = Object.freeze(
  Object.keys(FACTS_BY_NAME) as InstanceTypeName[],
);

/** An instance type the table does not know. The message names it and, when one is close, suggests a known type. */
export class UnknownInstanceTypeError extends Error {
  /** The closest known instance type, when the input looks like a typo of one. */
  readonly suggestion: InstanceTypeName | undefined;

  constructor(readonly instanceType: string) {
    const hint = didYouMean(instanceType, KNOWN_INSTANCE_TYPES);
    super(
      `Unknown instance type ${JSON.stringify(instanceType)}: the lab's instance table knows ` +
        `${KNOWN_INSTANCE_TYPES.length} types (${familySummary()}).` +
        (hint ? ` ${hint}` : ''),
    );
    this.name = 'UnknownInstanceTypeError';
    this.suggestion = suggestInstanceType(instanceType);
  }
}

/** True when `name` is a row of the table. Exact match: EC2 instance type names are lower case. */
export function isKnownInstanceType(name: string): name is InstanceTypeName {
  return Object.prototype.hasOwnProperty.call(FACTS_BY_NAME, name);
}

/** The row for `name`, or undefined when the table does not know it. */
export function findInstanceType(name: string): InstanceType | undefined {
  return isKnownInstanceType(name) ? Object.freeze({ name, ...FACTS_BY_NAME[name] }) : undefined;
}

/** The row for `name`; throws {@link UnknownInstanceTypeError} (with a close-match suggestion) when it is unknown. */
export function lookupInstanceType(name: string): InstanceType {
  const found = findInstanceType(name);
  if (found === undefined) {
    throw new UnknownInstanceTypeError(name);
  }
  return found;
}

/** The known instance type closest to `name` within typo distance, or undefined when nothing is close. */
export function suggestInstanceType(name: string): InstanceTypeName | undefined {
  const match = closestMatch(name, KNOWN_INSTANCE_TYPES);
  return match !== undefined && isKnownInstanceType(match) ? match : undefined;
}

/**
 * Whether the VPC CNI can assign /28 prefixes on this instance. The VPC CNI accepts Nitro-based and bare metal
 * instances (aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go, IsPrefixDelegationSupported: hypervisor "nitro" or bare
 * metal); the table records bare metal rows with their family's hypervisor, Nitro, so the hypervisor alone decides.
 * The EKS guide asks for Nitro-based nodes:
 * https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html
 */
export function supportsPrefixDelegation(facts: InstanceTypeFacts): boolean {
  return facts.hypervisor === 'nitro';
}

/** Whether security groups for pods can run here: the instance must support a trunk ENI with branch interfaces. */
export function supportsSecurityGroupsForPods(facts: InstanceTypeFacts): boolean {
  return facts.trunkEni && facts.branchEnis > 0;
}

/** "c5, c6i, m4, ..." — the families in the table, for error messages that should not list a hundred names. */
function familySummary(): string {
  const families = new Set(KNOWN_INSTANCE_TYPES.map((name) => name.split('.')[0]));
  return `families ${[...families].join(', ')}`;
}
