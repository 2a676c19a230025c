import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabConfig } from '../../../../lib/lab-app';
import { estimateBurstPlacement } from '../../../../lib/modules/hybrid-nodes/hybrid-node-capacity';
import {
  hybridNodesExpectations,
  interpretCloudBurstingPlacement,
  interpretPodDeletionCost,
} from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-expectations';
import { findInstanceType } from '../../../../lib/instance-types/instance-types';
import type { CfnTemplate } from '../../../../lib/verify/cfn-template';
import type { CommandResult, LabExpectation, LiveContext } from '../../../../lib/verify/lab-expectation';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { TEST_DAY } from '../../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

/** The default configuration: stage cloud-bursting, 3 replicas, no exposeUi. */
let lab: SynthesizedOutput;
let expectations: LabExpectation[];
let LIVE: LiveContext;

const byId = (id: string) => expectations.find((expectation) => expectation.id === `hybrid-nodes/${id}`)!;

/** The lab with the resources of one type removed from the module's template. */
function withoutResources(type: string): SynthesizedOutput {
  const templates = lab.templates.map((entry) => ({
    stackPath: entry.stackPath,
    template: {
      ...entry.template,
      Resources: Object.fromEntries(
        Object.entries(entry.template.Resources).filter(([, resource]) => resource.Type !== type),
      ),
    } as CfnTemplate,
  }));
  return { ...lab, templates };
}

const ok = (value: unknown): CommandResult => ({ exitCode: 0, stdout: JSON.stringify(value), stderr: '' });
const node = (name: string, ready: boolean) => ({
  metadata: { name },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const pod = (nodeName: string, phase = 'Running') => ({
  metadata: { name: `p-${nodeName}` },
  spec: { nodeName },
  status: { phase },
});

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'hybrid-nodes' });
  expectations = hybridNodesExpectations(lab.config);
  LIVE = { clusterName: 'eks-workshop', stackOutputs: {}, lab };
});

test('are declared for npm run verify with the module', () => {
  const ids = labExpectations(lab.plan).map((expectation) => expectation.id);
  for (const expectation of expectations) expect(ids).toContain(expectation.id);
});

test.each([
  'lab-private-to-remote-pod',
  'lab-public-to-remote-pod',
  'lab-to-remote-node',
  'remote-to-lab-vpc',
  'hybrid-node-ready',
  'cilium-on-hybrid-nodes',
  'vpc-cni-off-hybrid-nodes',
  'cloud-bursting-placement',
  'pod-deletion-cost',
])('%s holds offline for the synthesized lab', (id) => {
  const outcome = byId(id).checkOffline(lab);
  expect(outcome.actual).not.toContain('no subnet matches');
  expect(outcome.pass).toBe(true);
});

test('a packet from a lab private subnet to a remote pod ends at the primary interface of the hybrid node', () => {
  const outcome = byId('lab-private-to-remote-pod').checkOffline(lab);
  expect(outcome.actual).toBe('from 3 subnet(s): 3 hop(s), network-interface');
  expect(outcome.notes?.[0]).toMatch(/10\.53\.0\.0\/16 -> transit-gateway .*static attachment .*network-interface/);
});

test('the pod routing check fails without the static Transit Gateway route', () => {
  const outcome = byId('lab-private-to-remote-pod').checkOffline(withoutResources('AWS::EC2::TransitGatewayRoute'));
  expect(outcome.pass).toBe(false);
  expect(outcome.actual).toContain('ends in no-route');
});

test('the return path check fails without the Transit Gateway attachments', () => {
  const outcome = byId('remote-to-lab-vpc').checkOffline(withoutResources('AWS::EC2::TransitGatewayAttachment'));
  expect(outcome.pass).toBe(false);
  expect(outcome.actual).toContain('no-attachment');
});

test('the join check fails without the HYBRID_LINUX access entry', () => {
  expect(byId('hybrid-node-ready').checkOffline(withoutResources('AWS::EKS::AccessEntry')).pass).toBe(false);
});

