import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import {
  awsNodeOnEveryNodeExpectation,
  interpretAwsNodePerNode,
} from '../../../../lib/verify/expectations/aws-node-on-every-node';
import type { CfnResourceJson } from '../../../../lib/verify/cfn-template';
import type { CommandResult } from '../../../../lib/verify/lab-expectation';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

const FIXTURES = join(__dirname, '../../../fixtures/live/base');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

/** Three default nodes, one custom-networking node and the hybrid node (which runs no aws-node). */
const NODES = ok(read('nodes-all.json'));

let base: SynthesizedOutput;

beforeAll(() => {
  base = synthesizedOutputForTest();
});

describe('aws-node on every EC2 node, live', () => {
  test('lists every node and the aws-node pods, as workshop prefix delegation step 1', () => {
    const expectation = awsNodeOnEveryNodeExpectation('base');
    expect(expectation.live?.commands({ clusterName: 'eks-workshop', stackOutputs: {}, lab: base })).toEqual([
      { program: 'kubectl', args: ['get', 'nodes', '-o', 'json'] },
      { program: 'kubectl', args: ['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=aws-node', '-o', 'json'] },
    ]);
  });

  test('passes with one ready aws-node pod per EC2 node; the hybrid node needs none', () => {
    expect(interpretAwsNodePerNode([NODES, ok(read('aws-node-pods-running.json'))])).toEqual({
      pass: true,
      actual: '4 EC2 node(s), 4 aws-node pod(s) Running and ready (2/2 Running)',
    });
  });

  test('fails when aws-node crash-loops on a node, naming the node', () => {
    const outcome = interpretAwsNodePerNode([NODES, ok(read('aws-node-pods-crashloop.json'))]);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('ip-10-42-139-190.us-west-2.compute.internal: aws-node 1/2 Running');
  });

  test('fails when a node has no aws-node pod at all', () => {
    const pods = JSON.parse(read('aws-node-pods-running.json')) as { items: { spec: { nodeName: string } }[] };
    pods.items = pods.items.filter((pod) => pod.spec.nodeName !== 'ip-10-42-120-11.us-west-2.compute.internal');
    const outcome = interpretAwsNodePerNode([NODES, ok(JSON.stringify(pods))]);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('ip-10-42-120-11.us-west-2.compute.internal: no aws-node pod');
  });

  test('fails when kubectl cannot list the pods', () => {
    const forbidden = {
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods"',
    };
    expect(interpretAwsNodePerNode([NODES, forbidden])).toMatchObject({
      pass: false,
      actual: expect.stringMatching(/^kubectl failed: Error from server \(Forbidden\)/),
    });
  });
});

describe('aws-node on every EC2 node, offline', () => {
  test('passes: the vpc-cni add-on is created before the node group with its default placement', () => {
    expect(awsNodeOnEveryNodeExpectation('base').checkOffline(base)).toMatchObject({
      pass: true,
      actual: expect.stringMatching(/^vpc-cni add-on .* before node groups default, default placement$/),
    });
  });

  test('fails when the add-on configuration narrows where aws-node runs', () => {
    const narrowed: SynthesizedOutput = {
      ...base,
      templates: base.templates.map(({ stackPath, template }) => {
        const copy = JSON.parse(JSON.stringify(template)) as { Resources: Record<string, CfnResourceJson> };
        for (const resource of Object.values(copy.Resources)) {
          const properties = resource.Properties as Record<string, unknown> | undefined;
          if (resource.Type === 'AWS::EKS::Addon' && properties?.AddonName === 'vpc-cni') {
            const configuration = JSON.parse(String(properties.ConfigurationValues ?? '{}')) as Record<string, unknown>;
            properties.ConfigurationValues = JSON.stringify({ ...configuration, nodeSelector: { pool: 'a' } });
          }
        }
        return { stackPath, template: copy };
      }),
    };
    expect(awsNodeOnEveryNodeExpectation('base').checkOffline(narrowed)).toEqual({
      pass: false,
      actual: 'the add-on configuration sets nodeSelector',
    });
  });
});
