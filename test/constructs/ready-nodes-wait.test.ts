import { KubectlV31Layer } from '@aws-cdk/lambda-layer-kubectl-v31';
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { SERVICE_TIMEOUT_PROPERTY } from '../../constructs/custom-resource-timeouts';
import {
  READY_NODES_POLL_INTERVAL,
  READY_NODES_WAIT_RESOURCE_TYPE,
  ReadyNodesWait,
} from '../../constructs/ready-nodes-wait';

const stack = new Stack();
const layer = new KubectlV31Layer(stack, 'Layer');
const cluster = new eks.Cluster(stack, 'Cluster', {
  version: eks.KubernetesVersion.V1_31,
  defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  defaultCapacity: 0,
  kubectlProviderOptions: { kubectlLayer: layer },
});
const wait = new ReadyNodesWait(stack, 'HybridReady', {
  cluster,
  kubectlLayer: layer,
  labelSelector: 'eks.amazonaws.com/compute-type=hybrid',
  timeout: Duration.minutes(30),
});
const template = Template.fromStack(stack);
const [resource] = Object.values(template.findResources(READY_NODES_WAIT_RESOURCE_TYPE));
const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
  String(fn.Properties.Handler).startsWith('ready_nodes.'),
);

describe('ReadyNodesWait', () => {
  test('asks for one Ready node with the label selector by default', () => {
    expect(resource.Properties).toMatchObject({
      ClusterName: stack.resolve(cluster.clusterName),
      LabelSelector: 'eks.amazonaws.com/compute-type=hybrid',
      Count: '1',
    });
  });

  test('polls with an is-complete handler, both running as the kubectl provider role', () => {
    expect(functions.map((fn) => fn.Properties.Handler).sort()).toEqual([
      'ready_nodes.is_complete',
      'ready_nodes.on_event',
    ]);
    for (const fn of functions)
      expect(fn.Properties.Role).toEqual(stack.resolve(cluster.kubectlProvider!.role!.roleArn));
    expect(READY_NODES_POLL_INTERVAL.toSeconds()).toBe(30);
  });

  test('CloudFormation waits longer than the wait itself, so the framework reports the timeout', () => {
    expect(resource.Properties[SERVICE_TIMEOUT_PROPERTY]).toBeGreaterThan(Duration.minutes(30).toSeconds());
    expect(resource.Properties[SERVICE_TIMEOUT_PROPERTY]).toBeLessThanOrEqual(3600);
  });

  test('is created after the cluster kubectl-ready barrier', () => {
    const barrier = stack.getLogicalId(cluster.node.findChild('KubectlReadyBarrier') as never);
    expect(resource.DependsOn).toContain(barrier);
    expect(wait.resource.node.path).toContain('HybridReady');
  });
});
