import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LatticeServiceNetwork } from '../../../../lib/modules/vpc-lattice/lattice-service-network';

const stack = new Stack();
const network = new LatticeServiceNetwork(stack, 'Network', {
  name: 'my-lab',
  vpcId: 'vpc-1',
  associationSecurityGroupIds: ['sg-1'],
});
const template = Template.fromStack(stack);

describe('LatticeServiceNetwork', () => {
  test('creates the named service network without auth policy, deleted with the stack', () => {
    template.hasResource('AWS::VpcLattice::ServiceNetwork', {
      Properties: { Name: 'my-lab', AuthType: 'NONE' },
      DeletionPolicy: 'Delete',
    });
  });

  test('associates it with the VPC through the given security groups, deleted with the stack', () => {
    template.hasResource('AWS::VpcLattice::ServiceNetworkVpcAssociation', {
      Properties: {
        ServiceNetworkIdentifier: stack.resolve(network.serviceNetwork.attrId),
        VpcIdentifier: 'vpc-1',
        SecurityGroupIds: ['sg-1'],
      },
      DeletionPolicy: 'Delete',
    });
  });
});
