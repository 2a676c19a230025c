import type { LabWalk } from '../../walks/lab-walk';

const WORKSHOP = 'Amazon VPC Lattice';
const modules = 'vpc-lattice';

/** The workshop's story: a Gateway on a service network, an HTTPRoute splitting checkout 25/75, then a new split. */
export const VPC_LATTICE_WALK: LabWalk = {
  module: modules,
  steps: [
    {
      title: 'Gateway API on VPC Lattice: the controller, the Gateway, checkoutv2 and a 25/75 HTTPRoute',
      moment: 'after',
      workshop: `${WORKSHOP}, steps 1-14`,
      context: { modules },
      look: [
        { command: 'kubectl get gateway -n checkout', shows: 'eks-workshop   amazon-vpc-lattice   PROGRAMMED True' },
        {
          command: 'kubectl exec deploy/ui -n ui -- curl -s $CHECKOUT_ROUTE_DNS/health',
          shows: '{"status":"ok","info":{},"error":{},"details":{}}',
        },
      ],
      checks: [
        { id: 'vpc-lattice/gateway-programmed', expected: 'Programmed True' },
        { id: 'vpc-lattice/ui-uses-route', expected: '{"status":"ok"}' },
        { id: 'vpc-lattice/observed-split', expected: 'about 75% answered by checkoutv2/checkout' },
      ],
    },
    {
      title: 'Every checkout request to checkoutv2: the route changes in place, the ui keeps working',
      moment: 'change',
      workshop: `${WORKSHOP}, "Configuring routes" (the weights of checkout-route.yaml, changed by the learner)`,
      context: { modules, 'vpcLattice.weights': '0,100' },
      look: [
        {
          command: 'kubectl get httproute checkoutroute -n checkout -o yaml',
          shows: 'weight 0 for checkout/checkout and 100 for checkoutv2/checkout',
        },
      ],
      checks: [
        { id: 'vpc-lattice/route-weights', expected: '100% of requests to checkoutv2/checkout' },
        { id: 'vpc-lattice/observed-split', expected: 'about 100% answered by checkoutv2/checkout' },
      ],
    },
  ],
};
