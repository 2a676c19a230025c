import {
  cidrWithin,
  describePodAddressSources,
  nodeGroupPodsUse,
  nodeGroupsForPod,
  podAddressSources,
  type PodAddressingFacts,
} from '../../../lib/verify/pod-address-sources';

const subnets = [
  { id: 'node-a', cidr: '10.42.96.0/19', availabilityZone: 'az-a' },
  { id: 'node-b', cidr: '10.42.128.0/19', availabilityZone: 'az-b' },
  { id: 'pods-a', cidr: '100.64.0.0/19', availabilityZone: 'az-a' },
  { id: 'pods-b', cidr: '100.64.32.0/19', availabilityZone: 'az-b' },
];
const nodeGroup = {
  name: 'workers',
  eksName: 'workers-1',
  subnetIds: ['node-a', 'node-b'],
  labels: {},
  taints: [],
  instanceTypes: ['m5.large'],
};
const eniConfigs = [
  { name: 'az-a', subnetId: 'pods-a', securityGroups: ['sg'] },
  { name: 'az-b', subnetId: 'pods-b', securityGroups: ['sg'] },
];
const facts = (overrides: Partial<PodAddressingFacts>): PodAddressingFacts => ({
  customNetworking: true,
  eniConfigLabel: 'topology.kubernetes.io/zone',
  subnets,
  nodeGroups: [nodeGroup],
  eniConfigs,
  secondaryCidrs: ['100.64.0.0/16'],
  ...overrides,
});

describe('podAddressSources', () => {
  test('uses the node subnets without custom networking', () => {
    const sources = podAddressSources(facts({ customNetworking: false }));
    expect(sources.map((source) => [source.mode, source.podSubnet?.cidr])).toEqual([
      ['node-subnet', '10.42.96.0/19'],
      ['node-subnet', '10.42.128.0/19'],
    ]);
    expect(nodeGroupPodsUse(sources, 'workers', '100.64.0.0/16')).toBe(false);
  });

  test('uses the ENIConfig named after the zone with ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone', () => {
    const sources = podAddressSources(facts({}));
    expect(
      sources.map((source) => [source.availabilityZone, source.eniConfig, source.podSubnet?.cidr, source.problem]),
    ).toEqual([
      ['az-a', 'az-a', '100.64.0.0/19', undefined],
      ['az-b', 'az-b', '100.64.32.0/19', undefined],
    ]);
    expect(nodeGroupPodsUse(sources, 'workers', '100.64.0.0/16')).toBe(true);
  });

  test('reports nodes whose zone has no ENIConfig (ipamd cannot attach pod ENIs)', () => {
    const sources = podAddressSources(facts({ eniConfigs: [eniConfigs[0]] }));
    expect(sources[1]).toMatchObject({ mode: 'eniconfig', problem: 'no ENIConfig named az-b' });
    expect(nodeGroupPodsUse(sources, 'workers', '100.64.0.0/16')).toBe(false);
  });

  test('reports an ENIConfig whose subnet is in another zone', () => {
    const sources = podAddressSources(
      facts({ eniConfigs: [eniConfigs[0], { name: 'az-b', subnetId: 'pods-a', securityGroups: [] }] }),
    );
    expect(sources[1].problem).toBe("ENIConfig az-b names a subnet in az-a, not the node's az-b");
  });

  test('reports an ENIConfig naming a subnet the lab does not create', () => {
    const sources = podAddressSources(
      facts({ eniConfigs: [{ name: 'az-a', subnetId: 'subnet-elsewhere', securityGroups: [] }] }),
    );
    expect(sources[0].problem).toBe('ENIConfig az-a names subnet subnet-elsewhere, which the lab does not create');
  });

  test('with the default label key, selects the ENIConfig named by the node label, else "default"', () => {
    const labelled = { ...nodeGroup, name: 'labelled', labels: { 'k8s.amazonaws.com/eniConfig': 'az-b' } };
    const sources = podAddressSources(
      facts({ eniConfigLabel: 'k8s.amazonaws.com/eniConfig', nodeGroups: [nodeGroup, labelled], eniConfigs }),
    );
    expect(sources.filter((source) => source.nodeGroup === 'workers').map((source) => source.problem)).toEqual([
      'no ENIConfig named default',
      'no ENIConfig named default',
    ]);
    expect(
      sources.filter((source) => source.nodeGroup === 'labelled').map((source) => [source.eniConfig, source.problem]),
    ).toEqual([
      ['az-b', "ENIConfig az-b names a subnet in az-b, not the node's az-a"],
      ['az-b', undefined],
    ]);
  });

  test('describes every node group and zone in one line', () => {
    expect(describePodAddressSources(podAddressSources(facts({})))).toEqual([
      'workers in az-a (node subnet 10.42.96.0/19): pods use 100.64.0.0/19 through ENIConfig az-a',
      'workers in az-b (node subnet 10.42.128.0/19): pods use 100.64.32.0/19 through ENIConfig az-b',
    ]);
  });
});

describe('nodeGroupsForPod', () => {
  const tainted = {
    ...nodeGroup,
    name: 'tainted',
    eksName: 'tainted-1',
    taints: [{ key: 'dedicated', value: 'x', effect: 'NO_SCHEDULE' }],
  };
  const pinned = { ...nodeGroup, name: 'pinned', eksName: 'pinned-1', labels: { type: 'special' } };

  test('matches the nodeSelector against labels and the eks.amazonaws.com/nodegroup label', () => {
    expect(nodeGroupsForPod([nodeGroup, pinned], { 'eks.amazonaws.com/nodegroup': 'pinned-1' })).toEqual(['pinned']);
    expect(nodeGroupsForPod([nodeGroup, pinned], { type: 'special' })).toEqual(['pinned']);
    expect(nodeGroupsForPod([nodeGroup, pinned], {})).toEqual(['workers', 'pinned']);
  });

  test('keeps pods off NoSchedule taints they do not tolerate', () => {
    expect(nodeGroupsForPod([nodeGroup, tainted], {})).toEqual(['workers']);
    expect(
      nodeGroupsForPod([tainted], {}, [{ key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoSchedule' }]),
    ).toEqual(['tainted']);
    expect(nodeGroupsForPod([tainted], {}, [{ operator: 'Exists' }])).toEqual(['tainted']);
  });
});

describe('cidrWithin', () => {
  test('compares literal CIDRs and refuses tokens', () => {
    expect(cidrWithin('100.64.32.0/19', '100.64.0.0/16')).toBe(true);
    expect(cidrWithin('10.42.0.0/19', '100.64.0.0/16')).toBe(false);
    expect(cidrWithin('${Ref:Subnet}', '100.64.0.0/16')).toBe(false);
  });
});
