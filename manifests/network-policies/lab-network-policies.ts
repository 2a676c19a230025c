import { k8s } from 'cdk8s-plus-31';
import { APP_SERVICES, DATA_STORES } from '../retail-app/retail-app-components';
import { CHECKOUT_V2_NAMESPACE } from '../vpc-lattice/vpc-lattice-names';
import { APP_LABEL, SERVICE_COMPONENT } from '../retail-app/retail-app-labels';
import { NAMESPACE_NAME_LABEL } from '../well-known-labels';

/**
 * The IPv4 link-local range VPC Lattice answers service network traffic from inside an associated VPC (the
 * `com.amazonaws.<region>.vpc-lattice` prefix list; VPC Lattice user guide, "Control traffic in VPC Lattice using
 * security groups"). A ui whose checkout calls go through VPC Lattice must be allowed to reach it.
 */
export const VPC_LATTICE_IPV4_CIDR = '169.254.171.0/24';

/** The namespace of the cluster add-ons (CoreDNS); allow-ui-egress opens it for DNS lookups. */
export const KUBE_SYSTEM_NAMESPACE = 'kube-system';

/**
 * Every NetworkPolicy the lab can deploy, keyed by the workshop file it reproduces
 * (eks-workshop-v2 `manifests/modules/networking/network-policies/apply-network-policies/*.yaml`); the orders
 * policy exists in three variants of the same name: the workshop's broken and fixed debug files, and this lab's
 * end state, which also admits checkout.
 */
export const LAB_NETWORK_POLICY_KEYS = [
  'default-deny',
  'allow-ui-egress',
  'allow-catalog-ingress-webservice',
  'allow-catalog-ingress-db',
  'allow-order-ingress-fail-debug',
  'allow-order-ingress-success-debug',
  'allow-orders-ingress-complete',
  'allow-ui-egress-vpc-lattice',
  'allow-orders-ingress-checkoutv2',
] as const;

export type LabNetworkPolicyKey = (typeof LAB_NETWORK_POLICY_KEYS)[number];

export interface LabNetworkPolicy {
  readonly key: LabNetworkPolicyKey;
  readonly name: string;
  readonly namespace: string;
  /** The workshop file it reproduces, or undefined for this lab's own variant. */
  readonly workshopFile?: string;
  /** One line for the README and the stage table. */
  readonly summary: string;
  readonly spec: k8s.NetworkPolicySpec;
}

const ui = APP_SERVICES.ui;
const catalog = APP_SERVICES.catalog;
const checkout = APP_SERVICES.checkout;
const orders = APP_SERVICES.orders;
const catalogMysql = DATA_STORES['catalog-mysql'];

/** `namespaceSelector` matching one namespace by the label the control plane sets on every namespace. */
function namespaceNamed(name: string): k8s.LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: name } };
}

/** The pods of an application service: `name` + `component: service` (its data store shares the name). */
function serviceComponentPods(name: string): k8s.LabelSelector {
  return { matchLabels: { [APP_LABEL.name]: name, [APP_LABEL.component]: SERVICE_COMPONENT } };
}

/** The ui pods of the ui namespace, the peer of the workshop's catalog policy and fixed orders policy. */
const UI_PODS_OF_UI_NAMESPACE: k8s.NetworkPolicyPeer = {
  namespaceSelector: namespaceNamed(ui.namespace),
  podSelector: { matchLabels: { [APP_LABEL.name]: ui.name } },
};

const ORDERS_SERVICE_PODS = serviceComponentPods(orders.name);

const INGRESS: readonly string[] = ['Ingress'];
const EGRESS: readonly string[] = ['Egress'];

/**
 * The policies, with the workshop's exact selectors. `policyTypes` is written out where the workshop omits it:
 * for a policy without egress rules the API server defaults it to `[Ingress]`, so the stored object is the same.
 */
