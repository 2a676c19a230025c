import type { LabWalk } from '../../walks/lab-walk';

const WORKSHOP = 'EKS Hybrid Nodes';
const modules = 'hybrid-nodes';

/** The workshop's story: the node joins, serves nginx behind an ALB, then takes cloud-bursting pods first. */
export const HYBRID_NODES_WALK: LabWalk = {
  module: modules,
  steps: [
    {
      title: 'The simulated on-premises host joins as a hybrid node and Cilium makes it Ready',
      moment: 'before',
      workshop: `${WORKSHOP}, "Connect hybrid node", steps 1-7`,
      context: { modules, 'hybridNodes.stage': 'node-joined' },
      look: [
        {
          command: 'kubectl get nodes -L eks.amazonaws.com/compute-type',
          shows: 'the EC2 nodes and one mi-<17 hex> node of compute type hybrid, all Ready',
        },
      ],
      checks: [
        { id: 'hybrid-nodes/hybrid-node-ready', expected: 'Ready' },
        { id: 'hybrid-nodes/cilium-on-hybrid-nodes', expected: 'on hybrid nodes only' },
        { id: 'hybrid-nodes/vpc-cni-off-hybrid-nodes', expected: 'none on hybrid nodes' },
      ],
    },
    {
      title: 'nginx on the hybrid node, reached from the VPC through the Transit Gateway (and the ALB with exposeUi)',
      moment: 'after',
      workshop: `${WORKSHOP}, "Routing traffic", steps 8-12`,
      context: { modules, 'hybridNodes.stage': 'remote-workloads' },
      look: [
        {
          command: "kubectl get pods -n nginx-remote -o=custom-columns='NAME:.metadata.name,NODE:.spec.nodeName'",
          shows: '3 nginx pods, all on the mi-* node',
        },
        {
          command: 'with -c exposeUi=true -c inboundCidrs=<your IP>/32: curl <the Ingress hostname>',
          shows: 'Connected to 10.53.0.X on mi-...',
        },
      ],
      checks: [
        { id: 'hybrid-nodes/nginx-on-hybrid-node', expected: 'all on the hybrid node' },
        { id: 'hybrid-nodes/lab-private-to-remote-pod', expected: 'via the Transit Gateway' },
      ],
    },
    {
      title: 'Cloud bursting: nginx-remote removed, Kyverno marks pods on the hybrid node, 3 replicas all there',
      moment: 'change',
      workshop: `${WORKSHOP}, "Cloud bursting", steps 13-15`,
      context: { modules, 'hybridNodes.stage': 'cloud-bursting', 'hybridNodes.burstReplicas': '3' },
      look: [
        {
          command:
            "kubectl get pods -o=custom-columns='NAME:.metadata.name,NODE:.spec.nodeName,ANNOTATIONS:.metadata.annotations'",
          shows: '3 nginx-deployment pods on the mi-* node, each with controller.kubernetes.io/pod-deletion-cost:1',
        },
      ],
      checks: [
        { id: 'hybrid-nodes/cloud-bursting-placement', expected: 'all 3 on the hybrid node' },
        { id: 'hybrid-nodes/pod-deletion-cost', expected: '"1" on all 3 pods' },
      ],
    },
    {
      title: 'Scale to 15: the hybrid node fills up and the rest burst to the EC2 nodes, unannotated',
      moment: 'change',
      workshop: `${WORKSHOP}, "Cloud bursting", step 16`,
      context: { modules, 'hybridNodes.stage': 'cloud-bursting', 'hybridNodes.burstReplicas': '15' },
      look: [
        {
          command: 'the command of step 3',
          shows: 'about 9 pods on the mi-* node (annotated), the rest on ip-10-42-* nodes',
        },
      ],
      checks: [
        { id: 'hybrid-nodes/cloud-bursting-placement', expected: 'on EC2 nodes' },
        { id: 'hybrid-nodes/pod-deletion-cost', expected: 'none on the other 6 on EC2 nodes' },
      ],
    },
    {
      title: 'Scale back to 3: the EC2 pods (deletion cost 0) go first, the 3 left are on the hybrid node',
      moment: 'after',
      workshop: `${WORKSHOP}, "Cloud bursting", step 17`,
      context: { modules, 'hybridNodes.stage': 'cloud-bursting', 'hybridNodes.burstReplicas': '3' },
      look: [{ command: 'the command of step 3', shows: 'exactly 3 pods, all on the mi-* node, all annotated' }],
      checks: [{ id: 'hybrid-nodes/cloud-bursting-placement', expected: 'all 3 on the hybrid node' }],
    },
  ],
  notReproducible: [
    "The node's NotReady moment between `nodeadm init` and the Cilium install (workshop step 5) is not observable: " +
      'one deploy joins the node and installs Cilium, and the deploy waits until the node is Ready.',
    'The workshop reaches the host over SSH with a generated key pair to run nodeadm; the lab creates no key pair ' +
      'and configures the host entirely from its user data, so `HYBRID_NODE_IP` is the private address the cluster ' +
      'knows the node by, not an SSH target.',
  ],
};
