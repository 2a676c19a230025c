/**
 * Names of the VPC Lattice lab (eks-workshop-v2 `manifests/modules/networking/vpc-lattice`), defined once for the
 * charts, the stack, the checks and the README.
 */

/** GatewayClass of the AWS Gateway API controller (`controller/gatewayclass.yaml`). */
export const LATTICE_GATEWAY_CLASS = 'amazon-vpc-lattice';

/** `spec.controllerName` the AWS Gateway API controller claims GatewayClasses with. */
export const LATTICE_CONTROLLER_NAME = 'application-networking.k8s.aws/gateway-api-controller';

/** The Gateway (named after the cluster) lives with the route in the checkout namespace (`eks-workshop-gw.yaml`). */
export const GATEWAY_NAMESPACE = 'checkout';

/** Listener the route attaches to (`sectionName: http`). */
export const GATEWAY_HTTP_LISTENER = { name: 'http', port: 80 } as const;

/** The A/B route and the namespace of the second checkout (`routes/checkout-route.yaml`, `abtesting/`). */
export const CHECKOUT_ROUTE_NAME = 'checkoutroute';
export const CHECKOUT_V2_NAMESPACE = 'checkoutv2';

/** TargetGroupPolicy name in both checkout namespaces (`target-group-policy/*.yaml`). */
export const CHECKOUT_TARGET_GROUP_POLICY_NAME = 'checkout-policy';

/** ReferenceGrant that lets the route in `checkout` use the Service in `checkoutv2` (the workshop has none). */
export const CHECKOUT_V2_REFERENCE_GRANT_NAME = 'allow-checkout-routes';

/**
 * Annotation the controller writes on a route once VPC Lattice has a service for it: the route's DNS name
 * (https://www.gateway-api-controller.eks.aws.dev/latest/api-types/http-route/, "Annotations").
 */
export const LATTICE_ASSIGNED_DOMAIN_ANNOTATION = 'application-networking.k8s.aws/lattice-assigned-domain-name';

/** Shipping-name prefix of checkoutv2 (`abtesting/deploymentv2.yaml`, trailing space included). */
export const CHECKOUT_V2_SHIPPING_NAME_PREFIX = 'Lattice ';

/**
 * The environment variable checkout 1.2.1 reads the prefix from. The workshop sets `SHIPPING_NAME_PREFIX`, the
 * pre-1.0 name, which the image ignores (workshop reference section 6 item 8); the service's configuration reads
 * `RETAIL_CHECKOUT_SHIPPING_NAME_PREFIX`
 * (https://github.com/aws-containers/retail-store-sample-app/blob/v1.2.1/src/checkout/src/config/configuration.ts).
 */
export const CHECKOUT_SHIPPING_NAME_PREFIX_ENV = 'RETAIL_CHECKOUT_SHIPPING_NAME_PREFIX';

/** Environment variable of checkout that holds the Redis URL (base ConfigMap `checkout`). */
export const CHECKOUT_REDIS_URL_ENV = 'RETAIL_CHECKOUT_PERSISTENCE_REDIS_URL';

/** Environment variable of ui that holds the checkout endpoint (base ConfigMap `ui`; workshop section 6 item 7). */
export const UI_CHECKOUT_ENDPOINT_ENV = 'RETAIL_UI_ENDPOINTS_CHECKOUT';

/** Pod-template annotation of ui carrying the endpoint, so a changed endpoint rolls the ui pods. */
export const UI_CHECKOUT_ENDPOINT_ANNOTATION = 'eks-networking-lab/checkout-endpoint';
