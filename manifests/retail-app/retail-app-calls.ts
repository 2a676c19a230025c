import { APP_SERVICE_PORT, type AppServiceName, DATA_STORES, type DataStoreName } from './retail-app-components';

/** A call the retail app makes in normal use: a source workload to a Service port. */
export interface RetailAppCall {
  readonly from: AppServiceName;
  readonly toNamespace: string;
  readonly toService: string;
  readonly port: number;
  /** HTTP path a live check requests (services), or undefined for a TCP connect (data stores). */
  readonly path?: string;
}

function serviceCall(from: AppServiceName, to: AppServiceName, path: string): RetailAppCall {
  return { from, toNamespace: to, toService: to, port: APP_SERVICE_PORT, path };
}

function storeCall(from: AppServiceName, store: DataStoreName): RetailAppCall {
  const spec = DATA_STORES[store];
  return { from, toNamespace: spec.namespace, toService: spec.name, port: spec.port.number };
}

/**
 * The retail app's own traffic (from its ConfigMaps): the ui calls the four backends, checkout calls orders, and
 * each service uses its data store. DNS lookups come on top (every pod resolves through CoreDNS).
 */
export const RETAIL_APP_CALLS: readonly RetailAppCall[] = [
  serviceCall('ui', 'catalog', '/health'),
  serviceCall('ui', 'carts', '/actuator/health'),
  serviceCall('ui', 'orders', '/actuator/health'),
  serviceCall('ui', 'checkout', '/health'),
  serviceCall('checkout', 'orders', '/actuator/health'),
  storeCall('catalog', 'catalog-mysql'),
  storeCall('carts', 'carts-dynamodb'),
  storeCall('checkout', 'checkout-redis'),
  storeCall('orders', 'orders-postgresql'),
];
