import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLabConfig, readLabConfig } from '../../../../lib/lab-app';
import {
  interpretNodeGroupNodes,
  nodeGroupReadinessExpectation,
} from '../../../../lib/verify/expectations/node-group-readiness';
import type { CfnResourceJson } from '../../../../lib/verify/cfn-template';
import type { CommandResult } from '../../../../lib/verify/lab-expectation';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

const FIXTURES = join(__dirname, '../../../fixtures/live/base');
/** A recorded `kubectl ... -o json` answer, as the command printed it. */
const recorded = (name: string): CommandResult => ({
  exitCode: 0,
  stdout: readFileSync(join(FIXTURES, name), 'utf8'),
  stderr: '',
});

let base: SynthesizedOutput;

beforeAll(() => {
  base = synthesizedOutputForTest();
});

describe('node group readiness live', () => {
  const expectation = nodeGroupReadinessExpectation({ module: 'base', nodeGroup: 'default', desiredSize: 3 });

  test('lists the nodes of the group by the lab node group label', () => {
    expect(expectation.live?.commands({ clusterName: 'eks-workshop', stackOutputs: {}, lab: base })).toEqual([
      { program: 'kubectl', args: ['get', 'nodes', '-l', 'eks-networking-lab/node-group=default', '-o', 'json'] },
    ]);
  });

  test('passes when the three default nodes are Ready (workshop: 3 default nodes, all Ready)', () => {
    expect(interpretNodeGroupNodes(recorded('nodes-default-ready.json'), 'default', 3)).toEqual({
      pass: true,
      actual: '3 node(s), 3 Ready',
    });
  });

  test('fails when a node stopped reporting (Ready Unknown), naming it', () => {
    expect(interpretNodeGroupNodes(recorded('nodes-default-one-not-ready.json'), 'default', 3)).toEqual({
      pass: false,
      actual: '3 node(s), 2 Ready; not Ready: ip-10-42-139-190.us-west-2.compute.internal',
    });
  });

  test('fails when fewer nodes joined than the group wants', () => {
    expect(interpretNodeGroupNodes(recorded('nodes-default-ready.json'), 'default', 4)).toMatchObject({
      pass: false,
      actual: '3 node(s), 3 Ready',
    });
  });

  test('fails, with a note, while an update runs more nodes than desired', () => {
    const outcome = interpretNodeGroupNodes(recorded('nodes-default-ready.json'), 'default', 2);
    expect(outcome.pass).toBe(false);
    expect(outcome.notes?.join(' ')).toMatch(/node group update/);
  });

  test('fails when no node has joined or kubectl fails', () => {
    expect(interpretNodeGroupNodes({ exitCode: 0, stdout: '{"items":[]}', stderr: '' }, 'default', 3)).toEqual({
      pass: false,
      actual: 'no node of node group default has joined',
    });
    expect(
      interpretNodeGroupNodes({ exitCode: 1, stdout: '', stderr: 'error: You must be logged in' }, 'default', 3).actual,
    ).toBe('kubectl failed: error: You must be logged in');
  });
});

describe('node group readiness offline', () => {
  test('passes for the synthesized default node group: desired 3 within 3..6, labelled for the live selector', () => {
    const expectation = nodeGroupReadinessExpectation({ module: 'base', nodeGroup: 'default', desiredSize: 3 });
    expect(expectation.checkOffline(base)).toEqual({
      pass: true,
      actual: 'desired 3 (min 3, max 6); nodes labelled eks-networking-lab/node-group=default',
    });
  });

  test('fails when the synthesized desired size is not the planned one, or the label is missing', () => {
    const edit = (change: (properties: Record<string, unknown>) => void): SynthesizedOutput => ({
      ...base,
      templates: base.templates.map(({ stackPath, template }) => {
        const copy = JSON.parse(JSON.stringify(template)) as { Resources: Record<string, CfnResourceJson> };
        for (const resource of Object.values(copy.Resources))
          if (resource.Type === 'AWS::EKS::Nodegroup') change(resource.Properties as Record<string, unknown>);
        return { stackPath, template: copy };
      }),
    });
    const expectation = nodeGroupReadinessExpectation({ module: 'base', nodeGroup: 'default', desiredSize: 3 });
    const resized = edit((properties) => {
      properties.ScalingConfig = { DesiredSize: 2, MinSize: 2, MaxSize: 6 };
    });
    expect(expectation.checkOffline(resized).pass).toBe(false);
    const unlabelled = edit((properties) => {
      properties.Labels = { 'workshop-default': 'yes' };
      properties.NodegroupName = 'default';
    });
    expect(expectation.checkOffline(unlabelled).actual).toMatch(/NOT labelled eks-networking-lab\/node-group=default/);
  });

  test('is declared for every planned node group under the module that owns it, with its desired size', () => {
    const plan = planLabConfig(readLabConfig({ modules: 'custom-networking' }, { today: TEST_DAY }));
    const declared = labExpectations(plan).filter((candidate) => candidate.id.includes('/nodes-ready-'));
    // The workshop: default 3/6/3 (cluster/terraform/eks.tf), custom-networking 1/1/1 (aws eks create-nodegroup).
    expect(declared.map((candidate) => [candidate.id, candidate.module, candidate.expected])).toEqual([
      ['base/nodes-ready-default', 'base', '3 node(s), all Ready'],
      ['custom-networking/nodes-ready-custom-networking', 'custom-networking', '1 node(s), all Ready'],
    ]);
  });
});
