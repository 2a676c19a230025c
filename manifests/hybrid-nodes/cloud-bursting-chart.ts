import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { CLOUD_BURSTING } from './hybrid-nodes-names';
import { nginxContainer, preferHybridNodes } from './nginx-pod-spec';

/**
 * The lab's cloud-bursting Deployment `nginx-deployment` (namespace `default`): nginx pods that prefer the hybrid
 * node and spill over to the cloud nodes when it is full (`kubectl scale deployment nginx-deployment --replicas 15`).
 */
export class CloudBurstingChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ApiObject(this, 'Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: CLOUD_BURSTING.name,
        namespace: CLOUD_BURSTING.namespace,
        labels: { ...CLOUD_BURSTING.labels },
      },
      spec: {
        replicas: CLOUD_BURSTING.replicas,
        selector: { matchLabels: { ...CLOUD_BURSTING.labels } },
        template: {
          metadata: { labels: { ...CLOUD_BURSTING.labels } },
          spec: { affinity: preferHybridNodes(), containers: [nginxContainer()] },
        },
      },
    });
  }
}
