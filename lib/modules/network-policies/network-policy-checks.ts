import {
  APP_SERVICE_PORT,
  APP_SERVICES,
  type AppServiceName,
  DATA_STORES,
  type DataStoreName,
} from '../../../manifests/retail-app/retail-app-components';
import { type RetailAppCall, RETAIL_APP_CALLS } from '../../../manifests/retail-app/retail-app-calls';
import { appCallExpectationId } from '../../verify/base-expectations';
import { COREDNS_SERVICE } from '../../verify/cluster-addon-models';
import type { ConnectivityTarget } from '../../verify/expectations/connectivity-expectation';
import type { WorkshopStep } from './network-policy-stages';
import { NETWORK_POLICIES_MODULE_KEY } from './network-policies-settings';

export type Verdict = 'allowed' | 'blocked';

/** One cell of the workshop's connectivity table: the verdict, and whether the docs test it (T) or it is derived (D). */
export interface WorkshopCell {
  readonly expect: Verdict;
  readonly evidence: 'tested' | 'derived';
}

/** Allowed, tested in the docs. */
const AT: WorkshopCell = { expect: 'allowed', evidence: 'tested' };
/** Allowed, derived from the policies' semantics. */
const AD: WorkshopCell = { expect: 'allowed', evidence: 'derived' };
/** Blocked, tested in the docs. */
const BT: WorkshopCell = { expect: 'blocked', evidence: 'tested' };
/** Blocked, derived from the policies' semantics. */
const BD: WorkshopCell = { expect: 'blocked', evidence: 'derived' };

export const WORKSHOP_STEPS: readonly WorkshopStep[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];

/**
 * One row of the lab's connectivity table: a source workload and a destination, with the workshop's verdict at
 * each step (S1-S6) and this lab's verdict at `complete`.
 */
export interface NetworkPolicyCheck {
  /** Expectation id: the base's id when the row is one of the retail app's calls, so this verdict replaces it. */
  readonly id: string;
  readonly from: AppServiceName;
  readonly to: ConnectivityTarget;
  /** The app call, when the row is one (its verdict replaces the base's "allowed"). */
  readonly appCall?: RetailAppCall;
  /** S1..S6, in order. */
  readonly workshop: readonly [WorkshopCell, WorkshopCell, WorkshopCell, WorkshopCell, WorkshopCell, WorkshopCell];
  readonly complete: Verdict;
  /** The workshop's observed output where it tests the row, by step. */
  readonly observed?: Partial<Record<WorkshopStep, string>>;
  /** Why, where the verdict is not obvious, by step (`complete` for the end state). */
  readonly why?: Partial<Record<WorkshopStep | 'complete', string>>;
  /** Expected outcome in words where the plain verdict would hide something (shown in the verify table). */
  readonly expectedText?: Partial<Record<WorkshopStep | 'complete', string>>;
}

/**
 * A stand-in for whatever `www.google.com` resolves to, for the offline check: NetworkPolicy matches
 * cluster-external traffic by address (ipBlock), so the analysis needs one. Any public address outside the lab's
 * VPC, pod and service CIDRs gives the same verdict, since allow-ui-egress has no ipBlock peer and selector peers
 * never match addresses outside the cluster. The live check curls the host name, as the workshop does.
 */
export const INTERNET_STAND_IN_ADDRESS = '142.250.80.100';

export const INTERNET_TARGET: ConnectivityTarget = {
  kind: 'external',
  host: 'www.google.com',
  address: INTERNET_STAND_IN_ADDRESS,
  port: 80,
};

function appCall(from: AppServiceName, toService: string): RetailAppCall {
  const call = RETAIL_APP_CALLS.find((candidate) => candidate.from === from && candidate.toService === toService);
  if (!call) throw new Error(`The retail app makes no call from ${from} to ${toService}`);
  return call;
}

function appCallTarget(call: RetailAppCall): ConnectivityTarget {
  return { kind: 'service', namespace: call.toNamespace, name: call.toService, port: call.port, path: call.path };
}

/** A row that is one of the retail app's calls: the base's id, so the stage's verdict replaces its "allowed". */
function appCallRow(
  from: AppServiceName,
  toService: string,
  row: Omit<NetworkPolicyCheck, 'id' | 'from' | 'to' | 'appCall'>,
): NetworkPolicyCheck {
  const call = appCall(from, toService);
  return { id: appCallExpectationId(call), from, to: appCallTarget(call), appCall: call, ...row };
}

function storeTarget(store: DataStoreName): ConnectivityTarget {
  const spec = DATA_STORES[store];
  return { kind: 'service', namespace: spec.namespace, name: spec.name, port: spec.port.number };
}

function serviceTarget(service: AppServiceName): ConnectivityTarget {
  const spec = APP_SERVICES[service];
  return {
    kind: 'service',
    namespace: spec.namespace,
    name: spec.name,
    port: APP_SERVICE_PORT,
    path: spec.liveness.path,
  };
}

const DNS_TARGET: ConnectivityTarget = {
  kind: 'service',
  namespace: COREDNS_SERVICE.namespace,
  name: COREDNS_SERVICE.name,
  port: COREDNS_SERVICE.port,
};

const ALL_ALLOWED = [AD, AD, AD, AD, AD, AD] as const;
const ALL_BLOCKED = [BD, BD, BD, BD, BD, BD] as const;

/**
 * The workshop's connectivity checks (eks-workshop-v2 website/docs/networking/vpc-cni/network-policies: egress, ingress
 * and debug pages) as one table, T where the docs test a cell and D where it follows from the policies,
 * then the app's remaining calls and DNS (derived), each with this lab's verdict at `complete`.
 */
