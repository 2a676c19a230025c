import type { AppServiceName, DataStoreSpec } from './retail-app-components';
import { APP_LABEL, CREATED_BY, SERVICE_COMPONENT } from './retail-app-labels';

/** Selector of an application service's pods (Deployment matchLabels and Service selector). */
export function appServiceSelector(name: AppServiceName): Record<string, string> {
  return { [APP_LABEL.name]: name, [APP_LABEL.instance]: name, [APP_LABEL.component]: SERVICE_COMPONENT };
}

/** Pod template labels of an application service: the selector plus `created-by`. */
export function appServicePodLabels(name: AppServiceName): Record<string, string> {
  return { ...appServiceSelector(name), [APP_LABEL.createdBy]: CREATED_BY };
}

export function dataStoreSelector(store: DataStoreSpec): Record<string, string> {
  return { [APP_LABEL.name]: store.app, [APP_LABEL.instance]: store.app, [APP_LABEL.component]: store.component };
}

/** Data-store pods also carry `team: database`. */
export function dataStorePodLabels(store: DataStoreSpec): Record<string, string> {
  return { ...dataStoreSelector(store), [APP_LABEL.createdBy]: CREATED_BY, [APP_LABEL.team]: 'database' };
}
