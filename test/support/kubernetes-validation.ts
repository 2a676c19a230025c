import * as fs from 'node:fs';
import * as path from 'node:path';
import * as gatewayV1 from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import * as gatewayV1beta1 from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1';
import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { schemaValidator } from './json-schema';

interface ValidatableModel {
  validate(): void;
}
type ModelConstructor = new (data: never) => ValidatableModel;

/** Models of kubernetes-models / @kubernetes-models/gateway-api, keyed by `apiVersion/kind`. */
const MODELS: Readonly<Record<string, ModelConstructor>> = {
  'v1/Namespace': core.Namespace,
  'v1/ConfigMap': core.ConfigMap,
  'v1/Secret': core.Secret,
  'v1/Service': core.Service,
  'v1/ServiceAccount': core.ServiceAccount,
  'v1/Pod': core.Pod,
  'apps/v1/Deployment': apps.Deployment,
  'apps/v1/StatefulSet': apps.StatefulSet,
  'apps/v1/DaemonSet': apps.DaemonSet,
  'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
  'networking.k8s.io/v1/Ingress': networking.Ingress,
  'rbac.authorization.k8s.io/v1/Role': rbac.Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': rbac.RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': rbac.ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': rbac.ClusterRoleBinding,
  'gateway.networking.k8s.io/v1/GatewayClass': gatewayV1.GatewayClass,
  'gateway.networking.k8s.io/v1/Gateway': gatewayV1.Gateway,
  'gateway.networking.k8s.io/v1/HTTPRoute': gatewayV1.HTTPRoute,
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant': gatewayV1beta1.ReferenceGrant,
};

const SCHEMA_DIR = path.join(__dirname, '..', 'schemas');
const schemaCache = new Map<string, (value: unknown) => string[]>();

/** Our own schemas for custom resources without a model package: `test/schemas/<group>_<Kind>.schema.json`. */
function crdValidator(apiVersion: string, kind: string): ((value: unknown) => string[]) | undefined {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : 'core';
  const file = path.join(SCHEMA_DIR, `${group}_${kind}.schema.json`);
  if (!schemaCache.has(file)) {
    if (!fs.existsSync(file)) return undefined;
    schemaCache.set(file, schemaValidator(JSON.parse(fs.readFileSync(file, 'utf8')) as object));
  }
  return schemaCache.get(file);
}

/**
 * Validation errors of a Kubernetes object against its schema (empty when valid). A kind with neither a model
 * nor a schema of ours is reported as an error too, so nothing ships unvalidated.
 */
export function kubernetesValidationErrors(object: { apiVersion: string; kind: string }): string[] {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (Model) {
    try {
      new Model(object as never).validate();
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  }
  const validator = crdValidator(object.apiVersion, object.kind);
  if (!validator) return [`no model or schema for ${object.apiVersion} ${object.kind}`];
  return validator(object);
}
