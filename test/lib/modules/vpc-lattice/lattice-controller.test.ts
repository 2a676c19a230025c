import { Stack } from 'aws-cdk-lib';
import {
  LATTICE_CONTROLLER_CHART,
  latticeControllerPolicyStatements,
} from '../../../../lib/modules/vpc-lattice/lattice-controller';

describe('LATTICE_CONTROLLER_CHART', () => {
  test('is chart v2.1.3 (the current line) from the public OCI registry, the workshop release name and namespace', () => {
    expect(LATTICE_CONTROLLER_CHART).toMatchObject({
      repository: 'oci://public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller-chart',
      chart: 'aws-gateway-controller-chart',
      version: 'v2.1.3',
      release: 'gateway-api-controller',
      namespace: 'gateway-api-controller',
      deployment: 'gateway-api-controller-aws-gateway-controller-chart',
      replicas: 2,
    });
  });
});

describe('latticeControllerPolicyStatements', () => {
  const statements = latticeControllerPolicyStatements().map((statement) =>
    new Stack().resolve(statement.toStatementJson()),
  );

  test('grants the lab policy actions on every resource, except service-linked role creation', () => {
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect(statements[0].Action).toEqual(
      expect.arrayContaining(['vpc-lattice:*', 'tag:GetResources', 'ec2:DescribeSecurityGroups']),
    );
    expect(statements[0].Action).not.toContain('iam:CreateServiceLinkedRole');
  });

  test('lets the controller create only the VPC Lattice and log delivery service-linked roles, in its own account', () => {
    const serviceLinked = statements.filter((statement) => statement.Action === 'iam:CreateServiceLinkedRole');
    for (const statement of serviceLinked)
      expect(JSON.stringify(statement.Resource)).toContain('{"Ref":"AWS::AccountId"}');
    expect(serviceLinked.map((statement) => JSON.stringify(statement.Resource))).toEqual([
      expect.stringContaining(':role/aws-service-role/vpc-lattice.amazonaws.com/AWSServiceRoleForVpcLattice'),
      expect.stringContaining(':role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery'),
    ]);
  });
});