describe('live checks', () => {
  test('the hybrid node is Ready under its SSM name', () => {
    const live = byId('hybrid-node-ready').live!;
    expect(live.commands(LIVE)).toEqual([
      { program: 'kubectl', args: ['get', 'nodes', '-l', 'eks.amazonaws.com/compute-type=hybrid', '-o', 'json'] },
    ]);
    expect(live.interpret([ok({ items: [node('mi-0123456789abcdef0', true)] })], LIVE).pass).toBe(true);
    expect(live.interpret([ok({ items: [node('mi-0123456789abcdef0', false)] })], LIVE).pass).toBe(false);
    expect(live.interpret([ok({ items: [] })], LIVE)).toEqual({ pass: false, actual: 'no hybrid node registered' });
    expect(live.interpret([{ exitCode: 1, stdout: '', stderr: 'Unauthorized' }], LIVE).actual).toContain(
      'Unauthorized',
    );
  });

  test('nginx (stage remote-workloads) passes with its 3 pods Running on the hybrid node and fails when one runs on an EC2 node', () => {
    const remoteWorkloads = readLabConfig(
      { modules: 'hybrid-nodes', 'hybridNodes.stage': 'remote-workloads' },
      { today: TEST_DAY },
    );
    const live = hybridNodesExpectations(remoteWorkloads).find(
      (expectation) => expectation.id === 'hybrid-nodes/nginx-on-hybrid-node',
    )!.live!;
    const hybrid = ok({ items: [node('mi-1', true)] });
    expect(live.interpret([ok({ items: [pod('mi-1'), pod('mi-1'), pod('mi-1')] }), hybrid], LIVE).pass).toBe(true);
    expect(live.interpret([ok({ items: [pod('mi-1'), pod('mi-1'), pod('ip-10-42-96-7')] }), hybrid], LIVE).pass).toBe(
      false,
    );
    expect(live.interpret([ok({ items: [pod('mi-1'), pod('mi-1'), pod('mi-1', 'Pending')] }), hybrid], LIVE).pass).toBe(
      false,
    );
  });

  test('aws-node passes only when none of its pods runs on a hybrid node', () => {
    const live = byId('vpc-cni-off-hybrid-nodes').live!;
    const hybrid = ok({ items: [node('mi-1', true)] });
    expect(live.interpret([ok({ items: [pod('ip-10-42-96-7'), pod('ip-10-42-128-9')] }), hybrid], LIVE).pass).toBe(
      true,
    );
    expect(live.interpret([ok({ items: [pod('ip-10-42-96-7'), pod('mi-1')] }), hybrid], LIVE).pass).toBe(false);
  });
});

describe('together with custom-networking (cloud pods, CoreDNS among them, on the secondary CIDR)', () => {
  let combined: SynthesizedOutput;
  beforeAll(() => {
    combined = synthesizedOutputForTest({ modules: 'custom-networking,hybrid-nodes' });
  });

  test('the hybrid node reaches secondary-CIDR pods through the Transit Gateway', () => {
    const expectation = hybridNodesExpectations(combined.config).find(
      (candidate) => candidate.id === 'hybrid-nodes/remote-to-secondary-cidr',
    )!;
    const outcome = expectation.checkOffline(combined);
    expect(outcome.actual).toBe('from 1 subnet(s): 3 hop(s), delivered-in-vpc');
    expect(outcome.pass).toBe(true);
  });

  test('that check fails on the workshop routes alone (the remote default route would take the packet to the internet)', () => {
    const expectation = hybridNodesExpectations(combined.config).find(
      (candidate) => candidate.id === 'hybrid-nodes/remote-to-secondary-cidr',
    )!;
    const workshopOnly = combined.templates.map((entry) => ({
      stackPath: entry.stackPath,
      template: {
        ...entry.template,
        Resources: Object.fromEntries(
          Object.entries(entry.template.Resources).filter(
            ([id]) => !id.startsWith('RemoteToSecondaryCidr') && !id.startsWith('TransitGatewaySecondaryCidrToLabVpc'),
          ),
        ),
      } as CfnTemplate,
    }));
    const outcome = expectation.checkOffline({ ...combined, templates: workshopOnly });
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('ends in internet-gateway');
  });

  test('is not declared without custom-networking', () => {
    expect(expectations.map((expectation) => expectation.id)).not.toContain('hybrid-nodes/remote-to-secondary-cidr');
  });
});

