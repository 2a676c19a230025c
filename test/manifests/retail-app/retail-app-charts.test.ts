import { App } from 'cdk8s';
import { DATA_STORES, dataStoreUrl } from '../../../manifests/retail-app/retail-app-components';
import { RetailComponentChart } from '../../../manifests/retail-app/retail-component-chart';
import { RetailNamespacesChart } from '../../../manifests/retail-app/retail-namespaces-chart';

interface K8sObject {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary manifest fields
  spec?: any;
  data?: Record<string, string>;
}

const app = new App();
const objects: K8sObject[] = [
  ...new RetailNamespacesChart(app, 'namespaces').toJson(),
  ...(['ui', 'catalog', 'carts', 'checkout', 'orders'] as const).flatMap((service) =>
    new RetailComponentChart(app, service, { service }).toJson(),
  ),
];

function find(kind: string, namespace: string | undefined, name: string): K8sObject {
  const found = objects.filter(
    (o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const APP_SERVICES = ['ui', 'catalog', 'carts', 'checkout', 'orders'];

describe('namespaces', () => {
  test.each(['ui', 'catalog', 'carts', 'checkout', 'orders', 'other'])(
    'creates namespace %s labelled created-by',
    (name) => {
      expect(find('Namespace', undefined, name).metadata.labels).toEqual({
        'app.kubernetes.io/created-by': 'eks-workshop',
      });
    },
  );

  test('keeps the empty dummy ConfigMap in other', () => {
    expect(find('ConfigMap', 'other', 'dummy').data).toBeUndefined();
  });
});

describe('application services', () => {
  test.each(APP_SERVICES)(
    '%s pods carry exactly the workshop labels and the Deployment selects on three of them',
    (name) => {
      const deployment = find('Deployment', name, name);
      expect(deployment.spec.selector.matchLabels).toEqual({
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/instance': name,
        'app.kubernetes.io/component': 'service',
      });
      expect(deployment.spec.template.metadata.labels).toEqual({
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/instance': name,
        'app.kubernetes.io/component': 'service',
        'app.kubernetes.io/created-by': 'eks-workshop',
      });
      expect(deployment.metadata.labels).toEqual({
        'app.kubernetes.io/created-by': 'eks-workshop',
        'app.kubernetes.io/type': 'app',
      });
      expect(deployment.spec.replicas).toBe(1);
    },
  );

  test.each(APP_SERVICES)('%s Service maps port 80 to the named container port http (8080)', (name) => {
    const service = find('Service', name, name);
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }]);
    const container = find('Deployment', name, name).spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });

  test.each(APP_SERVICES)('%s runs with its service account, fsGroup 1000 and a memory-backed /tmp', (name) => {
    const pod = find('Deployment', name, name).spec.template.spec;
    expect(pod.serviceAccountName).toBe(name);
    expect(pod.securityContext.fsGroup).toBe(1000);
    expect(pod.volumes).toEqual([{ name: 'tmp-volume', emptyDir: { medium: 'Memory' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tmp-volume', mountPath: '/tmp' }]);
    expect(find('ServiceAccount', name, name)).toBeDefined();
  });

  test('probes, resources and images follow the workshop table', () => {
    const container = (name: string) => find('Deployment', name, name).spec.template.spec.containers[0];
    expect(container('ui').livenessProbe).toMatchObject({
      httpGet: { path: '/actuator/health/liveness', port: 8080 },
      initialDelaySeconds: 45,
      periodSeconds: 20,
    });
    expect(container('ui').readinessProbe).toBeUndefined();
    expect(container('catalog').readinessProbe).toMatchObject({
      httpGet: { path: '/health', port: 8080 },
      successThreshold: 3,
      periodSeconds: 5,
    });
    expect(container('carts').readinessProbe).toMatchObject({
      httpGet: { path: '/actuator/health/readiness' },
      initialDelaySeconds: 15,
      periodSeconds: 3,
    });
    expect(container('orders').readinessProbe).toMatchObject({
      httpGet: { path: '/actuator/health/liveness' },
      successThreshold: 3,
    });
    expect(container('ui').resources).toEqual({
      requests: { cpu: '250m', memory: '1536Mi' },
      limits: { memory: '1536Mi' },
    });
    expect(container('carts').resources).toEqual({
      requests: { cpu: '250m', memory: '1024Mi' },
      limits: { memory: '1024Mi' },
    });
    expect(container('catalog').image).toBe('public.ecr.aws/aws-containers/retail-store-sample-catalog:1.2.1');
    expect(container('ui').imagePullPolicy).toBe('IfNotPresent');
  });

  test('security contexts follow the workshop table (checkout has no fixed user)', () => {
    const context = (name: string) => find('Deployment', name, name).spec.template.spec.containers[0].securityContext;
    expect(context('ui')).toMatchObject({
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 1000,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    });
    expect(context('catalog').capabilities).toEqual({ drop: ['ALL'] });
    expect(context('checkout')).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: false });
    expect(context('checkout').runAsUser).toBeUndefined();
  });

  test('loads configuration and secrets in the workshop envFrom order', () => {
    const envFrom = (name: string) => find('Deployment', name, name).spec.template.spec.containers[0].envFrom;
    expect(envFrom('catalog')).toEqual([{ configMapRef: { name: 'catalog' } }, { secretRef: { name: 'catalog-db' } }]);
    expect(envFrom('orders')).toEqual([{ secretRef: { name: 'orders-db' } }, { configMapRef: { name: 'orders' } }]);
    expect(envFrom('ui')).toEqual([{ configMapRef: { name: 'ui' } }]);
  });

  test.each([
    ['ui', '/actuator/prometheus', true],
    ['catalog', '/metrics', false],
    ['carts', '/actuator/prometheus', true],
    ['checkout', '/metrics', false],
    ['orders', '/actuator/prometheus', true],
  ])('%s is scraped by Prometheus at %s on 8080; JAVA_OPTS only for the Spring Boot services', (name, path, java) => {
    const template = find('Deployment', name, name).spec.template;
    expect(template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '8080',
      'prometheus.io/path': path,
    });
    const env = (template.spec.containers[0].env ?? []) as { name: string; value?: string }[];
    expect(env.filter((variable) => variable.name === 'JAVA_OPTS')).toEqual(
      java ? [{ name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75.0 -Djava.security.egd=file:/dev/urandom' }] : [],
    );
  });

  test('points the ui at the four backend services', () => {
    expect(find('ConfigMap', 'ui', 'ui').data).toEqual({
      RETAIL_UI_ENDPOINTS_CATALOG: 'http://catalog.catalog.svc:80',
      RETAIL_UI_ENDPOINTS_CARTS: 'http://carts.carts.svc:80',
      RETAIL_UI_ENDPOINTS_ORDERS: 'http://orders.orders.svc:80',
      RETAIL_UI_ENDPOINTS_CHECKOUT: 'http://checkout.checkout.svc:80',
    });
  });

  test('ui reads its pod, namespace and node names from the downward API', () => {
    const env = find('Deployment', 'ui', 'ui').spec.template.spec.containers[0].env;
    expect(env).toEqual(
      expect.arrayContaining([
        { name: 'METADATA_KUBERNETES_POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'METADATA_KUBERNETES_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      ]),
    );
  });
});

describe('data stores', () => {
  test.each([
    ['StatefulSet', 'catalog', 'catalog-mysql', 'mysql', 3306, 'catalog'],
    ['Deployment', 'carts', 'carts-dynamodb', 'dynamodb', 8000, 'carts'],
    ['Deployment', 'checkout', 'checkout-redis', 'redis', 6379, 'checkout'],
    ['StatefulSet', 'orders', 'orders-postgresql', 'postgresql', 5432, 'orders'],
  ])('%s %s/%s exposes %s on %i and carries team=database', (kind, namespace, name, portName, port, app) => {
    const workload = find(kind, namespace, name);
    expect(workload.spec.template.metadata.labels).toEqual({
      'app.kubernetes.io/name': app,
      'app.kubernetes.io/instance': app,
      'app.kubernetes.io/component': portName,
      'app.kubernetes.io/created-by': 'eks-workshop',
      'app.kubernetes.io/team': 'database',
    });
    expect(workload.spec.template.spec.containers[0].ports).toEqual([
      { name: portName, containerPort: port, protocol: 'TCP' },
    ]);
    expect(find('Service', namespace, name).spec.ports).toEqual([
      { name: portName, port, protocol: 'TCP', targetPort: portName },
    ]);
    expect(workload.spec.serviceName).toBe(kind === 'StatefulSet' ? name : undefined);
  });

  test('reads database credentials only from Secrets, never from literal values', () => {
    const env = (kind: string, namespace: string, name: string) =>
      find(kind, namespace, name).spec.template.spec.containers[0].env as {
        name: string;
        value?: string;
        valueFrom?: unknown;
      }[];
    const mysql = env('StatefulSet', 'catalog', 'catalog-mysql');
    expect(mysql.find((e) => e.name === 'MYSQL_ROOT_PASSWORD')).toEqual({
      name: 'MYSQL_ROOT_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'catalog-mysql-root', key: 'MYSQL_ROOT_PASSWORD' } },
    });
    expect(mysql.find((e) => e.name === 'MYSQL_PASSWORD')?.valueFrom).toEqual({
      secretKeyRef: { name: 'catalog-db', key: 'RETAIL_CATALOG_PERSISTENCE_PASSWORD' },
    });
    const postgres = env('StatefulSet', 'orders', 'orders-postgresql');
    expect(postgres.find((e) => e.name === 'POSTGRES_PASSWORD')?.valueFrom).toEqual({
      secretKeyRef: { name: 'orders-db', key: 'RETAIL_ORDERS_PERSISTENCE_PASSWORD' },
    });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  test.each([
    ['catalog', 'RETAIL_CATALOG_PERSISTENCE_ENDPOINT', 'catalog-mysql:3306'],
    ['carts', 'RETAIL_CART_PERSISTENCE_DYNAMODB_ENDPOINT', 'http://carts-dynamodb:8000'],
    ['checkout', 'RETAIL_CHECKOUT_PERSISTENCE_REDIS_URL', 'redis://checkout-redis:6379'],
    ['orders', 'RETAIL_ORDERS_PERSISTENCE_ENDPOINT', 'orders-postgresql:5432'],
  ])(
    '%s reaches its data store at the workshop endpoint, a Service port of its own namespace',
    (service, key, value) => {
      const endpoint = find('ConfigMap', service, service).data?.[key];
      expect(endpoint).toBe(value);
      const [, host, port] = /^(?:\w+:\/\/)?([a-z-]+):(\d+)$/.exec(endpoint ?? '') ?? [];
      expect(find('Service', service, host).spec.ports.map((entry: { port: number }) => entry.port)).toContain(
        Number(port),
      );
    },
  );

  test('builds cross-namespace data store URLs from the data store spec', () => {
    expect(dataStoreUrl('redis', DATA_STORES['checkout-redis'])).toBe('redis://checkout-redis.checkout.svc:6379');
    expect(dataStoreUrl('postgres', DATA_STORES['orders-postgresql'])).toBe(
      'postgres://orders-postgresql.orders.svc:5432',
    );
  });

  test('lets the official database images run as they expect (root entrypoint, writable filesystem)', () => {
    const context = find('StatefulSet', 'catalog', 'catalog-mysql').spec.template.spec.containers[0].securityContext;
    expect(context).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false, privileged: false });
  });
});

describe('no cdk8s artefacts', () => {
  test('pods carry no cdk8s address label', () => {
    expect(JSON.stringify(objects)).not.toContain('cdk8s.io/metadata.addr');
  });
});

describe('customization', () => {
  test('adds a nodeSelector, ConfigMap keys, a Secret and pod annotations to one service only', () => {
    const custom = new App();
    const chart = new RetailComponentChart(custom, 'catalog', {
      service: 'catalog',
      customization: {
        services: {
          catalog: {
            nodeSelector: { 'eks.amazonaws.com/nodegroup': 'default' },
            configMapData: { RETAIL_CATALOG_PERSISTENCE_ENDPOINT: 'db.example:3306' },
            secretName: 'catalog-rds',
            podAnnotations: { 'lab/rollout': 'x' },
          },
        },
      },
    }).toJson() as K8sObject[];
    const deployment = chart.find((o) => o.kind === 'Deployment' && o.metadata.name === 'catalog')!;
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ 'eks.amazonaws.com/nodegroup': 'default' });
    expect(deployment.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: 'catalog-rds' } });
    expect(deployment.spec.template.metadata.annotations['lab/rollout']).toBe('x');
    const configMap = chart.find((o) => o.kind === 'ConfigMap')!;
    expect(configMap.data).toMatchObject({
      RETAIL_CATALOG_PERSISTENCE_ENDPOINT: 'db.example:3306',
      RETAIL_CATALOG_PERSISTENCE_DB_NAME: 'catalog',
    });
    const mysql = chart.find((o) => o.kind === 'StatefulSet')!;
    expect(mysql.spec.template.spec.nodeSelector).toBeUndefined();
  });
});
