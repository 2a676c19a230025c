import { readLabConfig } from '../../../../lib/lab-app';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  interpretAvailableReplicas,
  interpretInstancePrefixes,
  interpretPrefixesPerNode,
  interpretVpcCniImage,
  prefixDelegationExpectations,
} from '../../../../lib/modules/prefix-delegation/prefix-delegation-expectations';
import type { CommandResult, LabExpectation } from '../../../../lib/verify/lab-expectation';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

let lab: SynthesizedOutput;
let base: SynthesizedOutput;
let expectations: LabExpectation[];

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'custom-networking,prefix-delegation' });
  base = synthesizedOutputForTest();
  expectations = prefixDelegationExpectations(lab.config);
});

/** The module's declarations, then the whole lab's (max pods of every node group is declared by the base). */
const find = (id: string) =>
  expectations.find((candidate) => candidate.id === id) ??
  labExpectations(lab.plan).find((candidate) => candidate.id === id)!;

describe('prefix-delegation expectations offline', () => {
  test('declares the CNI settings, version, Nitro prefixes and the pause pods', () => {
    expect(expectations.map((expectation) => [expectation.id, expectation.expected])).toEqual([
      ['prefix-delegation/vpc-cni-settings', 'ENABLE_PREFIX_DELEGATION=true, WARM_PREFIX_TARGET=1'],
      ['prefix-delegation/vpc-cni-version', 'v1.9.0 or later'],
      ['prefix-delegation/nitro-prefixes', 'Nitro-based, every instance with /28 prefixes on its ENIs'],
      ['prefix-delegation/prefixes-per-node', 'at least one /28 prefix per node (the count per node is reported)'],
      ['prefix-delegation/pause-pods', '150/150 available'],
    ]);
  });

  test('passes every offline check on the synthesized modules', () => {
    for (const expectation of expectations)
      expect([expectation.id, expectation.checkOffline(lab).pass]).toEqual([expectation.id, true]);
  });

  test('fails the CNI, max pods, prefixes per node and pause pod checks on the base lab', () => {
    for (const id of [
      'prefix-delegation/vpc-cni-settings',
      'base/max-pods-default',
      'prefix-delegation/prefixes-per-node',
      'prefix-delegation/pause-pods',
    ]) {
      expect([id, find(id).checkOffline(base).pass]).toEqual([id, false]);
    }
  });

  test('fails the Nitro check for a Xen node group', () => {
    const xen = synthesizedOutputForTest({ nodeInstanceType: 'm4.large' });
    expect(find('prefix-delegation/nitro-prefixes').checkOffline(xen)).toEqual({
      pass: false,
      actual: 'default: m4.large (not Nitro: default)',
    });
  });

  test('every node group is checked once for the prefix-mode max pods (declared by the base from the plan)', () => {
    const all = labExpectations(lab.plan).filter((expectation) => expectation.id.includes('/max-pods-'));
    expect(all.map((expectation) => [expectation.id, expectation.expected])).toEqual([
      ['base/max-pods-default', '110'],
      ['custom-networking/max-pods-custom-networking', '110'],
    ]);
  });

  test('declares no pause pod check for pausePods=0', () => {
    const none = prefixDelegationExpectations(
      readLabConfig({ modules: 'prefix-delegation', 'prefixDelegation.pausePods': 0 }, { today: TEST_DAY }),
    );
    expect(none.map((expectation) => expectation.id)).not.toContain('prefix-delegation/pause-pods');
  });
});

describe('prefix-delegation expectations live', () => {
  test('lists the running cluster instances with their IPv4 prefixes', () => {
    const [command] = find('prefix-delegation/nitro-prefixes').live!.commands({
      clusterName: 'eks-workshop',
      stackOutputs: {},
      lab,
    });
    expect(command).toEqual({
      program: 'aws',
      args: [
        'ec2',
        'describe-instances',
        '--filters',
        'Name=tag:eks:cluster-name,Values=eks-workshop',
        'Name=instance-state-name,Values=running',
        '--query',
        'Reservations[].Instances[].{id: InstanceId, prefixes: NetworkInterfaces[].Ipv4Prefixes[].Ipv4Prefix}',
        '--output',
        'json',
      ],
    });
  });

  test('passes when every instance has /28 prefixes, fails when one has none', () => {
    expect(interpretInstancePrefixes(ok('[{"id":"i-1","prefixes":["10.42.100.16/28","10.42.100.32/28"]}]')).pass).toBe(
      true,
    );
    expect(
      interpretInstancePrefixes(ok('[{"id":"i-1","prefixes":["10.42.100.16/28"]},{"id":"i-2","prefixes":[]}]')),
    ).toEqual({
      pass: false,
      actual: 'i-1: 10.42.100.16/28; i-2: no prefixes',
    });
  });

  test('reads the VPC CNI version from the aws-node image tag', () => {
    const daemonSet = (image: string) =>
      ok(JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'aws-node', image }] } } } }));
    expect(
      interpretVpcCniImage(daemonSet('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1'))
        .pass,
    ).toBe(true);
    expect(
      interpretVpcCniImage(daemonSet('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.8.0')).pass,
    ).toBe(false);
  });

  test('compares the available pause replicas with the setting', () => {
    expect(interpretAvailableReplicas(ok("'150'"), 150)).toEqual({ pass: true, actual: '150/150 available' });
    expect(interpretAvailableReplicas(ok(''), 150)).toEqual({ pass: false, actual: '0/150 available' });
  });
});

