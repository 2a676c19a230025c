import { Aws, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { installGatewayApiCrds } from './gateway-api-crds';
import { LatticeController } from './lattice-controller';
import { LatticeServiceNetwork } from './lattice-service-network';
import { deployChart } from '../../../constructs/chart-manifest';
import { ManagedPrefixListIngress } from '../../../constructs/managed-prefix-list-ingress';
import type { RemoteManifest } from '../../../constructs/remote-manifest';
import { VpcLatticeDrain } from '../../../constructs/vpc-lattice-drain';
import { CheckoutRouteChart } from '../../../manifests/vpc-lattice/checkout-route-chart';
import { CheckoutTargetPoliciesChart } from '../../../manifests/vpc-lattice/checkout-target-policies-chart';
import { CheckoutV2Chart } from '../../../manifests/vpc-lattice/checkout-v2-chart';
import { LatticeGatewayChart } from '../../../manifests/vpc-lattice/lattice-gateway-chart';
import {
  CHECKOUT_ROUTE_NAME,
  CHECKOUT_V2_SHIPPING_NAME_PREFIX,
  GATEWAY_NAMESPACE,
  LATTICE_ASSIGNED_DOMAIN_ANNOTATION,
} from '../../../manifests/vpc-lattice/vpc-lattice-names';
import { kubectlLayerFor } from '../../kubectl-layer';
import type { LabFoundation } from '../../lab-foundation';
import { AWS_GATEWAY_API_CONTROLLER_PART } from '../../third-party/aws-gateway-api-controller-part';

/** Construct id of the module's nested stack. */
export const VPC_LATTICE_STACK_ID = 'VpcLattice';

/** How long deployment waits for the controller to program the route and publish its DNS name. */
export const ROUTE_DNS_TIMEOUT = Duration.minutes(10);

/**
 * The AWS-managed prefix lists of VPC Lattice in a Region (https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html,
 * "Managed prefix list"): traffic from Lattice to targets, health checks included, comes from these addresses.
 */
export function latticePrefixListNames(region: string): string[] {
  return [`com.amazonaws.${region}.vpc-lattice`, `com.amazonaws.${region}.ipv6.vpc-lattice`];
}

/** kubectl JSONPath of an annotation: dots inside the key are escaped, the slash needs none (kubectl's jsonpath). */
export function annotationJsonPath(annotation: string): string {
  return `.metadata.annotations.${annotation.replace(/\./g, '\\.')}`;
}

/**
 * The cluster's managed add-on of that name, if the base created it already (found by add-on name, not by the
 * base's construct ids).
 */
export function clusterAddon(cluster: eks.ICluster, addonName: string): eks.Addon | undefined {
  return Stack.of(cluster)
    .node.findAll()
    .find(
      (construct): construct is eks.Addon =>
        // `Addon.addonName` is a token; the CloudFormation resource carries the literal name.
        construct instanceof eks.Addon &&
        (construct.node.defaultChild as eks.CfnAddon | undefined)?.addonName === addonName,
    );
}

/**
 * The VPC Lattice lab (workshop reference 3.5 and 4.5) as one nested stack. Creation order, each step waiting
 * for the previous one (and deletion the reverse, so the controller deletes its VPC Lattice services and target
 * groups before it is removed, and the CRDs outlive every object of their kinds):
 *
 * 1. cluster security group rules from the Lattice prefix lists; the service network and its VPC association;
 * 2. Gateway API standard CRDs (the pinned release; see lib/third-party/gateway-api-crds-part.ts);
 * 3. the AWS Gateway API controller (Helm, Pod Identity), then a drain that, on deletion, waits for the
 *    controller to delete its VPC Lattice target groups and services;
 * 4. GatewayClass `amazon-vpc-lattice` and Gateway `<clusterName>`;
 * 5. namespace `checkoutv2` with the second checkout, then the TargetGroupPolicies and the ReferenceGrant;
 * 6. HTTPRoute `checkoutroute`;
 * 7. the route's Lattice DNS name, read back for the ui (the base updates ui after it).
 */
export class VpcLatticeStack extends NestedStack {
  readonly latticeIngress: ManagedPrefixListIngress;
  readonly serviceNetwork: LatticeServiceNetwork;
  readonly gatewayApiCrds: RemoteManifest;
  readonly controller: LatticeController;
  readonly latticeDrain: VpcLatticeDrain;
  readonly gateway: eks.KubernetesManifest;
  readonly checkoutV2: eks.KubernetesManifest;
  readonly targetPolicies: eks.KubernetesManifest;
  readonly route: eks.KubernetesManifest;
  readonly routeDns: eks.KubernetesObjectValue;

  constructor(scope: Construct, id: string, foundation: LabFoundation) {
    super(scope, id, {
      description: 'eks-networking-lab module vpc-lattice: Gateway API on Amazon VPC Lattice, A/B routing of checkout',
    });
    const { config, cluster } = foundation;

    // 1. Lattice reaches pods (traffic and health checks) from its prefix lists; pods run in the cluster security
    // group (the lab's nodes use it), so that group accepts every protocol from both lists, as the workshop does.
    this.latticeIngress = new ManagedPrefixListIngress(this, 'LatticeIngress', {
      securityGroupId: cluster.clusterSecurityGroupId,
      prefixListNames: latticePrefixListNames(Aws.REGION),
      description: 'VPC Lattice to pods: routed requests and health checks',
    });
    // The association's security group decides which clients in the VPC reach the service network; the cluster
    // security group admits its own members (the pods), so only the cluster's pods are clients.
    this.serviceNetwork = new LatticeServiceNetwork(this, 'ServiceNetwork', {
      name: config.clusterName,
      vpcId: foundation.vpc.vpcId,
      associationSecurityGroupIds: [cluster.clusterSecurityGroupId],
    });

    // 2. CRDs before the controller (it watches their kinds at start) and before any Gateway API object.
    const kubectlLayer = kubectlLayerFor(this, 'KubectlLayer', config.kubernetesVersion.version);
    this.gatewayApiCrds = installGatewayApiCrds(this, 'GatewayApiCrds', { cluster, kubectlLayer });
    this.gatewayApiCrds.resource.node.addDependency(this.latticeIngress, this.serviceNetwork);

    // 3. The controller needs nodes for its pods and the Pod Identity agent for its credentials.
    this.controller = new LatticeController(this, 'Controller', { cluster, vpc: foundation.vpc });
    // Its namespace and the cleanup of its chart's CRDs (crds/) go after it when the module is switched off.
    this.controller.chart.node.addDependency(
      ...foundation.releasePrerequisites(this, 'ControllerRelease', AWS_GATEWAY_API_CONTROLLER_PART),
    );
    this.controller.chart.node.addDependency(
      this.gatewayApiCrds.resource,
      this.latticeIngress,
      this.serviceNetwork,
      foundation.defaultNodeGroup,
    );
    if (cluster.eksPodIdentityAgent) this.controller.chart.node.addDependency(cluster.eksPodIdentityAgent);
    // On `cdk destroy` the controller deletes its VPC Lattice services and target groups while the route and the
    // Gateway are deleted; it must still resolve the AWS endpoints then, so CoreDNS (which the base creates after
    // the nodes, not before this stack) is deleted after it. Same for its credentials: the Pod Identity agent above.
    const coreDns = clusterAddon(cluster, 'coredns');
    if (coreDns) this.controller.chart.node.addDependency(coreDns);

    // On deletion, after the route and the Gateway are gone and before the controller is uninstalled: wait until
    // the controller has deleted its target groups (asynchronously; the workshop's cleanup waits up to 10 minutes)
    // and its services, so the service network can be deleted and nothing is left behind.
    this.latticeDrain = new VpcLatticeDrain(this, 'LatticeDrain', {
      vpcId: foundation.vpc.vpcId,
      serviceNetworkId: this.serviceNetwork.serviceNetwork.attrId,
    });
    this.latticeDrain.resource.node.addDependency(this.controller.chart);

    const manifests = new Cdk8sApp();
    // 4. Objects the controller reconciles depend on it, so they are deleted while it still runs. They live in
    // the base's checkout namespace, which therefore outlives them.
    this.gateway = deployChart(this, 'Gateway', {
      cluster,
      chart: new LatticeGatewayChart(manifests, 'LatticeGateway', { gatewayName: config.clusterName }),
    });
    this.gateway.node.addDependency(
      this.controller.chart,
      this.latticeDrain.resource,
      this.gatewayApiCrds.resource,
      foundation.retailNamespaces,
    );

    // 5. The second checkout, then the policies: a TargetGroupPolicy in place before the route makes the
    // controller create the target groups with it (attached later, it replaces them).
    this.checkoutV2 = deployChart(this, 'CheckoutV2', {
      cluster,
      chart: new CheckoutV2Chart(manifests, 'CheckoutV2', { shippingNamePrefix: CHECKOUT_V2_SHIPPING_NAME_PREFIX }),
    });
    this.checkoutV2.node.addDependency(this.gateway);
    this.targetPolicies = deployChart(this, 'CheckoutTargetPolicies', {
      cluster,
      chart: new CheckoutTargetPoliciesChart(manifests, 'CheckoutTargetPolicies'),
    });
    this.targetPolicies.node.addDependency(
      this.checkoutV2,
      this.gateway,
      this.controller.chart,
      this.latticeDrain.resource,
      this.gatewayApiCrds.resource,
    );

    // 6. The route last; deleted first.
    this.route = deployChart(this, 'CheckoutRoute', {
      cluster,
      chart: new CheckoutRouteChart(manifests, 'CheckoutRoute', {
        gatewayName: config.clusterName,
        weights: config.vpcLattice.weights,
      }),
    });
    this.route.node.addDependency(
      this.targetPolicies,
      this.checkoutV2,
      this.gateway,
      this.controller.chart,
      this.latticeDrain.resource,
      this.gatewayApiCrds.resource,
    );

    // 7. The controller annotates the route with its Lattice DNS name once VPC Lattice has a service for it (the
    // workshop waits up to 5 minutes); the base's CustomResourceTimeouts give this resource type 20 minutes.
    this.routeDns = new eks.KubernetesObjectValue(this, 'CheckoutRouteDns', {
      cluster,
      objectType: 'httproutes.gateway.networking.k8s.io',
      objectName: CHECKOUT_ROUTE_NAME,
      objectNamespace: GATEWAY_NAMESPACE,
      jsonPath: annotationJsonPath(LATTICE_ASSIGNED_DOMAIN_ANNOTATION),
      timeout: ROUTE_DNS_TIMEOUT,
    });
    this.routeDns.node.addDependency(this.route);
  }

  /** The route's VPC Lattice DNS name (deploy-time token). */
  get checkoutRouteDns(): string {
    return this.routeDns.value;
  }
}
