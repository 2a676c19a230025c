import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  hybridNodesExpectations,
  interpretCloudBurstingPlacement,
  interpretPodDeletionCost,
} from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-expectations';
import type { CfnTemplate } from '../../../../lib/verify/cfn-template';
import type { CommandResult, LabExpectation, LiveContext } from '../../../../lib/verify/lab-expectation';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import type { LabSynthesis } from '../../../../lib/lab-app';
import { synthesizeForTest } from '../../../support/lab-fixtures';

let lab: LabSynthesis;
let expectations: LabExpectation[];
let LIVE: LiveContext;

const byId = (id: string) => expectations.find((expectation) => expectation.id === `hybrid-nodes/${id}`)!;

/** The lab with the resources of one type removed from the module's template. */
function withoutResources(type: string): LabSynthesis {
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
  lab = synthesizeForTest({ modules: 'hybrid-nodes' });
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
  'nginx-on-hybrid-node',
  'vpc-cni-off-hybrid-nodes',
  'cloud-bursting-placement',
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

  test('nginx passes with its 3 pods Running on the hybrid node and fails when one runs on an EC2 node', () => {
    const live = byId('nginx-on-hybrid-node').live!;
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
  let combined: LabSynthesis;
  beforeAll(() => {
    combined = synthesizeForTest({ modules: 'custom-networking,hybrid-nodes' });
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

describe('cloud bursting on recorded cluster output (workshop cloud-bursting page)', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live');
  const recorded = (path: string): CommandResult => ({
    exitCode: 0,
    stdout: readFileSync(join(FIXTURES, path), 'utf8'),
    stderr: '',
  });
  /** Three default nodes, the custom-networking node and the hybrid node mi-0f1e2d3c4b5a69788 (2 vCPUs). */
  const NODES = recorded('base/nodes-all.json');
  const placement = (pods: string, all: string) =>
    interpretCloudBurstingPlacement([recorded(`hybrid-nodes/${pods}`), NODES, recorded(`hybrid-nodes/${all}`)]);

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

  test('passes with the lab replicas all on the hybrid node', () => {
    expect(placement('cloud-bursting-pods-3.json', 'all-pods-3.json')).toEqual({
      pass: true,
      // 2000m allocatable - kube-proxy 100m - 3 nginx-remote and 3 nginx-deployment pods of 200m = 700m: 3 more fit.
      actual: '3 pod(s): 3 on mi-0f1e2d3c4b5a69788, 0 on cloud nodes; room on the hybrid node for 3 more',
    });
  });

  test('passes when scaled to 15: the hybrid node is full and the rest run on EC2 nodes', () => {
    expect(placement('cloud-bursting-pods-15.json', 'all-pods-15.json')).toEqual({
      pass: true,
      // 100m + 3 x 200m + 6 x 200m = 1900m of 2000m: no room for a 200m pod.
      actual: '15 pod(s): 6 on mi-0f1e2d3c4b5a69788, 9 on cloud nodes; room on the hybrid node for 0 more',
    });
  });

  test('fails when pods stay on EC2 nodes while the hybrid node has room (scaled down without the policy)', () => {
    expect(placement('cloud-bursting-pods-after-scale-down.json', 'all-pods-after-scale-down.json')).toEqual({
      pass: false,
      actual:
        '3 pod(s): 0 on mi-0f1e2d3c4b5a69788, 3 on cloud nodes; room on the hybrid node for 6 more; ' +
        '3 on cloud nodes while the hybrid node has room for 6 more',
    });
  });

  test('fails without a Ready hybrid node', () => {
    const nodes = JSON.parse(readFileSync(join(FIXTURES, 'base/nodes-all.json'), 'utf8')) as {
      items: { metadata: { labels: Record<string, string> } }[];
    };
    nodes.items = nodes.items.filter((node) => node.metadata.labels['eks.amazonaws.com/compute-type'] !== 'hybrid');
    const outcome = interpretCloudBurstingPlacement([
      recorded('hybrid-nodes/cloud-bursting-pods-3.json'),
      { exitCode: 0, stdout: JSON.stringify(nodes), stderr: '' },
      recorded('hybrid-nodes/all-pods-3.json'),
    ]);
    expect(outcome).toEqual({ pass: false, actual: 'no Ready hybrid node' });
  });
});

describe('pod deletion cost set by Kyverno (deployed with the Ingress)', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live/hybrid-nodes');
  const recorded = (name: string): CommandResult => ({
    exitCode: 0,
    stdout: readFileSync(join(FIXTURES, name), 'utf8'),
    stderr: '',
  });
  const HYBRID = recorded('hybrid-nodes.json');
  let withKyverno: LabSynthesis;

  beforeAll(() => {
    withKyverno = synthesizeForTest({ modules: 'hybrid-nodes', exposeUi: true, inboundCidrs: '203.0.113.0/24' });
  });

  const declared = (which: LabSynthesis) =>
    hybridNodesExpectations(which.config).find((candidate) => candidate.id === 'hybrid-nodes/pod-deletion-cost');

  test('is declared only when Kyverno and its policy are deployed', () => {
    expect(declared(lab)).toBeUndefined();
    expect(declared(withKyverno)).toBeDefined();
  });

  test('offline: the policy annotates pods bound to hybrid nodes and the Deployment waits for it', () => {
    expect(declared(withKyverno)!.checkOffline(withKyverno)).toEqual({
      pass: true,
      actual:
        'set-pod-deletion-cost sets controller.kubernetes.io/pod-deletion-cost=1 on pods bound to hybrid nodes; ' +
        'nginx-deployment is created after it',
    });
    const withoutPolicy = {
      ...withKyverno,
      kubernetesObjects: withKyverno.kubernetesObjects.filter(({ object }) => object.kind !== 'ClusterPolicy'),
    };
    expect(declared(withKyverno)!.checkOffline(withoutPolicy)).toEqual({
      pass: false,
      actual: 'no ClusterPolicy set-pod-deletion-cost',
    });
  });

  test('reads the pods, the hybrid nodes and the policy', () => {
    expect(
      declared(withKyverno)!
        .live!.commands(LIVE)
        .map((command) => command.args.join(' ')),
    ).toEqual([
      'get pods -n default -l app=nginx -o json',
      'get nodes -l eks.amazonaws.com/compute-type=hybrid -o json',
      'get clusterpolicies.kyverno.io set-pod-deletion-cost -o json',
    ]);
  });

  test('passes when the 3 hybrid pods carry cost 1 (workshop: map[controller.kubernetes.io/pod-deletion-cost:1])', () => {
    expect(
      interpretPodDeletionCost([recorded('cloud-bursting-pods-3.json'), HYBRID, recorded('clusterpolicy-ready.json')]),
    ).toEqual({ pass: true, actual: '3/3 hybrid pod(s) with cost 1, 0/0 cloud pod(s) without' });
  });

  test('passes at 15 replicas: hybrid pods annotated, EC2 pods <none>', () => {
    expect(
      interpretPodDeletionCost([recorded('cloud-bursting-pods-15.json'), HYBRID, recorded('clusterpolicy-ready.json')]),
    ).toEqual({ pass: true, actual: '6/6 hybrid pod(s) with cost 1, 9/9 cloud pod(s) without' });
  });

  test('fails when the hybrid pods were bound before the policy, or the policy is not Ready', () => {
    const unannotated = interpretPodDeletionCost([
      recorded('cloud-bursting-pods-not-annotated.json'),
      HYBRID,
      recorded('clusterpolicy-ready.json'),
    ]);
    expect(unannotated.pass).toBe(false);
    expect(unannotated.actual).toMatch(/^0\/3 hybrid pod\(s\) with cost 1/);
    expect(
      interpretPodDeletionCost([
        recorded('cloud-bursting-pods-3.json'),
        HYBRID,
        recorded('clusterpolicy-not-ready.json'),
      ]),
    ).toMatchObject({
      pass: false,
      actual: expect.stringContaining('ClusterPolicy set-pod-deletion-cost is not Ready'),
    });
  });
});
