import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import { Construct, type IDependable } from 'constructs';
import { deployChart } from '../../constructs/chart-manifest';
import { APP_SERVICE_NAMES, type AppServiceName } from '../../manifests/retail-app/retail-app-components';
import type { RetailAppCustomization } from '../../manifests/retail-app/retail-app-customization';
import { RetailComponentChart } from '../../manifests/retail-app/retail-component-chart';

export interface RetailAppProps {
  readonly cluster: eks.ICluster;
  /** The namespaces manifest (created first, deleted last). */
  readonly namespaces: eks.KubernetesManifest;
  readonly customization: RetailAppCustomization;
  /** Per component, what its objects must wait for (secrets, module resources). */
  readonly componentDependencies: Partial<Record<AppServiceName, readonly IDependable[]>>;
}

/** The retail sample application: one deploy-time manifest per component, each in its own namespace. */
export class RetailApp extends Construct {
  readonly components: Readonly<Record<AppServiceName, eks.KubernetesManifest>>;

  constructor(scope: Construct, id: string, props: RetailAppProps) {
    super(scope, id);
    const manifests = new Cdk8sApp();
    const components = {} as Record<AppServiceName, eks.KubernetesManifest>;
    for (const service of APP_SERVICE_NAMES) {
      const chart = new RetailComponentChart(manifests, service, { service, customization: props.customization });
      const manifest = deployChart(this, service, { cluster: props.cluster, chart });
      manifest.node.addDependency(props.namespaces, ...(props.componentDependencies[service] ?? []));
      components[service] = manifest;
    }
    this.components = components;
  }
}