describe('the cloud-bursting placement estimate (from the host vCPUs and the pod request)', () => {
  const m5Large = findInstanceType('m5.large')!;

  test('an m5.large holds 9 pods of 200m: 2000m - 70m nodeadm reservation - 100m kube-proxy = 1830m', () => {
    expect(estimateBurstPlacement(m5Large, 200, 3)).toMatchObject({
      allocatableCpuMillicores: 1930,
      hybridCapacity: 9,
      allFitOnHybrid: true,
      onHybrid: 3,
      onCloud: 0,
    });
  });

  test('at 15 replicas the hybrid node is full with about 9 and the other 6 burst to EC2 nodes', () => {
    expect(estimateBurstPlacement(m5Large, 200, 15)).toMatchObject({
      allFitOnHybrid: false,
      onHybrid: 9,
      onCloud: 6,
    });
  });

  test("follows nodeadm's reservation on larger hosts (0.5% of cores 3-4, 0.25% above)", () => {
    // m5.xlarge: 60 + 10 + 10 = 80m reserved; m5.24xlarge (96 vCPUs): 80 + 0.25% of 92000m = 310m.
    expect(estimateBurstPlacement(findInstanceType('m5.xlarge')!, 200, 3).allocatableCpuMillicores).toBe(3920);
    expect(estimateBurstPlacement(findInstanceType('m5.24xlarge')!, 200, 3).allocatableCpuMillicores).toBe(95690);
  });
});

