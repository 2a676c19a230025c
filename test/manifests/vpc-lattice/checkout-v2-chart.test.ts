import { App } from 'cdk8s';
import { CheckoutV2Chart } from '../../../manifests/vpc-lattice/checkout-v2-chart';
import { RetailComponentChart } from '../../../manifests/retail-app/retail-component-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

interface Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

const app = new App();
const v2 = new CheckoutV2Chart(app, 'CheckoutV2', { shippingNamePrefix: 'Lattice ' }).toJson() as Json[];
const base = new RetailComponentChart(app, 'Checkout', { service: 'checkout' }).toJson() as Json[];
const find = (objects: Json[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

describe('CheckoutV2Chart', () => {
  test('creates namespace checkoutv2 first, labelled like the retail app namespaces', () => {
    expect(v2[0]).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'checkoutv2', labels: { 'app.kubernetes.io/created-by': 'eks-workshop' } },
    });
  });

  test('deploys a second checkout (ServiceAccount, ConfigMap, Deployment, Service) in checkoutv2 and no Redis', () => {
    const namespaced = v2.filter((object) => object.kind !== 'Namespace');
    expect(
      namespaced.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`).sort(),
    ).toEqual([
      'ConfigMap/checkoutv2/checkout',
      'Deployment/checkoutv2/checkout',
      'Service/checkoutv2/checkout',
      'ServiceAccount/checkoutv2/checkout',
    ]);
  });

  test('keeps the base checkout Deployment and Service except for the namespace (same labels, ports, probes, image)', () => {
    for (const kind of ['Deployment', 'Service', 'ServiceAccount']) {
      const copy = find(v2, kind, 'checkout')!;
      const original = find(base, kind, 'checkout')!;
      expect(original.metadata.namespace).toBe('checkout');
      expect({ ...copy, metadata: { ...copy.metadata, namespace: 'checkout' } }).toEqual(original);
    }
  });

  test('sets the shipping prefix through RETAIL_CHECKOUT_SHIPPING_NAME_PREFIX, the variable checkout 1.2.1 reads, trailing space kept', () => {
    const data = find(v2, 'ConfigMap', 'checkout')!.data as Record<string, string>;
    expect(data.RETAIL_CHECKOUT_SHIPPING_NAME_PREFIX).toBe('Lattice ');
    expect(data).not.toHaveProperty('SHIPPING_NAME_PREFIX');
  });

  test('points checkoutv2 at the Redis of the checkout namespace by its namespaced name', () => {
    const data = find(v2, 'ConfigMap', 'checkout')!.data as Record<string, string>;
    expect(data.RETAIL_CHECKOUT_PERSISTENCE_REDIS_URL).toBe('redis://checkout-redis.checkout.svc:6379');
    expect(data.RETAIL_CHECKOUT_PERSISTENCE_PROVIDER).toBe('redis');
    expect(data.RETAIL_CHECKOUT_ENDPOINTS_ORDERS).toBe('http://orders.orders.svc:80');
  });

  test('keeps the base checkout ConfigMap unchanged (the short Redis name resolves in its own namespace)', () => {
    const data = find(base, 'ConfigMap', 'checkout')!.data as Record<string, string>;
    expect(data.RETAIL_CHECKOUT_PERSISTENCE_REDIS_URL).toBe('redis://checkout-redis:6379');
    expect(data).not.toHaveProperty('RETAIL_CHECKOUT_SHIPPING_NAME_PREFIX');
  });

  test('every object validates against the Kubernetes models', () => {
    expect(v2.map((object) => kubernetesValidationErrors(object))).toEqual(v2.map(() => []));
  });
});
