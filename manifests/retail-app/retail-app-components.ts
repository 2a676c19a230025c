/**
 * The retail sample application as data, faithful to eks-workshop-v2 `manifests/base-application`:
 * names, namespaces, images, ports, probes, resources and security contexts are defined here once and every
 * chart, policy, Service and check imports them.
 */
export const APP_NAMESPACES = ['ui', 'catalog', 'carts', 'checkout', 'orders', 'other'] as const;
export type AppNamespace = (typeof APP_NAMESPACES)[number];

export const APP_SERVICE_NAMES = ['ui', 'catalog', 'carts', 'checkout', 'orders'] as const;
export type AppServiceName = (typeof APP_SERVICE_NAMES)[number];

/** Every application service listens on 8080 named `http`; its Service exposes port 80 with targetPort `http`. */
export const APP_CONTAINER_PORT = { name: 'http', number: 8080 } as const;
export const APP_SERVICE_PORT = 80;

export interface HttpProbeSpec {
  readonly path: string;
  readonly initialDelaySeconds?: number;
  readonly periodSeconds: number;
  readonly successThreshold?: number;
}

export interface AppServiceSpec {
  readonly name: AppServiceName;
  readonly namespace: AppNamespace;
  readonly image: string;
  readonly liveness: HttpProbeSpec;
  readonly readiness?: HttpProbeSpec;
  readonly cpuRequestMillis: number;
  /** Memory request and limit (equal in the workshop). */
  readonly memoryMebibytes: number;
  /** Container-level runAsNonRoot + runAsUser 1000 (checkout's image does not declare a numeric user). */
  readonly runsAsUser1000: boolean;
  /** ui binds below 1024 in some configurations; the workshop adds NET_BIND_SERVICE. */
  readonly addNetBindService: boolean;
  readonly prometheusPath: '/actuator/prometheus' | '/metrics';
  /** Spring Boot services get JAVA_OPTS. */
  readonly javaOpts: boolean;
  readonly configMap: Readonly<Record<string, string>>;
  /** Secret (delivered at deploy time) loaded with envFrom, and whether it comes before the ConfigMap. */
  readonly secret?: { readonly name: string; readonly beforeConfigMap: boolean };
}

export const APP_JAVA_OPTS = '-XX:MaxRAMPercentage=75.0 -Djava.security.egd=file:/dev/urandom';

export const CATALOG_DB_SECRET = 'catalog-db';
export const ORDERS_DB_SECRET = 'orders-db';
export const CATALOG_MYSQL_ROOT_SECRET = 'catalog-mysql-root';

/** Secret keys the applications read (the values are generated at deploy time, never written here). */
export const DB_SECRET_KEYS = {
  catalogUser: 'RETAIL_CATALOG_PERSISTENCE_USER',
  catalogPassword: 'RETAIL_CATALOG_PERSISTENCE_PASSWORD',
  ordersUser: 'RETAIL_ORDERS_PERSISTENCE_USERNAME',
  ordersPassword: 'RETAIL_ORDERS_PERSISTENCE_PASSWORD',
  mysqlRootPassword: 'MYSQL_ROOT_PASSWORD',
} as const;

export function serviceUrl(name: AppServiceName): string {
  return `http://${name}.${name}.svc:${APP_SERVICE_PORT}`;
}

export type DataStoreName = 'catalog-mysql' | 'carts-dynamodb' | 'checkout-redis' | 'orders-postgresql';

export interface DataStoreEnvFromSecret {
  readonly name: string;
  readonly secret: string;
  readonly key: string;
}

export interface DataStoreSpec {
  readonly name: DataStoreName;
  readonly namespace: AppNamespace;
  /** The application it belongs to (its `app.kubernetes.io/name` / `instance`). */
  readonly app: AppServiceName;
  readonly component: 'mysql' | 'dynamodb' | 'redis' | 'postgresql';
  readonly workload: 'StatefulSet' | 'Deployment';
  readonly image: string;
  readonly port: { readonly name: string; readonly number: number };
  readonly env: Readonly<Record<string, string>>;
  readonly envFromSecrets: readonly DataStoreEnvFromSecret[];
  /** emptyDir data volume mount path, when the store persists to disk. */
  readonly dataPath?: string;
}

