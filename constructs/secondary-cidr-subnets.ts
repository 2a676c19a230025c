import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import ipaddr from 'ipaddr.js';

/** One subnet to cut from the secondary CIDR, placed alongside an existing subnet of the VPC. */
export interface SecondaryCidrSubnetSpec {
  /** CIDR of the new subnet; must lie inside the secondary CIDR. */
  readonly cidrBlock: string;
  /**
   * The existing subnet the new one sits next to: the new subnet is created in its Availability Zone and is
   * associated with its route table, so both share the same egress (for example the same NAT gateway).
   */
  readonly alongside: ec2.ISubnet;
}

export interface SecondaryCidrSubnetsProps {
  readonly vpc: ec2.IVpc;
  /** The IPv4 CIDR block associated with the VPC (EC2 accepts /16 to /28). */
  readonly cidrBlock: string;
  readonly subnets: readonly SecondaryCidrSubnetSpec[];
}

/** A subnet created in the secondary CIDR, with the facts other constructs need (values are tokens). */
export interface SecondaryCidrSubnet {
  readonly subnet: ec2.ISubnet;
  readonly resource: ec2.CfnSubnet;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly routeTableId: string;
}

/** An IPv4 CIDR as written, with its network address and prefix length. */
interface Block {
  readonly text: string;
  readonly network: ipaddr.IPv4;
  readonly prefixLength: number;
}

function parse(text: string, what: string): Block {
  if (!ipaddr.IPv4.isValidCIDR(text)) throw new Error(`${what} ${text} is not an IPv4 CIDR`);
  const [address, prefixLength] = ipaddr.IPv4.parseCIDR(text);
  return {
    text,
    network: ipaddr.IPv4.networkAddressFromCIDR(text),
    prefixLength: address.kind() === 'ipv4' ? prefixLength : 32,
  };
}

/** Whether `inner` lies inside `outer`. */
function contains(outer: Block, inner: Block): boolean {
  return inner.prefixLength >= outer.prefixLength && inner.network.match(outer.network, outer.prefixLength);
}

/** Two CIDR blocks overlap exactly when one contains the other. */
function overlap(a: Block, b: Block): boolean {
  return contains(a, b) || contains(b, a);
}

/**
 * Associates an additional IPv4 CIDR block with a VPC and creates subnets in it, each in the Availability Zone of an
 * existing subnet and associated with that subnet's route table. Every subnet depends on the CIDR association (EC2
 * refuses a subnet whose CIDR is not yet associated with the VPC), so CloudFormation also deletes the subnets before
 * disassociating the block.
 *
 * Route tables: a subnet without an explicit association uses the VPC's main route table, which has no route to a
 * NAT gateway (Amazon VPC user guide, "Subnet route tables"), hence the explicit association with the neighbour's.
 */
export class SecondaryCidrSubnets extends Construct {
  readonly association: ec2.CfnVPCCidrBlock;
  readonly subnets: readonly SecondaryCidrSubnet[];

  constructor(scope: Construct, id: string, props: SecondaryCidrSubnetsProps) {
    super(scope, id);
    if (props.subnets.length === 0) throw new Error('SecondaryCidrSubnets needs at least one subnet');
    const block = parse(props.cidrBlock, 'Secondary CIDR');
    const placed: Block[] = [];
    for (const spec of props.subnets) {
      const cidr = parse(spec.cidrBlock, 'Subnet CIDR');
      if (!contains(block, cidr)) throw new Error(`Subnet CIDR ${cidr.text} is not inside ${block.text}`);
      const clash = placed.find((other) => overlap(other, cidr));
      if (clash) throw new Error(`Subnet CIDRs ${clash.text} and ${cidr.text} overlap`);
      placed.push(cidr);
    }

    this.association = new ec2.CfnVPCCidrBlock(this, 'CidrBlock', { vpcId: props.vpc.vpcId, cidrBlock: block.text });

    this.subnets = props.subnets.map((spec, index) => {
      const routeTableId = spec.alongside.routeTable.routeTableId;
      if (!routeTableId && !Token.isUnresolved(routeTableId)) {
        throw new Error(`Subnet ${spec.alongside.node.path} has no route table to share`);
      }
      const resource = new ec2.CfnSubnet(this, `Subnet${index + 1}`, {
        vpcId: props.vpc.vpcId,
        cidrBlock: spec.cidrBlock,
        availabilityZone: spec.alongside.availabilityZone,
        mapPublicIpOnLaunch: false,
      });
      resource.node.addDependency(this.association);
      new ec2.CfnSubnetRouteTableAssociation(this, `Subnet${index + 1}RouteTable`, {
        subnetId: resource.ref,
        routeTableId,
      });
      const subnet = ec2.Subnet.fromSubnetAttributes(this, `Subnet${index + 1}Ref`, {
        subnetId: resource.ref,
        availabilityZone: spec.alongside.availabilityZone,
        ipv4CidrBlock: spec.cidrBlock,
        routeTableId,
      });
      return {
        subnet,
        resource,
        cidrBlock: spec.cidrBlock,
        availabilityZone: spec.alongside.availabilityZone,
        routeTableId,
      };
    });
  }
}