export const NETWORK_POLICY_CHECKS: readonly NetworkPolicyCheck[] = [
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/catalog-to-checkout`,
    from: 'catalog',
    to: serviceTarget('checkout'),
    workshop: ALL_ALLOWED,
    complete: 'allowed',
    why: { complete: 'no policy isolates catalog egress or checkout ingress' },
  },
  appCallRow('ui', 'catalog', {
    workshop: [BT, AT, AT, AD, AD, AD],
    complete: 'allowed',
    observed: {
      S1: 'curl: (28) Resolving timed out after 5000 milliseconds',
      S2: 'OK',
      S3: 'HTTP/1.1 200 OK',
    },
    why: { S1: 'default-deny also denies the DNS lookup' },
  }),
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/ui-to-catalog-mysql`,
    from: 'ui',
    to: storeTarget('catalog-mysql'),
    workshop: [BD, BT, BD, BD, BD, BD],
    complete: 'blocked',
    observed: { S2: 'Failed to connect to catalog-mysql.catalog port 3306 after 5000 ms' },
    why: { S2: 'allow-ui-egress only opens `component: service` pods; catalog-mysql is `component: mysql`' },
  },
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/ui-to-internet`,
    from: 'ui',
    to: INTERNET_TARGET,
    workshop: [BD, BT, BD, BD, BD, BD],
    complete: 'blocked',
    observed: { S2: 'curl: (28) timeout' },
    why: { S2: 'allow-ui-egress has no ipBlock peer, so no address outside the cluster is allowed' },
  },
  appCallRow('ui', 'orders', {
    workshop: [BD, AD, AD, AD, BT, AT],
    complete: 'allowed',
    observed: { S5: 'timeout; agent log "Dest Port":8080,"Proto":"TCP","Verdict":"DENY"', S6: 'HTTP/1.1 200' },
    why: { S5: 'a podSelector without namespaceSelector only matches pods of the policy\u2019s namespace (orders)' },
  }),
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/orders-to-catalog`,
    from: 'orders',
    to: serviceTarget('catalog'),
    workshop: [AD, AT, BT, BD, BD, BD],
    complete: 'blocked',
    observed: { S2: 'HTTP/1.1 200 OK', S3: 'curl: (28) timeout' },
    why: { S3: 'allow-catalog-ingress-webservice admits only ui pods of the ui namespace' },
  },
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/orders-to-catalog-mysql`,
    from: 'orders',
    to: storeTarget('catalog-mysql'),
    workshop: [AD, AD, AD, BT, BD, BD],
    complete: 'blocked',
    observed: { S4: 'timeout, exit code 28' },
    why: { S4: 'allow-catalog-ingress-db admits only catalog service pods' },
  },
  appCallRow('catalog', 'catalog-mysql', {
    workshop: [AD, AD, AD, AT, AD, AD],
    complete: 'allowed',
    observed: { S4: 'kubectl rollout restart deployment/catalog + rollout status --timeout=2m succeeds' },
  }),
  appCallRow('checkout', 'orders', {
    workshop: [AD, AD, AD, AD, BD, BD],
    complete: 'allowed',
    why: {
      S5: 'the broken orders policy admits only `name: ui` pods of the orders namespace',
      S6: 'the workshop\u2019s final orders policy admits only the ui, so placing an order breaks, as in the workshop (the complete stage admits checkout)',
      complete:
        'allow-orders-ingress-webservice also admits checkout service pods of the checkout namespace; the workshop\u2019s final step (S6) blocks this call',
    },
    expectedText: { S6: 'blocked (as in the workshop)', complete: 'allowed (the workshop\u2019s S6 blocks it)' },
  }),
  appCallRow('ui', 'carts', {
    workshop: [BD, AD, AD, AD, AD, AD],
    complete: 'allowed',
  }),
  appCallRow('ui', 'checkout', {
    workshop: [BD, AD, AD, AD, AD, AD],
    complete: 'allowed',
  }),
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/ui-to-carts-dynamodb`,
    from: 'ui',
    to: storeTarget('carts-dynamodb'),
    workshop: ALL_BLOCKED,
    complete: 'blocked',
  },
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/ui-to-checkout-redis`,
    from: 'ui',
    to: storeTarget('checkout-redis'),
    workshop: ALL_BLOCKED,
    complete: 'blocked',
  },
  appCallRow('carts', 'carts-dynamodb', {
    workshop: ALL_ALLOWED,
    complete: 'allowed',
  }),
  appCallRow('checkout', 'checkout-redis', {
    workshop: ALL_ALLOWED,
    complete: 'allowed',
  }),
  appCallRow('orders', 'orders-postgresql', {
    workshop: ALL_ALLOWED,
    complete: 'allowed',
  }),
  {
    id: `${NETWORK_POLICIES_MODULE_KEY}/ui-dns`,
    from: 'ui',
    to: DNS_TARGET,
    workshop: [BD, AD, AD, AD, AD, AD],
    complete: 'allowed',
    why: {
      S1: 'default-deny has no egress rule, so DNS to kube-system is denied too',
      S2: 'allow-ui-egress opens all of kube-system',
    },
  },
  ...(['catalog', 'carts', 'checkout', 'orders'] as const).map((from): NetworkPolicyCheck => ({
    id: `${NETWORK_POLICIES_MODULE_KEY}/${from}-dns`,
    from,
    to: DNS_TARGET,
    workshop: ALL_ALLOWED,
    complete: 'allowed',
  })),
];
