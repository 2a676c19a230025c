import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabConfigError } from '../../../../lib/config/lab-config-error';
import { readLabConfig } from '../../../../lib/lab-app';
import type { LabSynthesis } from '../../../../lib/lab-app';
import {
  checkCloudBurstingDeployment,
  hybridNodesExpectations,
} from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-expectations';
import { HYBRID_NODES_MODULE } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-module';
import {
  type HybridNodesWorkloadsStack,
  INGRESS_SKIPPED_WARNING,
} from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-workloads-stack';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import type { CommandResult, LiveContext } from '../../../../lib/verify/lab-expectation';
import { findDeployedObjects, findKubernetesObjects } from '../../../../lib/verify/synthesized-lab';
import { verifyOffline } from '../../../../lib/verify/verify-offline';
import { synthesizeForTest, TEST_DAY } from '../../../support/lab-fixtures';
import { addressOf } from '../../../support/module-templates';

const WORKLOADS_STACK = 'NetworkingLabStack/HybridNodesWorkloads';
const EXPOSED = { exposeUi: 'true', inboundCidrs: '203.0.113.0/24' };
const stage = (name: string, extra: Record<string, string> = {}) => ({
  modules: 'hybrid-nodes',
  'hybridNodes.stage': name,
  ...extra,
});

/** Each stage synthesized once: the workshop's pages in order, then the burst to 15 (with exposeUi, to show no ALB). */
let nodeJoined: LabSynthesis;
let remoteWorkloads: LabSynthesis;
let cloudBursting: LabSynthesis;
let burstTo15: LabSynthesis;

beforeAll(() => {
  nodeJoined = synthesizeForTest(stage('node-joined'));
  remoteWorkloads = synthesizeForTest(stage('remote-workloads'));
  cloudBursting = synthesizeForTest({ modules: 'hybrid-nodes' });
  burstTo15 = synthesizeForTest(stage('cloud-bursting', { 'hybridNodes.burstReplicas': '15', ...EXPOSED }));
});

/** `Kind/namespace/name` of every Kubernetes object and `helm:release` of every chart the workloads stack deploys. */
function deployedByWorkloads(lab: LabSynthesis): string[] {
  return [
    ...lab.kubernetesObjects
      .filter(({ stackPath }) => stackPath === WORKLOADS_STACK)
      .map(({ object }) => `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`),
    ...lab.helmReleases
      .filter(({ stackPath }) => stackPath === WORKLOADS_STACK)
      .map(({ release }) => `helm:${release}`),
  ].sort();
}

function errorOf(context: Record<string, unknown>): LabConfigError {
  try {
    readLabConfig(context, { today: TEST_DAY });
  } catch (error) {
    if (error instanceof LabConfigError) return error;
    throw error;
  }
  throw new Error(`no LabConfigError for ${JSON.stringify(context)}`);
}

const infoNotes = (lab: LabSynthesis) =>
  (lab.stack.node.findChild('HybridNodesWorkloads') as HybridNodesWorkloadsStack).node.metadata
    .filter((entry) => entry.type === 'aws:cdk:info')
    .map((entry) => String(entry.data));

