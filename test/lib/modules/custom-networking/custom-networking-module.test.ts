import { readLabConfig } from '../../../../lib/lab-app';
import { CUSTOM_NETWORKING_MODULE } from '../../../../lib/modules/custom-networking/custom-networking-module';
import { planLabConfig } from '../../../../lib/lab-app';
import { TEST_DAY } from '../../../support/lab-fixtures';

const read = (context: Record<string, unknown>) => readLabConfig(context, { today: TEST_DAY });

describe('custom-networking module definition', () => {
  test('contributes AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true and ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone', () => {
    const config = read({ modules: 'custom-networking' });
    expect(CUSTOM_NETWORKING_MODULE.vpcCniConfiguration?.(config) ?? {}).toEqual({
      env: { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone' },
    });
  });

  test('declares node group custom-networking: t3.medium by default, 1/1/1, type=customnetworking, pods on ENIConfig subnets', () => {
    const config = read({ modules: 'custom-networking' });
    expect(CUSTOM_NETWORKING_MODULE.nodeGroups?.(config) ?? []).toEqual([
      expect.objectContaining({
        name: 'custom-networking',
        instanceType: expect.objectContaining({ name: 't3.medium' }),
        instanceTypeKey: 'customNetworking.instanceType',
        minSize: 1,
        desiredSize: 1,
        maxSize: 1,
        labels: { type: 'customnetworking' },
        taints: [],
        podAddressSource: 'eniconfig-subnets',
      }),
    ]);
  });

  test('plans max pods 12 for t3.medium (custom networking alone) and 110 with prefix delegation too', () => {
    const alone = planLabConfig(read({ modules: 'custom-networking' }));
    const both = planLabConfig(read({ modules: 'custom-networking,prefix-delegation' }));
    expect(alone.nodeGroups.find((group) => group.name === 'custom-networking')?.maxPods).toBe(12);
    expect(both.nodeGroups.find((group) => group.name === 'custom-networking')?.maxPods).toBe(110);
  });

  test('uses the instance type from customNetworking.instanceType', () => {
    const config = read({ modules: 'custom-networking', 'customNetworking.instanceType': 'm5.large' });
    expect(planLabConfig(config).nodeGroups.find((group) => group.name === 'custom-networking')?.maxPods).toBe(20);
  });
});

describe('custom-networking bad input', () => {
  test('fails when customNetworking.instanceType is unknown to the instance table, suggesting a close match', () => {
    expect(() => read({ modules: 'custom-networking', 'customNetworking.instanceType': 't3.mediun' })).toThrow(
      /Invalid context 'customNetworking\.instanceType': received "t3\.mediun"; allowed: an instance type of the lab's instance table.*Did you mean "t3\.medium"\?/,
    );
  });

  test('fails when the instance type leaves no room for DaemonSets and checkout with custom networking (t3.micro: 3)', () => {
    expect(() => read({ modules: 'custom-networking', 'customNetworking.instanceType': 't3.micro' })).toThrow(
      /Invalid context 'customNetworking\.instanceType': received "t3\.micro"; allowed: an instance type whose custom-networking max pods is at least 4 .*gets 3/,
    );
  });

  test('allows m6g.medium (5 pods with custom networking)', () => {
    expect(
      read({ modules: 'custom-networking', 'customNetworking.instanceType': 'm6g.medium' }).customNetworking
        .instanceType.name,
    ).toBe('m6g.medium');
  });

  test('allows t3.micro when prefix delegation is on too (18 pods)', () => {
    const config = read({
      modules: 'custom-networking,prefix-delegation',
      'customNetworking.instanceType': 't3.micro',
    });
    expect(planLabConfig(config).nodeGroups.find((group) => group.name === 'custom-networking')?.maxPods).toBe(18);
  });

  test('fails when prefix delegation is on and the /24 secondary CIDR leaves /27 pod subnets without an assignable /28', () => {
    expect(() => read({ modules: 'custom-networking,prefix-delegation', secondaryCidr: '100.64.0.0/24' })).toThrow(
      /Invalid context 'secondaryCidr': received "100\.64\.0\.0\/24"; allowed: a secondary CIDR of \/23 or larger while prefix-delegation is enabled too\. Its pod subnets are \/27s/,
    );
  });

  test('allows a /23 secondary CIDR with prefix delegation (/26 pod subnets hold two assignable /28s)', () => {
    expect(
      read({ modules: 'custom-networking,prefix-delegation', secondaryCidr: '100.64.0.0/23' }).secondaryCidr.text,
    ).toBe('100.64.0.0/23');
  });

  test('allows a /24 secondary CIDR without prefix delegation', () => {
    expect(read({ modules: 'custom-networking', secondaryCidr: '100.64.0.0/24' }).secondaryCidr.text).toBe(
      '100.64.0.0/24',
    );
  });
});
