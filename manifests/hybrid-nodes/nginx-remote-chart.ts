import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { NGINX_REMOTE } from './hybrid-nodes-names';
import { nginxContainer, preferHybridNodes } from './nginx-pod-spec';
import { APP_LABEL, CREATED_BY } from '../retail-app/retail-app-labels';

/** The page the init container writes, with Kubernetes expanding `$(POD_IP)` and `$(NODE_NAME)` from env. */
export const NGINX_REMOTE_PAGE_COMMAND = 'echo "Connected to $(POD_IP) on $(NODE_NAME)" > /work-dir/index.html';

/**
 * The lab's `kustomize/` objects without the Ingress: namespace `nginx-remote`, Deployment `nginx` (3 replicas,
 * preferring hybrid nodes; an init container writes "Connected to <pod IP> on <node name>" as the page) and the
 * NodePort Service `nginx`.
 */
export class NginxRemoteChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ApiObject(this, 'Namespace', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NGINX_REMOTE.namespace, labels: { [APP_LABEL.createdBy]: CREATED_BY } },
    });
    new ApiObject(this, 'Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: NGINX_REMOTE.name, namespace: NGINX_REMOTE.namespace, labels: { ...NGINX_REMOTE.labels } },
      spec: {
        replicas: NGINX_REMOTE.replicas,
        selector: { matchLabels: { ...NGINX_REMOTE.labels } },
        template: {
          metadata: { labels: { ...NGINX_REMOTE.labels } },
          spec: {
            affinity: preferHybridNodes(),
            initContainers: [
              {
                name: 'install',
                image: NGINX_REMOTE.initImage,
                command: ['sh', '-c', NGINX_REMOTE_PAGE_COMMAND],
                env: [
                  { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                  { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                ],
                volumeMounts: [{ name: NGINX_REMOTE.volume, mountPath: NGINX_REMOTE.initWorkDir }],
              },
            ],
            containers: [nginxContainer([{ name: NGINX_REMOTE.volume, mountPath: NGINX_REMOTE.htmlPath }])],
            volumes: [{ name: NGINX_REMOTE.volume, emptyDir: {} }],
          },
        },
      },
    });
    new ApiObject(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: NGINX_REMOTE.name, namespace: NGINX_REMOTE.namespace },
      spec: {
        type: 'NodePort',
        selector: { ...NGINX_REMOTE.labels },
        ports: [
          {
            name: NGINX_REMOTE.servicePortName,
            port: NGINX_REMOTE.port,
            targetPort: NGINX_REMOTE.port,
            protocol: 'TCP',
          },
        ],
      },
    });
  }
}
