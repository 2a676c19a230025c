import { Match, rootTemplate } from '../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

const ADMIN = 'arn:aws:iam::111122223333:role/LabAdmin';

test('gives adminPrincipalArn an access entry with AmazonEKSClusterAdminPolicy on the whole cluster', () => {
  const template = rootTemplate(synthesizedOutputForTest({ adminPrincipalArn: ADMIN }));
  template.hasResourceProperties('AWS::EKS::AccessEntry', {
    PrincipalArn: ADMIN,
    AccessPolicies: [
      {
        PolicyArn: {
          'Fn::Join': ['', Match.arrayWith([':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'])],
        },
        AccessScope: { Type: 'cluster' },
      },
    ],
  });
});

test('uses the kubectl layer of the chosen Kubernetes version', () => {
  const template = rootTemplate(synthesizedOutputForTest({ kubernetesVersion: '1.34' }));
  template.hasResourceProperties('AWS::EKS::Cluster', { Version: '1.34' });
  template.hasResourceProperties('AWS::Lambda::LayerVersion', {
    Description: Match.stringLikeRegexp('kubectl 1\\.34\\.'),
  });
});