describe('hybridNodes.stage', () => {
  test('defaults to cloud-bursting, the end of the lab', () => {
    expect(readLabConfig({ modules: 'hybrid-nodes' }, { today: TEST_DAY }).hybridNodes.stage).toBe('cloud-bursting');
  });

  test('rejects an unknown stage, naming the key, the value and the stages', () => {
    const error = errorOf(stage('bursting'));
    expect(error.key).toBe('hybridNodes.stage');
    expect(error.message).toContain(
      `'hybridNodes.stage': received "bursting"; allowed: node-joined, remote-workloads, cloud-bursting`,
    );
  });

  test('node-joined: the host joined with Cilium, no nginx workload and no Kyverno', () => {
    expect(deployedByWorkloads(nodeJoined)).toEqual(['Namespace//cilium', 'helm:cilium']);
  });

  test('remote-workloads: nginx-remote (namespace, Deployment, Service), no Ingress without exposeUi, no Kyverno', () => {
    expect(deployedByWorkloads(remoteWorkloads)).toEqual([
      'Deployment/nginx-remote/nginx',
      'Namespace//cilium',
      'Namespace//nginx-remote',
      'Service/nginx-remote/nginx',
      'helm:cilium',
    ]);
  });

  test('cloud-bursting: Kyverno, its policy and nginx-deployment without exposeUi, and no nginx-remote', () => {
    expect(deployedByWorkloads(cloudBursting)).toEqual([
      'ClusterPolicy//set-pod-deletion-cost',
      'Deployment/default/nginx-deployment',
      'Namespace//cilium',
      'Namespace//kyverno',
      'helm:cilium',
      'helm:kyverno',
    ]);
  });

  test('cloud-bursting needs no load balancer: with exposeUi it deploys the same objects and no Ingress', () => {
    expect(deployedByWorkloads(burstTo15)).toEqual(deployedByWorkloads(cloudBursting));
    expect(findKubernetesObjects(burstTo15, 'Ingress')).toEqual([]);
  });

  test('lists Kyverno among the parts exactly in stage cloud-bursting', () => {
    const partIds = (lab: LabSynthesis) => lab.plan.parts.map(({ part }) => part.id);
    expect(partIds(nodeJoined)).not.toContain('kyverno');
    expect(partIds(remoteWorkloads)).not.toContain('kyverno');
    expect(partIds(cloudBursting)).toContain('kyverno');
    expect(partIds(burstTo15)).toContain('kyverno');
  });

  test('needs the AWS Load Balancer Controller only for the Ingress of stage remote-workloads', () => {
    const needsController = (context: Record<string, unknown>) =>
      HYBRID_NODES_MODULE.requiresCapabilities!.some((requirement) =>
        requirement.neededWhen(readLabConfig(context, { today: TEST_DAY })),
      );
    expect(needsController(stage('remote-workloads', EXPOSED))).toBe(true);
    expect(needsController(stage('cloud-bursting', EXPOSED))).toBe(false);
    expect(needsController(stage('node-joined', EXPOSED))).toBe(false);
  });

  test('notes the left-out Ingress only in stage remote-workloads without exposeUi', () => {
    const skipped = new RegExp(`^\\[${INGRESS_SKIPPED_WARNING}\\].*exposeUi`);
    expect(infoNotes(remoteWorkloads)).toEqual([expect.stringMatching(skipped)]);
    for (const lab of [nodeJoined, cloudBursting, burstTo15]) {
      expect(infoNotes(lab).filter((note) => note.includes(INGRESS_SKIPPED_WARNING))).toEqual([]);
    }
  });
});

describe('cloud-bursting order', () => {
  test.each([
    ['3 replicas', () => cloudBursting],
    ['15 replicas', () => burstTo15],
  ])('with %s: Kyverno, then the policy, then nginx-deployment once the hybrid node is Ready', (_, labOf) => {
    const lab = labOf();
    const order = new DeployOrder(lab.templates);
    const [kyverno] = lab.helmReleases.filter(({ release }) => release === 'kyverno');
    const [policy] = findDeployedObjects(lab, 'ClusterPolicy', 'set-pod-deletion-cost');
    const [deployment] = findDeployedObjects(lab, 'Deployment', 'nginx-deployment', 'default');
    const workloads = lab.stack.node.findChild('HybridNodesWorkloads') as HybridNodesWorkloadsStack;
    expect(order.createdAfter(policy, kyverno)).toBe(true);
    expect(order.createdAfter(deployment, policy)).toBe(true);
    expect(order.createdAfter(deployment, addressOf(workloads.hybridNodeReady.resource))).toBe(true);
  });
});

