import type { LabWalk, WalkStep } from '../../walks/lab-walk';

const WORKSHOP = 'Network policies';
const modules = 'network-policies';

const stage = (name: string, step: Omit<WalkStep, 'context'>): WalkStep => ({
  ...step,
  context: { modules, 'networkPolicies.stage': name },
});

/** The workshop's story, one policy at a time: what each new policy blocks, breaks and fixes. */
export const NETWORK_POLICIES_WALK: LabWalk = {
  module: modules,
  steps: [
    stage('default-deny', {
      title: 'Default deny in namespace ui: the ui cannot even resolve the catalog',
      moment: 'break',
      workshop: `${WORKSHOP}, "Implementing Egress Controls", default-deny.yaml`,
      look: [
        {
          command: 'kubectl exec deployment/ui -n ui -- curl -v catalog.catalog/health --connect-timeout 5',
          shows: 'curl: (28) Resolving timed out after 5000 milliseconds',
        },
      ],
      checks: [
        { id: 'app/ui-to-catalog', expected: 'blocked' },
        { id: 'network-policies/catalog-to-checkout', expected: 'allowed' },
      ],
    }),
    stage('ui-egress', {
      title: 'The ui may call the app and DNS again, but not the databases or the internet',
      moment: 'fix',
      workshop: `${WORKSHOP}, "Implementing Egress Controls", allow-ui-egress.yaml`,
      look: [
        {
          command:
            'kubectl exec deployment/ui -n ui -- curl -v telnet://catalog-mysql.catalog:3306 --connect-timeout 5',
          shows: 'Failed to connect to catalog-mysql.catalog port 3306 after 5000 ms',
        },
      ],
      checks: [
        { id: 'app/ui-to-catalog', expected: 'allowed' },
        { id: 'network-policies/ui-to-catalog-mysql', expected: 'blocked' },
        { id: 'network-policies/ui-to-internet', expected: 'blocked' },
        { id: 'network-policies/orders-to-catalog', expected: 'allowed' },
      ],
    }),
    stage('catalog-ingress', {
      title: 'Only the ui may call the catalog service: orders is cut off',
      moment: 'change',
      workshop: `${WORKSHOP}, "Implementing Ingress Controls", allow-catalog-ingress-webservice.yaml`,
      look: [
        {
          command: 'kubectl exec deployment/orders -n orders -- curl -v catalog.catalog/health --connect-timeout 5',
          shows: 'curl: (28) Connection timed out after 5001 milliseconds',
        },
      ],
      checks: [
        { id: 'app/ui-to-catalog', expected: 'allowed' },
        { id: 'network-policies/orders-to-catalog', expected: 'blocked' },
      ],
    }),
    stage('catalog-db', {
      title: 'Only the catalog service may reach its database',
      moment: 'change',
      workshop: `${WORKSHOP}, "Implementing Ingress Controls", allow-catalog-ingress-db.yaml`,
      look: [
        {
          command:
            'kubectl rollout restart deployment/catalog -n catalog && kubectl rollout status deployment/catalog -n catalog --timeout=2m',
          shows: 'successfully rolled out: the catalog still reaches catalog-mysql',
        },
      ],
      checks: [
        { id: 'network-policies/orders-to-catalog-mysql', expected: 'blocked' },
        { id: 'app/catalog-to-catalog-mysql', expected: 'allowed' },
      ],
    }),
    stage('orders-debug-broken', {
      title: 'A policy with the wrong port: the ui can no longer place orders',
      moment: 'break',
      workshop: `${WORKSHOP}, "Debugging", allow-order-ingress-fail-debug.yaml`,
      look: [
        {
          command:
            'kubectl debug node/<node of an orders pod> -it --image=ubuntu, then grep DENY /host/var/log/aws-routed-eni/network-policy-agent.log | tail -5',
          shows: '"Dest Port":8080,"Proto":"TCP","Verdict":"DENY"',
        },
      ],
      checks: [{ id: 'app/ui-to-orders', expected: 'blocked' }],
    }),
    stage('orders-debug-fixed', {
      title: 'The port fixed: the ui places orders again, and only the ui (checkout is now blocked)',
      moment: 'fix',
      workshop: `${WORKSHOP}, "Debugging", allow-order-ingress-success-debug.yaml`,
      look: [
        {
          command: 'kubectl exec deployment/ui -n ui -- curl -v orders.orders/orders --connect-timeout 5',
          shows: 'HTTP/1.1 200',
        },
      ],
      checks: [
        { id: 'app/ui-to-orders', expected: 'allowed' },
        { id: 'app/checkout-to-orders', expected: 'blocked' },
      ],
    }),
    stage('complete', {
      title: "This lab's end state: checkout may call orders too, so a checkout completes",
      moment: 'after',
      workshop: `${WORKSHOP}: the workshop stops at the previous step, where a checkout fails`,
      look: [{ command: 'the ui in a browser (exposeUi=true): place an order', shows: 'the order completes' }],
      checks: [
        { id: 'app/checkout-to-orders', expected: 'allowed' },
        { id: 'app/ui-to-orders', expected: 'allowed' },
      ],
    }),
  ],
  notReproducible: ['The workshop\'s "before" (no policy at all) is the base lab: deploy without modules to see it.'],
};
