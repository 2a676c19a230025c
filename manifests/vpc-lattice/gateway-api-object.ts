import type { IGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import type { IGatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import type { IReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant';
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * Gateway API versions the lab writes: GatewayClass, Gateway and HTTPRoute at GA `gateway.networking.k8s.io/v1`;
 * ReferenceGrant at `v1beta1`, which the v1.5 standard CRDs still serve beside v1 (config/crd/standard of
 * kubernetes-sigs/gateway-api v1.5.1) and which the offline schema package models.
 */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const GATEWAY_API_V1 = `${GATEWAY_API_GROUP}/v1` as const;
export const REFERENCE_GRANT_API_VERSION = `${GATEWAY_API_GROUP}/v1beta1` as const;

/** The objects of the lab, typed by the `@kubernetes-models/gateway-api` models (types only; tests validate). */
export type GatewayApiResource = IGatewayClass | IGateway | IHTTPRoute | IReferenceGrant;

type Named<T extends GatewayApiResource> = T & {
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly spec: NonNullable<T['spec']>;
};

/**
 * A Gateway API object in a cdk8s chart. The shape is checked at compile time against the models generated from the
 * Gateway API CRDs; the tests validate the synthesized JSON against the same models' schemas.
 */
export class GatewayApiObject<T extends GatewayApiResource> extends ApiObject {
  constructor(scope: Construct, id: string, resource: Named<T>) {
    super(scope, id, {
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: {
        name: resource.metadata.name,
        namespace: resource.metadata.namespace,
        labels: resource.metadata.labels,
      },
      spec: resource.spec,
    });
  }
}
