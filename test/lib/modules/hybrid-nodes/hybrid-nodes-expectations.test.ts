import { hybridNodesExpectations } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-expectations';
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
