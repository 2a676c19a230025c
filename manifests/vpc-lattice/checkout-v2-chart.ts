import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-31';
import type { Construct } from 'constructs';
import { CHECKOUT_REDIS_URL_ENV, CHECKOUT_SHIPPING_NAME_PREFIX_ENV, CHECKOUT_V2_NAMESPACE } from './vpc-lattice-names';
import { AppService } from '../retail-app/app-service';
import { APP_SERVICES, DATA_STORES, dataStoreUrl } from '../retail-app/retail-app-components';
import { APP_LABEL, CREATED_BY } from '../retail-app/retail-app-labels';

export interface CheckoutV2ChartProps {
  /** Prefix checkoutv2 puts in front of the shipping option names, so its answers are recognisable. */
  readonly shippingNamePrefix: string;
}

/**
 * The workshop's `abtesting/` kustomization: namespace `checkoutv2` with a second checkout (ServiceAccount,
 * ConfigMap, Deployment, Service; no Redis of its own). It fixes two workshop inconsistencies (reference section 6):
 * the prefix goes through the variable checkout 1.2.1 reads (item 8), and the Redis URL names the checkout
 * namespace's Redis, which the short name `checkout-redis` does not resolve to from `checkoutv2` (item 9).
 */
export class CheckoutV2Chart extends Chart {
  readonly checkout: AppService;

  constructor(scope: Construct, id: string, props: CheckoutV2ChartProps) {
    super(scope, id);
    const namespace = new kplus.Namespace(this, 'Namespace', {
      metadata: { name: CHECKOUT_V2_NAMESPACE, labels: { [APP_LABEL.createdBy]: CREATED_BY } },
    });
    this.checkout = new AppService(this, 'Checkout', {
      spec: APP_SERVICES.checkout,
      namespace: CHECKOUT_V2_NAMESPACE,
      customization: {
        configMapData: {
          [CHECKOUT_REDIS_URL_ENV]: dataStoreUrl('redis', DATA_STORES['checkout-redis']),
          [CHECKOUT_SHIPPING_NAME_PREFIX_ENV]: props.shippingNamePrefix,
        },
      },
    });
    this.checkout.node.addDependency(namespace);
  }
}
