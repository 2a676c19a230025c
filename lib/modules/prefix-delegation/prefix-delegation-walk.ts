import type { LabWalk } from '../../walks/lab-walk';

const WORKSHOP = 'Prefix delegation';
const modules = 'prefix-delegation';

/** The workshop's story: /28 prefixes on the nodes, then more of them once 150 pause pods run. */
export const PREFIX_DELEGATION_WALK: LabWalk = {
  module: modules,
  steps: [
    {
      title: 'Prefix delegation on, no extra pods: each node holds a few /28 prefixes',
      moment: 'before',
      workshop: `${WORKSHOP}, steps 1-4`,
      context: { modules, 'prefixDelegation.pausePods': '0' },
      look: [
        {
          command:
            'aws ec2 describe-instances --filters "Name=tag-key,Values=eks:cluster-name" "Name=tag-value,Values=${EKS_CLUSTER_NAME}" --query \'Reservations[*].Instances[].{InstanceId: InstanceId, Prefixes: NetworkInterfaces[].Ipv4Prefixes[]}\'',
          shows: 'each instance lists /28 Ipv4Prefix entries; note the count per instance',
        },
      ],
      checks: [
        { id: 'prefix-delegation/vpc-cni-settings', expected: 'ENABLE_PREFIX_DELEGATION=true' },
        { id: 'prefix-delegation/prefixes-per-node', expected: '/28 prefix per node' },
      ],
    },
    {
      title: '150 pause pods: the nodes take more /28 prefixes',
      moment: 'after',
      workshop: `${WORKSHOP}, steps 5-7`,
      context: { modules, 'prefixDelegation.pausePods': '150' },
      look: [
        { command: 'kubectl get deployment -n other', shows: 'pause-pods-prefix   150/150   150   150' },
        { command: 'the describe-instances command of step 1', shows: 'more /28 prefixes per instance than before' },
      ],
      checks: [
        { id: 'prefix-delegation/pause-pods', expected: '150/150 available' },
        { id: 'prefix-delegation/prefixes-per-node', expected: '/28 prefix per node' },
      ],
    },
  ],
};