describe('cloud bursting on recorded cluster output (workshop cloud-bursting page)', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live');
  const recorded = (path: string): CommandResult => ({
    exitCode: 0,
    stdout: readFileSync(join(FIXTURES, path), 'utf8'),
    stderr: '',
  });
  /** Three default nodes, the custom-networking node and the hybrid node mi-0f1e2d3c4b5a69788 (2 vCPUs). */
  const NODES = recorded('base/nodes-all.json');
  /** The same nodes, the hybrid node with the 1930m allocatable nodeadm leaves of its 2 vCPUs. */
  const RESERVED_NODES = recorded('hybrid-nodes/nodes-hybrid-kube-reserved.json');
  const configAt = (replicas: number) =>
    readLabConfig({ modules: 'hybrid-nodes', 'hybridNodes.burstReplicas': String(replicas) }, { today: TEST_DAY });
  const liveCheck = (replicas: number, id: string) =>
    hybridNodesExpectations(configAt(replicas)).find((expectation) => expectation.id === `hybrid-nodes/${id}`)!.live!;
  const placementAt = (replicas: number, pods: string, all: string, nodes = NODES) =>
    liveCheck(replicas, 'cloud-bursting-placement').interpret(
      [recorded(`hybrid-nodes/${pods}`), nodes, recorded(`hybrid-nodes/${all}`)],
      LIVE,
    );

  test('reads the Deployment pods, the nodes and every active pod (their requests fill the hybrid node)', () => {
    expect(
      byId('cloud-bursting-placement')
        .live!.commands(LIVE)
        .map((command) => command.args.join(' ')),
    ).toEqual([
      'get pods -n default -l app=nginx -o json',
      'get nodes -o json',
      'get pods -A --field-selector=status.phase!=Succeeded,status.phase!=Failed -o json',
    ]);
  });

  test('at 3 replicas, passes with the 3 pods on the hybrid node (stage cloud-bursting: no nginx-remote beside them)', () => {
    expect(placementAt(3, 'cloud-bursting-pods-3.json', 'stage-all-pods-3.json', RESERVED_NODES)).toEqual({
      pass: true,
      // 1930m allocatable - kube-proxy 100m - 3 x 200m = 1230m: 6 more fit.
      actual: '3 pod(s): 3 on mi-0f1e2d3c4b5a69788, 0 on cloud nodes; room on the hybrid node for 6 more',
    });
  });

  test('at 15 replicas, passes with the hybrid node full (9 there, as estimated) and the other 6 on EC2 nodes', () => {
    expect(placementAt(15, 'stage-cloud-bursting-pods-15.json', 'stage-all-pods-15.json', RESERVED_NODES)).toEqual({
      pass: true,
      // 100m + 9 x 200m = 1900m of 1930m: no room for a 200m pod.
      actual: '15 pod(s): 9 on mi-0f1e2d3c4b5a69788, 6 on cloud nodes; room on the hybrid node for 0 more',
    });
  });

  test('the estimate is only "about": at 15, a hybrid node full with 6 (nginx-remote left beside them) still passes', () => {
    expect(placementAt(15, 'cloud-bursting-pods-15.json', 'all-pods-15.json')).toEqual({
      pass: true,
      // 100m + 3 x 200m (nginx-remote) + 6 x 200m = 1900m of 2000m: no room for a 200m pod.
      actual: '15 pod(s): 6 on mi-0f1e2d3c4b5a69788, 9 on cloud nodes; room on the hybrid node for 0 more',
    });
  });

  test('at 3 replicas, fails on the 15-pod recording: the count differs and pods run on EC2 nodes', () => {
    const outcome = placementAt(3, 'stage-cloud-bursting-pods-15.json', 'stage-all-pods-15.json', RESERVED_NODES);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('hybridNodes.burstReplicas is 3');
    expect(outcome.actual).toContain('6 on cloud nodes although all 3 fit on the hybrid node');
  });

  test('at 15 replicas, fails on the 3-pod recording: the count differs and nothing burst to EC2 nodes', () => {
    const outcome = placementAt(15, 'cloud-bursting-pods-3.json', 'stage-all-pods-3.json', RESERVED_NODES);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('hybridNodes.burstReplicas is 15');
    expect(outcome.actual).toContain('none on cloud nodes: expected about 6 there');
  });

  test('back at 3, fails when the pods stay on EC2 nodes (scaled down without the policy: hybrid pods went first)', () => {
    expect(placementAt(3, 'cloud-bursting-pods-after-scale-down.json', 'all-pods-after-scale-down.json')).toEqual({
      pass: false,
      actual:
        '3 pod(s): 0 on mi-0f1e2d3c4b5a69788, 3 on cloud nodes; room on the hybrid node for 6 more; ' +
        '3 on cloud nodes although all 3 fit on the hybrid node',
    });
  });

  test('fails without a Ready hybrid node', () => {
    const nodes = JSON.parse(readFileSync(join(FIXTURES, 'base/nodes-all.json'), 'utf8')) as {
      items: { metadata: { labels: Record<string, string> } }[];
    };
    nodes.items = nodes.items.filter((node) => node.metadata.labels['eks.amazonaws.com/compute-type'] !== 'hybrid');
    const outcome = liveCheck(3, 'cloud-bursting-placement').interpret(
      [
        recorded('hybrid-nodes/cloud-bursting-pods-3.json'),
        { exitCode: 0, stdout: JSON.stringify(nodes), stderr: '' },
        recorded('hybrid-nodes/all-pods-3.json'),
      ],
      LIVE,
    );
    expect(outcome).toEqual({ pass: false, actual: 'no Ready hybrid node' });
  });

  test('the exported interpreter judges against the estimate it is given', () => {
    const results = [
      recorded('hybrid-nodes/cloud-bursting-pods-3.json'),
      NODES,
      recorded('hybrid-nodes/all-pods-3.json'),
    ];
    const m5Large = findInstanceType('m5.large')!;
    expect(interpretCloudBurstingPlacement(results, estimateBurstPlacement(m5Large, 200, 3)).pass).toBe(true);
    expect(interpretCloudBurstingPlacement(results, estimateBurstPlacement(m5Large, 200, 4)).pass).toBe(false);
  });
});

