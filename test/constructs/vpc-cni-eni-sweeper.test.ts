import * as path from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { ENI_SWEEPER_RESOURCE_TYPE } from '../../constructs/vpc-cni-eni-sweeper';
import { dependsOn } from '../../lib/verify/cfn-template';
import { Match, rootTemplate } from '../support/lab-fixtures';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';
import { runPythonUnitTests } from '../support/python-unit-tests';

let template: Template;
beforeAll(() => {
  template = rootTemplate(synthesizedOutputForTest());
});

function idsOf(type: string, properties?: Record<string, unknown>): string[] {
  return Object.keys(
    template.findResources(type, properties ? { Properties: Match.objectLike(properties) } : undefined),
  );
}

test('the handler deletes only detached interfaces of this cluster and waits for attached ones (Python unit tests)', () => {
  const result = runPythonUnitTests(path.join(__dirname, 'vpc_cni_eni_sweeper_test.py'));
  expect(result.report).toMatch(/Ran 5 tests[\s\S]*OK/);
  expect(result.status).toBe(0);
});

test('sweeps after the cluster and its node groups are gone and before the VPC subnets are deleted', () => {
  const [sweeper] = idsOf(ENI_SWEEPER_RESOURCE_TYPE);
  const [cluster] = idsOf('AWS::EKS::Cluster');
  expect(dependsOn(template.toJSON().Resources[cluster])).toContain(sweeper);
  const sweeperDependencies = dependsOn(template.toJSON().Resources[sweeper]);
  for (const subnet of idsOf('AWS::EC2::Subnet')) expect(sweeperDependencies).toContain(subnet);
});

test('may delete interfaces only inside the lab VPC', () => {
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Action: 'ec2:DeleteNetworkInterface',
          Condition: { ArnEquals: { 'ec2:Vpc': Match.anyValue() } },
        }),
      ]),
    },
  });
});
