/**
 * Tags the workshop puts on every resource; its commands (and the live checks) find resources by them:
 * `created-by=eks-workshop-v2` and `env=<cluster name>`.
 */
export const LAB_TAG_KEYS = { createdBy: 'created-by', env: 'env' } as const;
export const LAB_CREATED_BY = 'eks-workshop-v2';