export const LAB_NETWORK_POLICIES: Readonly<Record<LabNetworkPolicyKey, LabNetworkPolicy>> = {
  'default-deny': {
    key: 'default-deny',
    name: 'default-deny',
    // The workshop file has no namespace; the docs apply it with `kubectl apply -n ui`.
    namespace: ui.namespace,
    workshopFile: 'default-deny.yaml',
    summary: 'ui: every pod isolated for egress, no rule (DNS included)',
    spec: { podSelector: {}, policyTypes: [...EGRESS] },
  },
  'allow-ui-egress': {
    key: 'allow-ui-egress',
    name: 'allow-ui-egress',
    namespace: ui.namespace,
    workshopFile: 'allow-ui-egress.yaml',
    summary: 'ui pods may reach `component: service` pods in every namespace, and all of kube-system (DNS)',
    spec: {
      podSelector: { matchLabels: { [APP_LABEL.name]: ui.name } },
      policyTypes: [...EGRESS],
      egress: [
        {
          to: [
            {
              // The workshop writes `namespaceSelector: {matchLabels: }` (null). The API server decodes null as an
              // absent field, so that is the empty selector `{}`, which selects every namespace: written as `{}`.
              namespaceSelector: {},
              podSelector: { matchLabels: { [APP_LABEL.component]: SERVICE_COMPONENT } },
            },
            { namespaceSelector: namespaceNamed(KUBE_SYSTEM_NAMESPACE) },
          ],
        },
      ],
    },
  },
  'allow-catalog-ingress-webservice': {
    key: 'allow-catalog-ingress-webservice',
    name: 'allow-catalog-ingress-webservice',
    namespace: catalog.namespace,
    workshopFile: 'allow-catalog-ingress-webservice.yaml',
    summary: 'catalog service pods accept only ui pods of the ui namespace',
    spec: {
      podSelector: serviceComponentPods(catalog.name),
      policyTypes: [...INGRESS],
      ingress: [{ from: [UI_PODS_OF_UI_NAMESPACE] }],
    },
  },
  'allow-catalog-ingress-db': {
    key: 'allow-catalog-ingress-db',
    name: 'allow-catalog-ingress-db',
    namespace: catalogMysql.namespace,
    workshopFile: 'allow-catalog-ingress-db.yaml',
    summary: 'catalog-mysql accepts only catalog service pods (same namespace)',
    spec: {
      podSelector: {
        matchLabels: { [APP_LABEL.name]: catalogMysql.app, [APP_LABEL.component]: catalogMysql.component },
      },
      policyTypes: [...INGRESS],
      ingress: [{ from: [{ podSelector: serviceComponentPods(catalog.name) }] }],
    },
  },
  'allow-order-ingress-fail-debug': {
    key: 'allow-order-ingress-fail-debug',
    name: 'allow-orders-ingress-webservice',
    namespace: orders.namespace,
    workshopFile: 'allow-order-ingress-fail-debug.yaml',
    summary: 'orders accepts `name: ui` pods of the orders namespace only (no namespaceSelector: the bug)',
    spec: {
      podSelector: ORDERS_SERVICE_PODS,
      policyTypes: [...INGRESS],
      // Intentionally wrong, as in the workshop: without a namespaceSelector the peer means the policy's own
      // namespace, so the ui (in namespace ui) is denied.
      ingress: [{ from: [{ podSelector: { matchLabels: { [APP_LABEL.name]: ui.name } } }] }],
    },
  },
  'allow-order-ingress-success-debug': {
    key: 'allow-order-ingress-success-debug',
    name: 'allow-orders-ingress-webservice',
    namespace: orders.namespace,
    workshopFile: 'allow-order-ingress-success-debug.yaml',
    summary: 'orders accepts only ui pods of the ui namespace (checkout -> orders is blocked)',
    spec: {
      podSelector: ORDERS_SERVICE_PODS,
      policyTypes: [...INGRESS],
      ingress: [{ from: [UI_PODS_OF_UI_NAMESPACE] }],
    },
  },
  'allow-ui-egress-vpc-lattice': {
    key: 'allow-ui-egress-vpc-lattice',
    name: 'allow-ui-egress-vpc-lattice',
    namespace: ui.namespace,
    summary: `ui pods may reach VPC Lattice (${VPC_LATTICE_IPV4_CIDR}, TCP 80): the checkout route when vpc-lattice is on`,
    spec: {
      podSelector: { matchLabels: { [APP_LABEL.name]: ui.name } },
      policyTypes: [...EGRESS],
      egress: [
        {
          to: [{ ipBlock: { cidr: VPC_LATTICE_IPV4_CIDR } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(80) }],
        },
      ],
    },
  },
  'allow-orders-ingress-checkoutv2': {
    key: 'allow-orders-ingress-checkoutv2',
    name: 'allow-orders-ingress-checkoutv2',
    namespace: orders.namespace,
    summary:
      'orders also accepts the checkout service pods of checkoutv2 (vpc-lattice\u2019s second checkout places orders too)',
    spec: {
      podSelector: ORDERS_SERVICE_PODS,
      policyTypes: [...INGRESS],
      ingress: [
        {
          from: [
            {
              namespaceSelector: namespaceNamed(CHECKOUT_V2_NAMESPACE),
              podSelector: serviceComponentPods(checkout.name),
            },
          ],
        },
      ],
    },
  },
  'allow-orders-ingress-complete': {
    key: 'allow-orders-ingress-complete',
    name: 'allow-orders-ingress-webservice',
    namespace: orders.namespace,
    summary: 'orders accepts ui pods of the ui namespace and checkout service pods of the checkout namespace',
    spec: {
      podSelector: ORDERS_SERVICE_PODS,
      policyTypes: [...INGRESS],
      ingress: [
        {
          from: [
            UI_PODS_OF_UI_NAMESPACE,
            // checkout calls orders when an order is placed (RETAIL_CHECKOUT_ENDPOINTS_ORDERS). `component: service`
            // keeps checkout-redis, which also carries `name: checkout`, out.
            { namespaceSelector: namespaceNamed(checkout.namespace), podSelector: serviceComponentPods(checkout.name) },
          ],
        },
      ],
    },
  },
};
