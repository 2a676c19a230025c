import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-31';
import type { Construct } from 'constructs';
import { APP_CONTAINER_PORT, APP_SERVICE_PORT, APP_SERVICES } from '../retail-app/retail-app-components';
import { APP_LABEL, CREATED_BY } from '../retail-app/retail-app-labels';
import { appServiceSelector } from '../retail-app/retail-app-selectors';

export const UI_NLB_NAME = 'ui-nlb';

export interface UiNlbChartProps {
  /** Source CIDRs allowed through the NLB's security group. */
  readonly sourceRanges: readonly string[];
}

/**
 * The workshop's `ui-nlb`: an internet-facing Network Load Balancer (AWS Load Balancer Controller, instance
 * targets) in front of the ui pods, reachable only from `sourceRanges`.
 */
export class UiNlbChart extends Chart {
  constructor(scope: Construct, id: string, props: UiNlbChartProps) {
    super(scope, id);
    const service = new kplus.Service(this, 'UiNlb', {
      metadata: {
        name: UI_NLB_NAME,
        namespace: APP_SERVICES.ui.namespace,
        labels: { [APP_LABEL.createdBy]: CREATED_BY },
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
        },
      },
      type: kplus.ServiceType.LOAD_BALANCER,
      loadBalancerSourceRanges: [...props.sourceRanges],
      ports: [{ name: APP_CONTAINER_PORT.name, port: APP_SERVICE_PORT, targetPort: APP_CONTAINER_PORT.number }],
    });
    for (const [key, value] of Object.entries(appServiceSelector('ui'))) service.selectLabel(key, value);
  }
}
