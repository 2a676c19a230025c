import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { CLOUD_BURSTING } from './hybrid-nodes-names';
import { nginxContainer, preferHybridNodes } from './nginx-pod-spec';

export interface CloudBurstingChartProps {
  /** Pods of the Deployment: the workshop starts at 3, scales to 15, then back to 3. */
  readonly replicas: number;
}

/**
 * The lab's cloud-bursting Deployment `nginx-deployment` (namespace `default`): nginx pods that prefer the hybrid
 * node and spill over to the cloud nodes when it is full (the workshop's `kubectl scale --replicas 15`).
 */
export class CloudBurstingChart extends Chart {
  constructor(scope: Construct, id: string, props: CloudBurstingChartProps) {
    super(scope, id);
    if (!Number.isInteger(props.replicas) || props.replicas < 1) {
      throw new Error(`CloudBurstingChart needs a positive whole number of replicas (got ${props.replicas})`);
    }
    new ApiObject(this, 'Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: CLOUD_BURSTING.name,
        namespace: CLOUD_BURSTING.namespace,
        labels: { ...CLOUD_BURSTING.labels },
      },
      spec: {
        replicas: props.replicas,
        selector: { matchLabels: { ...CLOUD_BURSTING.labels } },
        template: {
          metadata: { labels: { ...CLOUD_BURSTING.labels } },
          spec: { affinity: preferHybridNodes(), containers: [nginxContainer()] },
        },
      },
    });
  }
}
