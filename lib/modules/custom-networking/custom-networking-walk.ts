import type { LabWalk } from '../../walks/lab-walk';

const WORKSHOP = 'Custom networking';
const modules = 'custom-networking';

/** The workshop's story: pods in the primary CIDR, then checkout on a node group whose pods use 100.64.0.0/16. */
export const CUSTOM_NETWORKING_WALK: LabWalk = {
  module: modules,
  steps: [
    {
      title: 'The base lab: every pod takes an address of the primary CIDR 10.42.0.0/16',
      moment: 'before',
      workshop: `${WORKSHOP}, "Introduction" (the cluster before the lab)`,
      context: {},
      look: [
        {
          command: 'kubectl get pods -n checkout -o wide',
          shows: 'checkout and checkout-redis with 10.42.x.x addresses',
        },
      ],
      checks: [{ id: 'base/nodes-ready-default', expected: 'all Ready' }],
    },
    {
      title:
        'Custom networking: the secondary CIDR, an ENIConfig per zone, node group custom-networking, checkout on it',
      moment: 'after',
      workshop: `${WORKSHOP}, steps 1-10`,
      context: { modules },
      look: [
        {
          command: 'aws ec2 describe-vpcs --vpc-ids $VPC_ID',
          shows: '10.42.0.0/16 and 100.64.0.0/16, both associated',
        },
        { command: 'kubectl get ENIConfigs', shows: 'one ENIConfig per Availability Zone, named after it' },
        {
          command: 'kubectl get pods -n checkout -o wide',
          shows: 'checkout with a 100.64.x.x address on the custom-networking node (node address 10.42.x.x)',
        },
      ],
      checks: [
        { id: 'custom-networking/eniconfig-per-az', expected: '3 ENIConfigs' },
        { id: 'custom-networking/nodes-ready-custom-networking', expected: 'all Ready' },
        { id: 'custom-networking/checkout-pod-address', expected: '100.64.0.0/16' },
      ],
    },
  ],
  notReproducible: [
    "The workshop's contrast between the default nodes (started before custom networking, pods on 10.42.0.0/16) and " +
      'the new node group does not survive step 2: the custom networking setting belongs to the whole aws-node ' +
      'DaemonSet, and the lab rolls the default nodes when the VPC CNI mode changes (a new launch template version) ' +
      "so that no node keeps a mode it was not started with. After step 2 the default nodes' pods also take 100.64 " +
      'addresses. ' +
      'Step 1 shows the "before" instead.',
  ],
};