describe('hybridNodes.burstReplicas', () => {
  const replicasOf = (lab: LabSynthesis) =>
    (findKubernetesObjects(lab, 'Deployment', 'nginx-deployment', 'default')[0].spec as { replicas: number }).replicas;

  test("reaches nginx-deployment's replicas, 3 (the workshop's) by default", () => {
    expect(replicasOf(cloudBursting)).toBe(3);
    expect(replicasOf(burstTo15)).toBe(15);
  });

  test.each(['0', '21', '2.5', 'many'])('rejects %p, naming the key and the range', (value) => {
    const error = errorOf({ modules: 'hybrid-nodes', 'hybridNodes.burstReplicas': value });
    expect(error.key).toBe('hybridNodes.burstReplicas');
    expect(error.message).toContain(`received "${value}"; allowed: an integer from 1 to 20`);
  });

  test.each(['node-joined', 'remote-workloads'])(
    'is an error in stage %s, naming the key and the stage to set',
    (name) => {
      const error = errorOf(stage(name, { 'hybridNodes.burstReplicas': '15' }));
      expect(error.key).toBe('hybridNodes.burstReplicas');
      expect(error.message).toContain("Invalid context 'hybridNodes.burstReplicas': received 15");
      expect(error.message).toContain('set hybridNodes.stage=cloud-bursting');
    },
  );

  test('with the module off, it only draws the unused-key warning', () => {
    const config = readLabConfig({ 'hybridNodes.burstReplicas': '15' }, { today: TEST_DAY });
    expect(config.warnings.map((warning) => warning.id)).toContain('lab:module-keys-unused');
  });
});

describe('hybridNodes.ingress outside stage remote-workloads', () => {
  test.each([
    ['node-joined', '', {}],
    ['cloud-bursting', '', {}],
    ['cloud-bursting', ' with exposeUi', EXPOSED],
  ])('true in stage %s%s is an error naming the key, the value and the stage to set', (name, _, extra) => {
    const error = errorOf(stage(name, { 'hybridNodes.ingress': 'true', ...extra }));
    expect(error.key).toBe('hybridNodes.ingress');
    expect(error.message).toContain("Invalid context 'hybridNodes.ingress': received true");
    expect(error.message).toContain('set hybridNodes.stage=remote-workloads');
  });

  test('false is accepted in every stage', () => {
    for (const name of ['node-joined', 'remote-workloads', 'cloud-bursting']) {
      expect(
        readLabConfig(stage(name, { 'hybridNodes.ingress': 'false' }), { today: TEST_DAY }).hybridNodes.ingress,
      ).toBe(false);
    }
  });
});

