import { readLabConfig } from '../../../../lib/lab-app';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  customNetworkingExpectations,
  interpretCheckoutPods,
  interpretEniConfigs,
  interpretNodeGroupPodAddresses,
  interpretPodSubnets,
  interpretVpcCidrBlocks,
} from '../../../../lib/modules/custom-networking/custom-networking-expectations';
import { planLabConfig } from '../../../../lib/lab-app';
import type { CommandResult, LabExpectation, LiveContext } from '../../../../lib/verify/lab-expectation';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

let lab: SynthesizedOutput;
let base: SynthesizedOutput;
let expectations: LabExpectation[];
let context: LiveContext;

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'custom-networking' });
  base = synthesizedOutputForTest();
  // The module's own declarations plus what the base declares for its node group (max pods of every planned group).
  expectations = [
    ...customNetworkingExpectations(lab.config),
    ...labExpectations(lab.plan).filter((e) => e.id === 'custom-networking/max-pods-custom-networking'),
  ];
  context = { clusterName: 'eks-workshop', stackOutputs: {}, lab };
});

function expectation(id: string): LabExpectation {
  const found = expectations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no expectation ${id}`);
  return found;
}

describe('custom-networking expectations offline', () => {
  test('declares the checks of the workshop page plus the address analysis; the base adds max pods of its node group', () => {
    expect(customNetworkingExpectations(lab.config).map((candidate) => candidate.id)).toEqual([
      'custom-networking/vpc-cni-settings',
      'custom-networking/secondary-cidr-subnets',
      'custom-networking/pod-subnets-tagged',
      'custom-networking/eniconfig-per-az',
      'custom-networking/pod-address-sources',
      'custom-networking/checkout-pod-address',
    ]);
    expect(labExpectations(lab.plan).map((candidate) => candidate.id)).toContain(
      'custom-networking/max-pods-custom-networking',
    );
  });

  test.each([
    'custom-networking/vpc-cni-settings',
    'custom-networking/secondary-cidr-subnets',
    'custom-networking/pod-subnets-tagged',
    'custom-networking/eniconfig-per-az',
    'custom-networking/pod-address-sources',
    'custom-networking/checkout-pod-address',
    'custom-networking/max-pods-custom-networking',
  ])('passes %s on the synthesized module', (id) => {
    const outcome = expectation(id).checkOffline(lab);
    expect(outcome).toMatchObject({ pass: true });
  });

  test.each([
    'custom-networking/vpc-cni-settings',
    'custom-networking/secondary-cidr-subnets',
    'custom-networking/pod-subnets-tagged',
    'custom-networking/eniconfig-per-az',
    'custom-networking/pod-address-sources',
    'custom-networking/checkout-pod-address',
    'custom-networking/max-pods-custom-networking',
  ])('fails %s on the base lab without the module', (id) => {
    expect(expectation(id).checkOffline(base).pass).toBe(false);
  });

  test('says which subnets each node group draws pod addresses from', () => {
    const outcome = expectation('custom-networking/pod-address-sources').checkOffline(lab);
    expect(outcome.notes).toEqual(
      expect.arrayContaining([
        'custom-networking in ${Select:0:GetAZs} (node subnet 10.42.96.0/19): pods use 100.64.0.0/19 through ENIConfig ${Select:0:GetAZs}',
        'custom-networking in ${Select:2:GetAZs} (node subnet 10.42.160.0/19): pods use 100.64.64.0/19 through ENIConfig ${Select:2:GetAZs}',
        // The setting is DaemonSet-wide and ENIConfigs are picked by zone: default nodes use the pod subnets too.
        'default in ${Select:1:GetAZs} (node subnet 10.42.128.0/19): pods use 100.64.32.0/19 through ENIConfig ${Select:1:GetAZs}',
      ]),
    );
  });

  test('says checkout can only land on node group custom-networking', () => {
    expect(expectation('custom-networking/checkout-pod-address').checkOffline(lab).actual).toBe(
      'schedulable on custom-networking',
    );
  });

  test('expects max pods 12 for the t3.medium node group, and 110 when prefix delegation is on too', () => {
    expect(expectation('custom-networking/max-pods-custom-networking').expected).toBe('12');
    const both = labExpectations(
      planLabConfig(readLabConfig({ modules: 'custom-networking,prefix-delegation' }, { today: TEST_DAY })),
    );
    expect(both.find((candidate) => candidate.id === 'custom-networking/max-pods-custom-networking')?.expected).toBe(
      '110',
    );
  });
});

describe('custom-networking expectations live', () => {
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const eniConfigs = (names: string[]) =>
    ok(
      JSON.stringify({
        items: names.map((name) => ({
          metadata: { name },
          spec: { subnet: `subnet-${name}`, securityGroups: ['sg-1'] },
        })),
      }),
    );
  const nodes = (names: string[]) =>
    ok(
      JSON.stringify({
        items: names.map((zone, index) => ({
          metadata: { name: `n${index}`, labels: { 'topology.kubernetes.io/zone': zone } },
        })),
      }),
    );

  test('runs kubectl for ENIConfigs and nodes', () => {
    expect(expectation('custom-networking/eniconfig-per-az').live?.commands(context)).toEqual([
      { program: 'kubectl', args: ['get', 'eniconfigs.crd.k8s.amazonaws.com', '-o', 'json'] },
      { program: 'kubectl', args: ['get', 'nodes', '-o', 'json'] },
    ]);
  });

  test('passes with one ENIConfig per zone covering every node zone', () => {
    expect(interpretEniConfigs([eniConfigs(zones), nodes(['eu-west-1a', 'eu-west-1c'])]).pass).toBe(true);
  });

  test('fails when a node zone has no ENIConfig', () => {
    const outcome = interpretEniConfigs([
      eniConfigs(['eu-west-1a', 'eu-west-1b', 'eu-west-1x']),
      nodes(['eu-west-1c']),
    ]);
    expect(outcome).toMatchObject({
      pass: false,
      actual: expect.stringContaining('nodes in eu-west-1c have no ENIConfig'),
    });
  });

  test('fails when kubectl fails', () => {
    expect(interpretEniConfigs([{ exitCode: 1, stdout: '', stderr: 'no such resource' }, nodes([])])).toMatchObject({
      pass: false,
    });
  });

  test('selects checkout pods by the retail app selector', () => {
    const [command] = expectation('custom-networking/checkout-pod-address').live!.commands(context);
    expect(command.args).toEqual([
      'get',
      'pods',
      '-n',
      'checkout',
      '-l',
      'app.kubernetes.io/name=checkout,app.kubernetes.io/instance=checkout,app.kubernetes.io/component=service',
      '-o',
      'json',
    ]);
  });

  const pods = (podIP: string, hostIP = '10.42.100.7') =>
    ok(JSON.stringify({ items: [{ metadata: { name: 'checkout-1' }, status: { phase: 'Running', podIP, hostIP } }] }));

  test('passes when the checkout pod has a 100.64 address on a 10.42 node', () => {
    expect(interpretCheckoutPods([pods('100.64.10.16')], '100.64.0.0/16').pass).toBe(true);
  });

  test('fails when the checkout pod has a primary-CIDR address', () => {
    expect(interpretCheckoutPods([pods('10.42.101.3')], '100.64.0.0/16')).toMatchObject({
      pass: false,
      actual: 'checkout-1: pod 10.42.101.3, node 10.42.100.7',
    });
  });

  test('fails when no checkout pod runs', () => {
    expect(interpretCheckoutPods([ok('{"items":[]}')], '100.64.0.0/16')).toMatchObject({
      pass: false,
      actual: 'no running checkout pod',
    });
  });

  test('finds the VPC by the workshop tags and passes once the secondary CIDR is associated', () => {
    const [command] = expectation('custom-networking/secondary-cidr-subnets').live!.commands(context);
    expect(command.args).toEqual(
      expect.arrayContaining(['Name=tag:created-by,Values=eks-workshop-v2', 'Name=tag:env,Values=eks-workshop']),
    );
    const associations = (state: string) =>
      ok(
        JSON.stringify([
          { CidrBlock: '10.42.0.0/16', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '100.64.0.0/16', CidrBlockState: { State: state } },
        ]),
      );
    expect(interpretVpcCidrBlocks([associations('associated')], '100.64.0.0/16').pass).toBe(true);
    expect(interpretVpcCidrBlocks([associations('associating')], '100.64.0.0/16').pass).toBe(false);
  });
});

describe('custom-networking live checks on recorded cluster output', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live/custom-networking');
  const recorded = (name: string): CommandResult => ok(readFileSync(join(FIXTURES, name), 'utf8'));

  test('looks the pod subnets up by both lab tags, like workshop step 2', () => {
    expect(expectation('custom-networking/pod-subnets-tagged').live!.commands(context)).toEqual([
      {
        program: 'aws',
        args: [
          'ec2',
          'describe-subnets',
          '--filters',
          'Name=tag:created-by,Values=eks-workshop-v2',
          'Name=tag:env,Values=eks-workshop',
          '--output',
          'json',
        ],
      },
    ]);
  });

  test('passes when the nine lab subnets include the three /19 pod subnets of 100.64.0.0/16, one per zone', () => {
    const outcome = interpretPodSubnets(recorded('describe-subnets.json'), lab.config);
    expect(outcome.pass).toBe(true);
    expect(outcome.actual).toBe(
      '9 subnets carry the lab tags; pod subnets: ' +
        '100.64.0.0/19 us-west-2a subnet-0c330d4e5f6a7b8c9, ' +
        '100.64.32.0/19 us-west-2b subnet-0c331d4e5f6a7b8c9, ' +
        '100.64.64.0/19 us-west-2c subnet-0c332d4e5f6a7b8c9',
    );
  });

  test('fails when a pod subnet is missing', () => {
    const outcome = interpretPodSubnets(recorded('describe-subnets-pod-subnet-missing.json'), lab.config);
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toMatch(/expected 100\.64\.0\.0\/19, 100\.64\.32\.0\/19, 100\.64\.64\.0\/19$/);
  });

  test('reads the node group nodes and every running pod for the address check', () => {
    expect(expectation('custom-networking/pod-address-sources').live!.commands(context)).toEqual([
      {
        program: 'kubectl',
        args: ['get', 'nodes', '-l', 'eks-networking-lab/node-group=custom-networking', '-o', 'json'],
      },
      { program: 'kubectl', args: ['get', 'pods', '-A', '--field-selector=status.phase=Running', '-o', 'json'] },
    ]);
  });

  test('passes when the pods of the custom-networking node use 100.64 addresses (host-network pods excepted)', () => {
    const outcome = interpretNodeGroupPodAddresses(
      [recorded('nodes-custom-networking.json'), recorded('running-pods.json')],
      'custom-networking',
      '100.64.0.0/16',
    );
    expect(outcome).toEqual({
      pass: true,
      actual:
        '2 pod(s) on ip-10-42-120-11.us-west-2.compute.internal, all in 100.64.0.0/16: ' +
        'checkout/checkout-6d4f8b9c7-x2lqp 100.64.5.77, kube-system/ebs-csi-node-4jz8k 100.64.21.203',
    });
  });

  test('fails when the node took pod addresses from its own subnet (it joined before its ENIConfig existed)', () => {
    const outcome = interpretNodeGroupPodAddresses(
      [recorded('nodes-custom-networking.json'), recorded('running-pods-primary-cidr.json')],
      'custom-networking',
      '100.64.0.0/16',
    );
    expect(outcome).toEqual({
      pass: false,
      actual:
        'outside 100.64.0.0/16: checkout/checkout-6d4f8b9c7-x2lqp 10.42.121.9, kube-system/ebs-csi-node-4jz8k 10.42.118.66',
    });
  });

  test('fails when the node group has no node', () => {
    expect(
      interpretNodeGroupPodAddresses(
        [ok('{"items":[]}'), recorded('running-pods.json')],
        'custom-networking',
        '100.64.0.0/16',
      ),
    ).toEqual({ pass: false, actual: 'no node of node group custom-networking' });
  });
});
