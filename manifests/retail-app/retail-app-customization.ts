import type { AppServiceName, DataStoreName } from './retail-app-components';

/** Changes a module makes to one application service. Values may be CloudFormation tokens. */
export interface AppServiceCustomization {
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** Keys added to (or replaced in) the service's ConfigMap. */
  readonly configMapData?: Readonly<Record<string, string>>;
  /** Replaces the Secret loaded with envFrom (for example RDS credentials instead of the in-cluster DB's). */
  readonly secretName?: string;
  /** Pod template annotations; a changed value rolls the pods (used to force a rollout when a module turns on). */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /** Extra pod template labels (never in the Deployment's selector, which is immutable). */
  readonly podLabels?: Readonly<Record<string, string>>;
}

export interface DataStoreCustomization {
  readonly nodeSelector?: Readonly<Record<string, string>>;
}

/** What modules change in the retail app, merged by `mergeRetailAppCustomizations`. */
export interface RetailAppCustomization {
  readonly services?: Partial<Record<AppServiceName, AppServiceCustomization>>;
  readonly dataStores?: Partial<Record<DataStoreName, DataStoreCustomization>>;
}

export interface SourcedCustomization {
  readonly source: string;
  readonly customization: RetailAppCustomization;
}

function mergeRecords(
  path: string,
  owners: Map<string, string>,
  source: string,
  target: Record<string, string>,
  addition: Readonly<Record<string, string>> | undefined,
): void {
  for (const [key, value] of Object.entries(addition ?? {})) {
    const leaf = `${path}.${key}`;
    const owner = owners.get(leaf);
    if (owner !== undefined && target[key] !== value) {
      throw new Error(
        `Retail app setting '${leaf}' is changed by both ${owner} and ${source}; they cannot be combined.`,
      );
    }
    owners.set(leaf, source);
    target[key] = value;
  }
}

/** Merges module customizations; two modules changing the same field to different values is an error. */
export function mergeRetailAppCustomizations(parts: readonly SourcedCustomization[]): RetailAppCustomization {
  const owners = new Map<string, string>();
  const services: Partial<Record<AppServiceName, AppServiceCustomization>> = {};
  const dataStores: Partial<Record<DataStoreName, DataStoreCustomization>> = {};
  for (const { source, customization } of parts) {
    for (const [name, change] of Object.entries(customization.services ?? {}) as [
      AppServiceName,
      AppServiceCustomization,
    ][]) {
      const current = services[name] ?? {};
      const nodeSelector = { ...current.nodeSelector };
      const configMapData = { ...current.configMapData };
      const podAnnotations = { ...current.podAnnotations };
      const podLabels = { ...current.podLabels };
      mergeRecords(`${name}.nodeSelector`, owners, source, nodeSelector, change.nodeSelector);
      mergeRecords(`${name}.podLabels`, owners, source, podLabels, change.podLabels);
      mergeRecords(`${name}.configMap`, owners, source, configMapData, change.configMapData);
      mergeRecords(`${name}.podAnnotations`, owners, source, podAnnotations, change.podAnnotations);
      let secretName = current.secretName;
      if (change.secretName !== undefined) {
        const owner = owners.get(`${name}.secretName`);
        if (owner !== undefined && secretName !== change.secretName) {
          throw new Error(`Retail app setting '${name}.secretName' is changed by both ${owner} and ${source}.`);
        }
        owners.set(`${name}.secretName`, source);
        secretName = change.secretName;
      }
      services[name] = { nodeSelector, configMapData, podAnnotations, podLabels, secretName };
    }
    for (const [name, change] of Object.entries(customization.dataStores ?? {}) as [
      DataStoreName,
      DataStoreCustomization,
    ][]) {
      const nodeSelector = { ...dataStores[name]?.nodeSelector };
      mergeRecords(`${name}.nodeSelector`, owners, source, nodeSelector, change.nodeSelector);
      dataStores[name] = { nodeSelector };
    }
  }
  return { services, dataStores };
}
