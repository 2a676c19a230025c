import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './nag-acknowledgements';

/** One VPC joined to the Transit Gateway: the attachment gets a network interface in each subnet. */
export interface TransitGatewayLinkVpc {
  /** Construct id of the attachment (and the key of {@link TransitGatewayLink.attachments}). */
  readonly name: string;
  readonly vpcId: string;
  /** One subnet per Availability Zone whose resources must reach the Transit Gateway. */
  readonly subnetIds: readonly string[];
}

export interface TransitGatewayLinkProps {
  readonly description: string;
  /** The `Name` tag of the Transit Gateway. @default none */
  readonly name?: string;
  readonly vpcs: readonly TransitGatewayLinkVpc[];
}

/** The Transit Gateway's response path of its default association route table (`DescribeTransitGateways`). */
export const DEFAULT_ASSOCIATION_ROUTE_TABLE_PATH = 'TransitGateways.0.Options.AssociationDefaultRouteTableId';

/**
 * A Transit Gateway that connects VPCs, configured as the EKS workshop's hybrid lab does: attachments accepted
 * automatically, every attachment associated with and propagating its VPC CIDRs into the default route table,
 * DNS support on. Routes towards it wait for the attachment of their VPC (EC2 rejects a route to a Transit
 * Gateway that has no attachment in the route table's VPC). Static routes go into the default association route
 * table, whose id CloudFormation does not return: it is read with `DescribeTransitGateways` at deploy time.
 * Source: Amazon VPC Transit Gateways guide, "Transit gateway route tables" and "Transit gateway attachments to a
 * VPC" (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html,
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html).
 */
export class TransitGatewayLink extends Construct {
  readonly transitGateway: ec2.CfnTransitGateway;
  readonly attachments: Readonly<Record<string, ec2.CfnTransitGatewayAttachment>>;
  /** Id of the default association route table (a deploy-time value). */
  readonly defaultRouteTableId: string;

  constructor(scope: Construct, id: string, props: TransitGatewayLinkProps) {
    super(scope, id);
    this.transitGateway = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      description: props.description,
      autoAcceptSharedAttachments: 'enable',
      defaultRouteTableAssociation: 'enable',
      defaultRouteTablePropagation: 'enable',
      dnsSupport: 'enable',
    });
    if (props.name) Tags.of(this.transitGateway).add('Name', props.name);

    const attachments: Record<string, ec2.CfnTransitGatewayAttachment> = {};
    for (const vpc of props.vpcs) {
      if (attachments[vpc.name]) throw new Error(`TransitGatewayLink ${id}: two VPCs named ${vpc.name}`);
      attachments[vpc.name] = new ec2.CfnTransitGatewayAttachment(this, vpc.name, {
        transitGatewayId: this.transitGateway.ref,
        vpcId: vpc.vpcId,
        subnetIds: [...vpc.subnetIds],
        options: { DnsSupport: 'enable' },
      });
    }
    this.attachments = attachments;

    const lookup = new cr.AwsCustomResource(this, 'DefaultRouteTable', {
      onUpdate: {
        service: 'EC2',
        action: 'describeTransitGateways',
        parameters: { TransitGatewayIds: [this.transitGateway.ref] },
        physicalResourceId: cr.PhysicalResourceId.of(this.transitGateway.ref),
        outputPaths: [DEFAULT_ASSOCIATION_ROUTE_TABLE_PATH],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    this.defaultRouteTableId = lookup.getResponseField(DEFAULT_ASSOCIATION_ROUTE_TABLE_PATH);
    acknowledgeFinding(
      lookup,
      'AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeTransitGateways supports no resource-level permissions; the lookup only reads.',
    );
  }

  /** The attachment of the VPC named `name`. */
  attachment(name: string): ec2.CfnTransitGatewayAttachment {
    const attachment = this.attachments[name];
    if (!attachment) throw new Error(`TransitGatewayLink ${this.node.id} has no VPC named ${name}`);
    return attachment;
  }

  /**
   * A VPC route `destination -> Transit Gateway` in `routeTableId`, created once the attachment of that route
   * table's VPC (`vpc`) exists.
   */
  addVpcRoute(
    scope: Construct,
    id: string,
    props: { routeTableId: string; destination: string; vpc: string },
  ): ec2.CfnRoute {
    const route = new ec2.CfnRoute(scope, id, {
      routeTableId: props.routeTableId,
      destinationCidrBlock: props.destination,
      transitGatewayId: this.transitGateway.ref,
    });
    route.node.addDependency(this.attachment(props.vpc));
    return route;
  }

  /** A static route `destination -> attachment of vpc` in the default association route table. */
  addStaticRoute(id: string, props: { destination: string; vpc: string }): ec2.CfnTransitGatewayRoute {
    return new ec2.CfnTransitGatewayRoute(this, id, {
      transitGatewayRouteTableId: this.defaultRouteTableId,
      destinationCidrBlock: props.destination,
      transitGatewayAttachmentId: this.attachment(props.vpc).attrId,
    });
  }
}
