/** Label keys of the retail sample application (eks-workshop-v2 `manifests/base-application`). */
export const APP_LABEL = {
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  component: 'app.kubernetes.io/component',
  createdBy: 'app.kubernetes.io/created-by',
  team: 'app.kubernetes.io/team',
  type: 'app.kubernetes.io/type',
} as const;

/** `app.kubernetes.io/created-by` value on every object of the app. */
export const CREATED_BY = 'eks-workshop';

/** `app.kubernetes.io/component` of the five application services (data stores have their own). */
export const SERVICE_COMPONENT = 'service';