describe('npm run verify per stage', () => {
  /** `id => expected => offline verdict` of the module's checks. */
  const verdicts = (lab: LabSynthesis) =>
    Object.fromEntries(
      verifyOffline(lab)
        .results.filter(({ expectation }) => expectation.module === 'hybrid-nodes')
        .map(({ expectation, outcome }) => [expectation.id, `${expectation.expected} => ${outcome.pass}`]),
    );
  const NETWORK_CHECKS = [
    'hybrid-nodes/lab-private-to-remote-pod',
    'hybrid-nodes/lab-public-to-remote-pod',
    'hybrid-nodes/lab-to-remote-node',
    'hybrid-nodes/remote-to-lab-vpc',
    'hybrid-nodes/hybrid-node-ready',
    'hybrid-nodes/cilium-on-hybrid-nodes',
    'hybrid-nodes/vpc-cni-off-hybrid-nodes',
    // The runtime contracts of the parts the stage installs.
    'parts/cilium',
    'parts/nodeadm',
  ];

  test('node-joined checks the network, the node and Cilium only', () => {
    expect(Object.keys(verdicts(nodeJoined)).sort()).toEqual([...NETWORK_CHECKS].sort());
  });

  test('remote-workloads adds nginx on the hybrid node, no cloud-bursting check', () => {
    expect(Object.keys(verdicts(remoteWorkloads)).sort()).toEqual(
      [...NETWORK_CHECKS, 'hybrid-nodes/nginx-on-hybrid-node'].sort(),
    );
  });

  test("cloud-bursting adds placement, pod-deletion-cost and Kyverno's contract, no nginx-remote check", () => {
    for (const lab of [cloudBursting, burstTo15]) {
      expect(Object.keys(verdicts(lab)).sort()).toEqual(
        [
          ...NETWORK_CHECKS,
          'hybrid-nodes/cloud-bursting-placement',
          'hybrid-nodes/pod-deletion-cost',
          'parts/kyverno',
        ].sort(),
      );
    }
  });

  test('every check of every stage holds offline', () => {
    for (const lab of [nodeJoined, remoteWorkloads, cloudBursting, burstTo15]) {
      expect(Object.entries(verdicts(lab)).filter(([, verdict]) => !verdict.endsWith('=> true'))).toEqual([]);
    }
  });

  test('at 3 replicas, all pods are expected on the hybrid node, all annotated', () => {
    const at3 = verdicts(cloudBursting);
    expect(at3['hybrid-nodes/cloud-bursting-placement']).toBe('3 Running: all 3 on the hybrid node => true');
    expect(at3['hybrid-nodes/pod-deletion-cost']).toBe(
      '"1" on all 3 pods, all on the hybrid node; policy Ready => true',
    );
  });

  test('at 15 replicas, the m5.large hybrid node is full with about 9 (annotated) and the other 6 on EC2 nodes (not)', () => {
    // 2 vCPUs - 70m reserved by nodeadm - 100m kube-proxy = 1830m: 9 pods of 200m.
    const at15 = verdicts(burstTo15);
    expect(at15['hybrid-nodes/cloud-bursting-placement']).toBe(
      '15 Running: the hybrid node full (about 9 there) and the other 6 on EC2 nodes => true',
    );
    expect(at15['hybrid-nodes/pod-deletion-cost']).toBe(
      '"1" on the pods of the full hybrid node (about 9), none on the other 6 on EC2 nodes; policy Ready => true',
    );
  });

  test('offline, the placement check fails when the Deployment does not run hybridNodes.burstReplicas pods', () => {
    const outcome = checkCloudBurstingDeployment(burstTo15, cloudBursting.config);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('hybridNodes.burstReplicas is 3');
  });

  describe('live, on recorded output of the cloud-bursting stage (no nginx-remote; 1930m allocatable on the host)', () => {
    const FIXTURES = join(__dirname, '../../../fixtures/live/hybrid-nodes');
    const recorded = (name: string): CommandResult => ({
      exitCode: 0,
      stdout: readFileSync(join(FIXTURES, name), 'utf8'),
      stderr: '',
    });
    const NODES = recorded('nodes-hybrid-kube-reserved.json');
    const HYBRID = recorded('hybrid-nodes.json');
    const POLICY = recorded('clusterpolicy-ready.json');
    const AT_3 = { pods: recorded('cloud-bursting-pods-3.json'), all: recorded('stage-all-pods-3.json') };
    const AT_15 = { pods: recorded('stage-cloud-bursting-pods-15.json'), all: recorded('stage-all-pods-15.json') };
    const liveVerdicts = (lab: LabSynthesis, cluster: typeof AT_3) => {
      const context: LiveContext = { clusterName: 'eks-workshop', stackOutputs: {}, lab };
      const byId = Object.fromEntries(
        hybridNodesExpectations(lab.config).map((expectation) => [expectation.id, expectation]),
      );
      return {
        placement: byId['hybrid-nodes/cloud-bursting-placement'].live!.interpret(
          [cluster.pods, NODES, cluster.all],
          context,
        ).pass,
        cost: byId['hybrid-nodes/pod-deletion-cost'].live!.interpret([cluster.pods, HYBRID, POLICY], context).pass,
      };
    };

    test('the lab deployed at 3 passes on the cluster at 3 and fails on the cluster at 15', () => {
      expect(liveVerdicts(cloudBursting, AT_3)).toEqual({ placement: true, cost: true });
      expect(liveVerdicts(cloudBursting, AT_15)).toEqual({ placement: false, cost: false });
    });

    test('the lab deployed at 15 passes on the cluster at 15 and fails on the cluster at 3', () => {
      expect(liveVerdicts(burstTo15, AT_15)).toEqual({ placement: true, cost: true });
      expect(liveVerdicts(burstTo15, AT_3)).toEqual({ placement: false, cost: false });
    });
  });
});
