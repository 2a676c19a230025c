/**
 * The smallest app of the same kind as the lab, for `npm run bench`: one VPC, one aws-eks-v2 cluster with the
 * kubectl layer, one add-on, one node group and one cdk8s chart with one object, from the same libraries.
 */
import { KubectlV35Layer } from '@aws-cdk/lambda-layer-kubectl-v35';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-31';

const app = new App();
const stack = new Stack(app, 'ComparisonStack');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3, natGateways: 1 });
const cluster = new eks.Cluster(stack, 'Cluster', {
  version: eks.KubernetesVersion.V1_35,
  vpc,
  defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  defaultCapacity: 0,
  kubectlProviderOptions: { kubectlLayer: new KubectlV35Layer(stack, 'KubectlLayer') },
});
new eks.Addon(stack, 'VpcCni', { cluster, addonName: 'vpc-cni' });
cluster.addNodegroupCapacity('Nodes', { instanceTypes: [new ec2.InstanceType('m5.large')], minSize: 1 });
const chart = new Chart(new Cdk8sApp(), 'Chart');
new kplus.ConfigMap(chart, 'Config', { data: { hello: 'world' } });
cluster.addCdk8sChart('Chart', chart);