describe('prefixes per node on recorded cluster output (workshop steps 4 and 7)', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live');
  const recorded = (path: string): CommandResult => ok(readFileSync(join(FIXTURES, path), 'utf8'));
  /** Three default nodes (m5.large), the custom-networking node (t3.medium) and the hybrid node. */
  const NODES = recorded('base/nodes-all.json');

  test('runs the workshop describe-instances query and lists the nodes', () => {
    const commands = find('prefix-delegation/prefixes-per-node').live!.commands({
      clusterName: 'eks-workshop',
      stackOutputs: {},
      lab,
    });
    expect(commands.map((command) => [command.program, ...command.args].join(' '))).toEqual([
      'kubectl get nodes -o json',
      'aws ec2 describe-instances --filters Name=tag:eks:cluster-name,Values=eks-workshop ' +
        'Name=instance-state-name,Values=running --query ' +
        'Reservations[*].Instances[].{InstanceId: InstanceId, Prefixes: NetworkInterfaces[].Ipv4Prefixes[]} --output json',
    ]);
  });

  test('counts the /28 prefixes of each EC2 node and passes with at least one each (the hybrid node has none)', () => {
    const outcome = interpretPrefixesPerNode([NODES, recorded('prefix-delegation/describe-instances-prefixes.json')]);
    expect(outcome).toEqual({
      pass: true,
      actual:
        '7 /28 prefix(es) on 4 EC2 node(s): ' +
        'ip-10-42-104-27.us-west-2.compute.internal: 2 prefix(es), 32 addresses; ' +
        'ip-10-42-139-190.us-west-2.compute.internal: 2 prefix(es), 32 addresses; ' +
        'ip-10-42-171-52.us-west-2.compute.internal: 2 prefix(es), 32 addresses; ' +
        'ip-10-42-120-11.us-west-2.compute.internal: 1 prefix(es), 16 addresses',
    });
  });

  test('reports the larger counts after the pause pods are scheduled', () => {
    const outcome = interpretPrefixesPerNode([
      NODES,
      recorded('prefix-delegation/describe-instances-prefixes-after-pause-pods.json'),
    ]);
    expect(outcome.pass).toBe(true);
    expect(outcome.actual).toMatch(
      /^14 \/28 prefix\(es\) on 4 EC2 node\(s\): ip-10-42-104-27\S+: 5 prefix\(es\), 80 addresses/,
    );
  });

  test('fails when a node has no prefix (it started before prefix delegation was on)', () => {
    const outcome = interpretPrefixesPerNode([
      NODES,
      recorded('prefix-delegation/describe-instances-one-without-prefixes.json'),
    ]);
    expect(outcome.pass).toBe(false);
    expect(outcome.notes).toEqual(['ip-10-42-139-190.us-west-2.compute.internal: no prefixes']);
  });

  test('fails when a node has no running instance tagged with the cluster name', () => {
    const instances = JSON.parse(
      readFileSync(join(FIXTURES, 'prefix-delegation/describe-instances-prefixes.json'), 'utf8'),
    ) as { InstanceId: string }[];
    const outcome = interpretPrefixesPerNode([
      NODES,
      ok(JSON.stringify(instances.filter((instance) => instance.InstanceId !== 'i-0a1b2c3d4e5f60004'))),
    ]);
    expect(outcome.pass).toBe(false);
    expect(outcome.notes).toEqual([
      'ip-10-42-120-11.us-west-2.compute.internal: instance i-0a1b2c3d4e5f60004 not found',
    ]);
  });
});
