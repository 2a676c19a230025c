import type { LabWalk } from '../../walks/lab-walk';

const WORKSHOP = 'Security groups for pods';
const modules = 'security-groups-for-pods';

/** The workshop's story: the catalog on MySQL, then on RDS and failing, then working once the policy exists. */
export const SECURITY_GROUPS_FOR_PODS_WALK: LabWalk = {
  module: modules,
  steps: [
    {
      title: 'The catalog on its in-cluster MySQL; the RDS instance and both security groups already exist',
      moment: 'before',
      workshop: `${WORKSHOP}, "Using Amazon RDS", steps 1-4`,
      context: { modules, 'securityGroupsForPods.stage': 'in-cluster-db' },
      look: [
        {
          command: 'kubectl -n catalog exec deployment/catalog -- env | grep RETAIL_CATALOG_PERSISTENCE_ENDPOINT',
          shows: 'RETAIL_CATALOG_PERSISTENCE_ENDPOINT=catalog-mysql:3306',
        },
        { command: 'echo $CATALOG_RDS_ENDPOINT', shows: 'eks-workshop-catalog.<id>.<region>.rds.amazonaws.com' },
      ],
      checks: [
        { id: 'app/catalog-to-catalog-mysql', expected: 'allowed' },
        { id: 'security-groups-for-pods/trunk-eni-attached', expected: 'aws-k8s-trunk-eni' },
      ],
    },
    {
      title: 'The catalog pointed at RDS without the SecurityGroupPolicy: its pods time out on 3306',
      moment: 'break',
      workshop: `${WORKSHOP}, "Using Amazon RDS", steps 5-8 (rollout times out, the log shows the i/o timeout)`,
      context: { modules, 'securityGroupsForPods.stage': 'rds-without-policy' },
      look: [
        {
          command: 'kubectl -n catalog logs deployment/catalog',
          shows: 'failed to initialize database, got error dial tcp <ip>:3306: i/o timeout',
        },
        {
          command: 'kubectl -n catalog get pods -l app.kubernetes.io/component=service',
          shows:
            'catalog pods restarting (CrashLoopBackOff); the deploy itself finishes, as the workshop leaves them broken',
        },
      ],
      checks: [
        { id: 'security-groups-for-pods/catalog-to-rds', expected: 'blocked' },
        { id: 'security-groups-for-pods/other-pods-to-rds', expected: 'blocked' },
      ],
    },
    {
      title: 'The SecurityGroupPolicy gives the catalog pods the catalog pod security group: RDS answers',
      moment: 'fix',
      workshop: `${WORKSHOP}, "Applying a Security Group", steps 9-14`,
      context: { modules, 'securityGroupsForPods.stage': 'rds-with-policy' },
      look: [
        { command: 'kubectl -n catalog logs deployment/catalog', shows: 'Database migration complete' },
        {
          command: 'kubectl get events -n catalog | grep SecurityGroupRequested',
          shows: 'Pod will get the following Security Groups [sg-<CATALOG_SG_ID>] (events expire after an hour)',
        },
      ],
      checks: [
        { id: 'security-groups-for-pods/catalog-to-rds', expected: 'allowed' },
        { id: 'security-groups-for-pods/security-group-policy-applied', expected: 'branch ENI' },
        { id: 'security-groups-for-pods/rds-only-from-pod-group', expected: 'ui times out; catalog connects' },
      ],
    },
  ],
};
