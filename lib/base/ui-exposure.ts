import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import { Construct, type IDependable } from 'constructs';
import { AwsLoadBalancerController } from '../../constructs/aws-load-balancer-controller';
import { CLOUD_NODES_ONLY_AFFINITY } from '../../manifests/cloud-node-affinity';
import { deployChart } from '../../constructs/chart-manifest';
import { APP_SERVICES } from '../../manifests/retail-app/retail-app-components';
import { UI_NLB_NAME, UiNlbChart } from '../../manifests/ui-exposure/ui-nlb-chart';
import {
  AWS_LOAD_BALANCER_CONTROLLER_PART,
  AWS_LOAD_BALANCER_CONTROLLER_POLICY_VERSION,
} from '../third-party/aws-load-balancer-controller-part';
import { helmReleaseOf } from '../third-party/helm-release-of';

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
    const part = AWS_LOAD_BALANCER_CONTROLLER_PART;
    const chart = helmReleaseOf(part);
    this.controller = new AwsLoadBalancerController(this, 'LoadBalancerController', {
      cluster: props.cluster,
      chart,
      controllerVersion: part.version.appVersion ?? part.version.pinned,
      policyVersion: AWS_LOAD_BALANCER_CONTROLLER_POLICY_VERSION,
      // Setting an affinity replaces the chart's default (a preferred anti-affinity spreading the two replicas over
      // nodes, helm/aws-load-balancer-controller/templates/deployment.yaml), so it is kept beside the hybrid rule.
      affinity: {
        ...CLOUD_NODES_ONLY_AFFINITY,
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                labelSelector: {
                  matchExpressions: [
                    // The chart labels its pods with its name (the `aws-load-balancer-controller.name` helper).
                    { key: 'app.kubernetes.io/name', operator: 'In', values: [chart.chart] },
                  ],
                },
                topologyKey: 'kubernetes.io/hostname',
              },
            },
          ],
        },
      },
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