export const DATA_STORES: Readonly<Record<DataStoreName, DataStoreSpec>> = {
  'catalog-mysql': {
    name: 'catalog-mysql',
    namespace: 'catalog',
    app: 'catalog',
    component: 'mysql',
    workload: 'StatefulSet',
    image: 'public.ecr.aws/docker/library/mysql:8.0',
    port: { name: 'mysql', number: 3306 },
    env: { MYSQL_DATABASE: 'catalog' },
    envFromSecrets: [
      { name: 'MYSQL_ROOT_PASSWORD', secret: CATALOG_MYSQL_ROOT_SECRET, key: DB_SECRET_KEYS.mysqlRootPassword },
      { name: 'MYSQL_USER', secret: CATALOG_DB_SECRET, key: DB_SECRET_KEYS.catalogUser },
      { name: 'MYSQL_PASSWORD', secret: CATALOG_DB_SECRET, key: DB_SECRET_KEYS.catalogPassword },
    ],
    dataPath: '/var/lib/mysql',
  },
  'carts-dynamodb': {
    name: 'carts-dynamodb',
    namespace: 'carts',
    app: 'carts',
    component: 'dynamodb',
    workload: 'Deployment',
    image: 'amazon/dynamodb-local:1.25.1',
    port: { name: 'dynamodb', number: 8000 },
    env: {},
    envFromSecrets: [],
  },
  'checkout-redis': {
    name: 'checkout-redis',
    namespace: 'checkout',
    app: 'checkout',
    component: 'redis',
    workload: 'Deployment',
    image: 'public.ecr.aws/docker/library/redis:6.0-alpine',
    port: { name: 'redis', number: 6379 },
    env: {},
    envFromSecrets: [],
  },
  'orders-postgresql': {
    name: 'orders-postgresql',
    namespace: 'orders',
    app: 'orders',
    component: 'postgresql',
    workload: 'StatefulSet',
    image: 'public.ecr.aws/docker/library/postgres:16.1',
    port: { name: 'postgresql', number: 5432 },
    env: { POSTGRES_DB: 'orders', PGDATA: '/data/pgdata' },
    envFromSecrets: [
      { name: 'POSTGRES_USER', secret: ORDERS_DB_SECRET, key: DB_SECRET_KEYS.ordersUser },
      { name: 'POSTGRES_PASSWORD', secret: ORDERS_DB_SECRET, key: DB_SECRET_KEYS.ordersPassword },
    ],
    dataPath: '/data',
  },
};

/** `host:port` of a data store's Service from its own namespace (`catalog-mysql:3306`), as the workshop writes it. */
export function dataStoreEndpoint(store: DataStoreSpec): string {
  return `${store.name}:${store.port.number}`;
}

/** URL of a data store's Service from any namespace (`redis://checkout-redis.checkout.svc:6379`). */
export function dataStoreUrl(scheme: string, store: DataStoreSpec): string {
  return `${scheme}://${store.name}.${store.namespace}.svc:${store.port.number}`;
}

/** ConfigMap key of the catalog's database `host:port` (the security groups for pods lab points it at RDS). */
export const CATALOG_ENDPOINT_KEY = 'RETAIL_CATALOG_PERSISTENCE_ENDPOINT';

