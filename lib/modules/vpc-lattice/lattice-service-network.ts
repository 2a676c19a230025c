import { RemovalPolicy } from 'aws-cdk-lib';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';

export interface LatticeServiceNetworkProps {
  /** Service network name; the Gateway of the same name maps to it. */
  readonly name: string;
  readonly vpcId: string;
  /**
   * Security groups of the VPC association: their inbound rules decide which clients in the VPC may send to the
   * service network (https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html).
   */
  readonly associationSecurityGroupIds: readonly string[];
}

/**
 * The VPC Lattice service network of the lab and its association with the lab VPC, owned by CloudFormation. In the
 * workshop the controller creates both (`defaultServiceNetwork`) and they survive its cleanup until deleted by hand
 * (cleanup.sh step 7); here `cdk destroy` deletes them, after the controller has removed its services from the
 * network (the controller depends on them, so it is deleted first).
 */
export class LatticeServiceNetwork extends Construct {
  readonly serviceNetwork: vpclattice.CfnServiceNetwork;
  readonly vpcAssociation: vpclattice.CfnServiceNetworkVpcAssociation;

  constructor(scope: Construct, id: string, props: LatticeServiceNetworkProps) {
    super(scope, id);
    this.serviceNetwork = new vpclattice.CfnServiceNetwork(this, 'ServiceNetwork', {
      name: props.name,
      authType: 'NONE',
    });
    this.vpcAssociation = new vpclattice.CfnServiceNetworkVpcAssociation(this, 'VpcAssociation', {
      serviceNetworkIdentifier: this.serviceNetwork.attrId,
      vpcIdentifier: props.vpcId,
      securityGroupIds: [...props.associationSecurityGroupIds],
    });
    for (const resource of [this.serviceNetwork, this.vpcAssociation])
      resource.applyRemovalPolicy(RemovalPolicy.DESTROY);
  }
}
