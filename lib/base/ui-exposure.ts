import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import { Construct, type IDependable } from 'constructs';
import { AwsLoadBalancerController } from '../../constructs/aws-load-balancer-controller';
import { deployChart } from '../../constructs/chart-manifest';
import { APP_SERVICES } from '../../manifests/retail-app/retail-app-components';
import { UI_NLB_NAME, UiNlbChart } from '../../manifests/ui-exposure/ui-nlb-chart';

export interface UiExposureProps {
  readonly cluster: eks.Cluster;
  readonly inboundCidrs: readonly string[];
  /** What the controller needs first (nodes, CoreDNS, the Pod Identity agent). */
  readonly controllerAfter: readonly IDependable[];
  /** The ui's namespace must exist before the Service. */
  readonly namespaces: IDependable;
}

/**
 * `exposeUi`: the AWS Load Balancer Controller and the internet-facing `ui-nlb`. The Service depends on the
 * controller, so on `cdk destroy` it is deleted first, while the controller still runs to delete the NLB and its
 * security groups (which would otherwise block the VPC's deletion); `kubectl delete` waits for the controller's
 * finalizer.
 */
export class UiExposure extends Construct {
  readonly controller: AwsLoadBalancerController;
  readonly service: eks.KubernetesManifest;
  readonly loadBalancerAddress: eks.KubernetesObjectValue;

  constructor(scope: Construct, id: string, props: UiExposureProps) {
    super(scope, id);
    this.controller = new AwsLoadBalancerController(this, 'LoadBalancerController', {
      cluster: props.cluster,
      after: props.controllerAfter,
    });
    const manifests = new Cdk8sApp();
    this.service = deployChart(this, 'UiNlb', {
      cluster: props.cluster,
      chart: new UiNlbChart(manifests, 'UiNlb', { sourceRanges: props.inboundCidrs }),
    });
    this.service.node.addDependency(this.controller.chart, props.namespaces);

    this.loadBalancerAddress = new eks.KubernetesObjectValue(this, 'UiNlbAddress', {
      cluster: props.cluster,
      objectType: 'service',
      objectName: UI_NLB_NAME,
      objectNamespace: APP_SERVICES.ui.namespace,
      jsonPath: '.status.loadBalancer.ingress[0].hostname',
      timeout: Duration.minutes(10),
    });
    this.loadBalancerAddress.node.addDependency(this.service);
    new CfnOutput(Stack.of(this), 'UiUrl', {
      description: 'The retail store ui through ui-nlb (reachable from inboundCidrs only)',
      value: `http://${this.loadBalancerAddress.value}`,
    });
  }
}