export const APP_SERVICES: Readonly<Record<AppServiceName, AppServiceSpec>> = {
  ui: {
    name: 'ui',
    namespace: 'ui',
    image: 'public.ecr.aws/aws-containers/retail-store-sample-ui:1.2.1',
    liveness: { path: '/actuator/health/liveness', initialDelaySeconds: 45, periodSeconds: 20 },
    cpuRequestMillis: 250,
    memoryMebibytes: 1536,
    runsAsUser1000: true,
    addNetBindService: true,
    prometheusPath: '/actuator/prometheus',
    javaOpts: true,
    configMap: {
      RETAIL_UI_ENDPOINTS_CATALOG: serviceUrl('catalog'),
      RETAIL_UI_ENDPOINTS_CARTS: serviceUrl('carts'),
      RETAIL_UI_ENDPOINTS_ORDERS: serviceUrl('orders'),
      RETAIL_UI_ENDPOINTS_CHECKOUT: serviceUrl('checkout'),
    },
  },
  catalog: {
    name: 'catalog',
    namespace: 'catalog',
    image: 'public.ecr.aws/aws-containers/retail-store-sample-catalog:1.2.1',
    liveness: { path: '/health', initialDelaySeconds: 30, periodSeconds: 3 },
    readiness: { path: '/health', periodSeconds: 5, successThreshold: 3 },
    cpuRequestMillis: 250,
    memoryMebibytes: 512,
    runsAsUser1000: true,
    addNetBindService: false,
    prometheusPath: '/metrics',
    javaOpts: false,
    configMap: {
      RETAIL_CATALOG_PERSISTENCE_PROVIDER: 'mysql',
      [CATALOG_ENDPOINT_KEY]: dataStoreEndpoint(DATA_STORES['catalog-mysql']),
      RETAIL_CATALOG_PERSISTENCE_DB_NAME: 'catalog',
    },
    secret: { name: CATALOG_DB_SECRET, beforeConfigMap: false },
  },
  carts: {
    name: 'carts',
    namespace: 'carts',
    image: 'public.ecr.aws/aws-containers/retail-store-sample-cart:1.2.1',
    liveness: { path: '/actuator/health/liveness', initialDelaySeconds: 45, periodSeconds: 3 },
    readiness: { path: '/actuator/health/readiness', initialDelaySeconds: 15, periodSeconds: 3 },
    cpuRequestMillis: 250,
    memoryMebibytes: 1024,
    runsAsUser1000: true,
    addNetBindService: false,
    prometheusPath: '/actuator/prometheus',
    javaOpts: true,
    configMap: {
      RETAIL_CART_PERSISTENCE_PROVIDER: 'dynamodb',
      RETAIL_CART_PERSISTENCE_DYNAMODB_TABLE_NAME: 'Items',
      RETAIL_CART_PERSISTENCE_DYNAMODB_CREATE_TABLE: 'true',
      // DynamoDB Local accepts any signature; these are the workshop's placeholders, not AWS credentials, and
      // they keep the AWS SDK from falling back to the node's instance role.
      AWS_ACCESS_KEY_ID: 'key',
      AWS_SECRET_ACCESS_KEY: 'secret',
      RETAIL_CART_PERSISTENCE_DYNAMODB_ENDPOINT: `http://${dataStoreEndpoint(DATA_STORES['carts-dynamodb'])}`,
    },
  },
  checkout: {
    name: 'checkout',
    namespace: 'checkout',
    image: 'public.ecr.aws/aws-containers/retail-store-sample-checkout:1.2.1',
    liveness: { path: '/health', initialDelaySeconds: 30, periodSeconds: 3 },
    cpuRequestMillis: 250,
    memoryMebibytes: 512,
    runsAsUser1000: false,
    addNetBindService: false,
    prometheusPath: '/metrics',
    javaOpts: false,
    configMap: {
      RETAIL_CHECKOUT_PERSISTENCE_PROVIDER: 'redis',
      RETAIL_CHECKOUT_PERSISTENCE_REDIS_URL: `redis://${dataStoreEndpoint(DATA_STORES['checkout-redis'])}`,
      RETAIL_CHECKOUT_ENDPOINTS_ORDERS: serviceUrl('orders'),
    },
  },
  orders: {
    name: 'orders',
    namespace: 'orders',
    image: 'public.ecr.aws/aws-containers/retail-store-sample-orders:1.2.1',
    liveness: { path: '/actuator/health/liveness', initialDelaySeconds: 45, periodSeconds: 3 },
    readiness: { path: '/actuator/health/liveness', periodSeconds: 5, successThreshold: 3 },
    cpuRequestMillis: 250,
    memoryMebibytes: 1024,
    runsAsUser1000: true,
    addNetBindService: false,
    prometheusPath: '/actuator/prometheus',
    javaOpts: true,
    configMap: {
      RETAIL_ORDERS_PERSISTENCE_PROVIDER: 'postgres',
      RETAIL_ORDERS_PERSISTENCE_ENDPOINT: dataStoreEndpoint(DATA_STORES['orders-postgresql']),
      RETAIL_ORDERS_PERSISTENCE_NAME: 'orders',
    },
    secret: { name: ORDERS_DB_SECRET, beforeConfigMap: true },
  },
};
