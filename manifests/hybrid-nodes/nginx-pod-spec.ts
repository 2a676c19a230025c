import { NGINX_REMOTE } from './hybrid-nodes-names';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../well-known-labels';

/**
 * `preferredDuringScheduling` (weight 1) node affinity to hybrid nodes, as both lab Deployments have it: pods go
 * to the hybrid node while it has room and burst to the cloud nodes when it is full.
 */
export function preferHybridNodes(): Record<string, unknown> {
  return {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 1,
          preference: {
            matchExpressions: [{ key: COMPUTE_TYPE_LABEL, operator: 'In', values: [HYBRID_COMPUTE_TYPE] }],
          },
        },
      ],
    },
  };
}

/** The lab's nginx container: 200m CPU requested and limited, port 80. */
export function nginxContainer(volumeMounts: readonly Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    name: 'nginx',
    image: NGINX_REMOTE.image,
    ports: [{ containerPort: NGINX_REMOTE.port }],
    resources: { requests: { cpu: NGINX_REMOTE.cpu }, limits: { cpu: NGINX_REMOTE.cpu } },
    ...(volumeMounts.length > 0 ? { volumeMounts: [...volumeMounts] } : {}),
  };
}