describe('pod deletion cost set by Kyverno (stage cloud-bursting)', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live/hybrid-nodes');
  const recorded = (name: string): CommandResult => ({
    exitCode: 0,
    stdout: readFileSync(join(FIXTURES, name), 'utf8'),
    stderr: '',
  });
  const HYBRID = recorded('hybrid-nodes.json');
  const m5Large = findInstanceType('m5.large')!;
  const costAt = (replicas: number, pods: string, policy = 'clusterpolicy-ready.json') =>
    interpretPodDeletionCost(
      [recorded(pods), HYBRID, recorded(policy)],
      estimateBurstPlacement(m5Large, 200, replicas),
    );

  test('offline: the policy annotates pods bound to hybrid nodes and the Deployment waits for it', () => {
    expect(byId('pod-deletion-cost').checkOffline(lab)).toEqual({
      pass: true,
      actual:
        'set-pod-deletion-cost sets controller.kubernetes.io/pod-deletion-cost=1 on pods bound to hybrid nodes; ' +
        'nginx-deployment is created after it; expected annotated: all 3 (all on the hybrid node)',
    });
    const withoutPolicy = {
      ...lab,
      kubernetesObjects: lab.kubernetesObjects.filter(({ object }) => object.kind !== 'ClusterPolicy'),
    };
    expect(byId('pod-deletion-cost').checkOffline(withoutPolicy)).toEqual({
      pass: false,
      actual: 'no ClusterPolicy set-pod-deletion-cost',
    });
  });

  test('reads the pods, the hybrid nodes and the policy', () => {
    expect(
      byId('pod-deletion-cost')
        .live!.commands(LIVE)
        .map((command) => command.args.join(' ')),
    ).toEqual([
      'get pods -n default -l app=nginx -o json',
      'get nodes -l eks.amazonaws.com/compute-type=hybrid -o json',
      'get clusterpolicies.kyverno.io set-pod-deletion-cost -o json',
    ]);
  });

  test('at 3, passes when the 3 hybrid pods carry cost 1 (workshop: map[controller.kubernetes.io/pod-deletion-cost:1])', () => {
    expect(costAt(3, 'cloud-bursting-pods-3.json')).toEqual({
      pass: true,
      actual: '3/3 hybrid pod(s) with cost 1, 0/0 cloud pod(s) without',
    });
  });

  test('at 15, passes with the pods of the full hybrid node annotated and the EC2 pods <none>', () => {
    expect(costAt(15, 'stage-cloud-bursting-pods-15.json')).toEqual({
      pass: true,
      actual: '9/9 hybrid pod(s) with cost 1, 6/6 cloud pod(s) without',
    });
    expect(costAt(15, 'cloud-bursting-pods-15.json')).toEqual({
      pass: true,
      actual: '6/6 hybrid pod(s) with cost 1, 9/9 cloud pod(s) without',
    });
  });

  test('at 3, fails when pods are left on EC2 nodes (the scale-down did not remove the cost-0 pods first)', () => {
    expect(costAt(3, 'stage-cloud-bursting-pods-15.json').actual).toContain(
      '6 pod(s) on EC2 nodes although all 3 fit on the hybrid node',
    );
    expect(costAt(3, 'cloud-bursting-pods-after-scale-down.json').pass).toBe(false);
  });

  test('at 15, fails when no pod runs on an EC2 node to show the annotation is left off there', () => {
    const outcome = costAt(15, 'cloud-bursting-pods-3.json');
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('no pod on an EC2 node: expected about 6 there');
  });

  test('fails when the hybrid pods were bound before the policy, or the policy is not Ready', () => {
    const unannotated = costAt(3, 'cloud-bursting-pods-not-annotated.json');
    expect(unannotated.pass).toBe(false);
    expect(unannotated.actual).toMatch(/^0\/3 hybrid pod\(s\) with cost 1/);
    expect(costAt(3, 'cloud-bursting-pods-3.json', 'clusterpolicy-not-ready.json')).toMatchObject({
      pass: false,
      actual: expect.stringContaining('ClusterPolicy set-pod-deletion-cost is not Ready'),
    });
  });
});
