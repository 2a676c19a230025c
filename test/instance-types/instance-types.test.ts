import {
  KNOWN_INSTANCE_TYPES,
  UnknownInstanceTypeError,
  findInstanceType,
  isKnownInstanceType,
  lookupInstanceType,
  suggestInstanceType,
  supportsPrefixDelegation,
  supportsSecurityGroupsForPods,
} from '../../lib/instance-types/instance-types';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Expected figures are written from the sources, not from the table: ENIs and IPv4 per ENI from the EC2 "maximum IP
// addresses per network interface" data (awslabs/amazon-eks-ami nodeadm instance-info.jsonl), vCPUs from
// https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html and co.html.
describe('instance type table', () => {
  test('looks up m5.large with its EC2 facts', () => {
    expect(lookupInstanceType('m5.large')).toEqual({
      name: 'm5.large',
      vcpus: 2,
      architecture: 'x86_64',
      maxEnis: 3,
      ipv4PerEni: 10,
      hypervisor: 'nitro',
      bareMetal: false,
      trunkEni: true,
      branchEnis: 9,
      burstable: false,
    });
  });

  test.each([
    // name, vCPUs, architecture, ENIs, IPv4 per ENI, burstable
    ['t3.medium', 2, 'x86_64', 3, 6, true],
    ['t4g.medium', 2, 'arm64', 3, 6, true],
    ['c5.large', 2, 'x86_64', 3, 10, false],
    ['m6g.large', 2, 'arm64', 3, 10, false],
    ['m5.24xlarge', 96, 'x86_64', 15, 50, false],
    ['m7i.48xlarge', 192, 'x86_64', 15, 50, false],
    ['c5.9xlarge', 36, 'x86_64', 8, 30, false],
    ['r5.16xlarge', 64, 'x86_64', 15, 50, false],
  ] as const)(
    'looks up %s: %i vCPUs, %s, %i ENIs x %i IPv4, burstable %s',
    (name, vcpus, architecture, enis, ips, burstable) => {
      const found = lookupInstanceType(name);
      expect(found).toMatchObject({ name, vcpus, architecture, maxEnis: enis, ipv4PerEni: ips, burstable });
    },
  );

  test('knows the types the labs and issues name, and the large and metal sizes of every family', () => {
    const required = [
      'm5.large',
      'm5.24xlarge',
      'm5.metal',
      'c5.large',
      'c5.24xlarge',
      'c5.metal',
      't3.medium',
      't3.2xlarge',
      't4g.medium',
      't4g.2xlarge',
      'm6g.large',
      'm6g.metal',
      'm6i.24xlarge',
      'm6i.metal',
      'm7i.24xlarge',
      'm7i.metal-48xl',
      'c6i.24xlarge',
      'c6i.metal',
      'r5.24xlarge',
      'r5.metal',
      'm7g.16xlarge',
      'm7g.metal',
    ];
    expect(required.filter((name) => !isKnownInstanceType(name))).toEqual([]);
  });

  test('lists every known type once, in a frozen list', () => {
    expect(new Set(KNOWN_INSTANCE_TYPES).size).toBe(KNOWN_INSTANCE_TYPES.length);
    expect(Object.isFrozen(KNOWN_INSTANCE_TYPES)).toBe(true);
    expect(KNOWN_INSTANCE_TYPES).toContain('t3.medium');
  });

  test('returns rows that cannot be modified', () => {
    expect(Object.isFrozen(lookupInstanceType('t3.medium'))).toBe(true);
  });

  test('fails when the instance type is unknown, suggesting the closest known type', () => {
    expect(() => lookupInstanceType('m5.lrge')).toThrow(UnknownInstanceTypeError);
    expect(() => lookupInstanceType('m5.lrge')).toThrow(/Unknown instance type "m5\.lrge".*Did you mean "m5\.large"\?/);
    const error = thrownBy(() => lookupInstanceType('t3.medum'));
    expect(error).toBeInstanceOf(UnknownInstanceTypeError);
    expect(error).toMatchObject({ suggestion: 't3.medium', instanceType: 't3.medum' });
  });

  test('fails without a suggestion when nothing is close', () => {
    expect(() => lookupInstanceType('z9.enormous')).toThrow(/Unknown instance type "z9\.enormous"/);
    expect(() => lookupInstanceType('z9.enormous')).not.toThrow(/Did you mean/);
    expect(suggestInstanceType('z9.enormous')).toBeUndefined();
  });

  test('allows exact names only, but suggests the lower-case spelling', () => {
    expect(findInstanceType('M5.large')).toBeUndefined();
    expect(suggestInstanceType('M5.large')).toBe('m5.large');
    expect(findInstanceType('m5.large')?.name).toBe('m5.large');
  });

  test('fails when an EC2 type exists but is outside the table', () => {
    expect(findInstanceType('c7g.large')).toBeUndefined();
    expect(isKnownInstanceType('m5a.large')).toBe(false);
  });
});

describe('capabilities derived from the facts', () => {
  test.each([
    ['m5.large', true],
    ['t3.medium', true],
    ['m6g.medium', true],
    // Bare metal: EC2 reports no hypervisor, but the VPC CNI assigns prefixes there.
    ['m5.metal', true],
    ['m7i.metal-24xl', true],
    ['m4.large', false],
    ['t2.medium', false],
  ] as const)('computes prefix delegation support for %s: %s', (name, expected) => {
    expect(supportsPrefixDelegation(lookupInstanceType(name))).toBe(expected);
  });

  // EKS security groups for pods: "most Nitro-based instance families ... t family instances are not supported"
  // https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html
  test.each([
    ['m5.large', true],
    ['c6i.large', true],
    ['t3.medium', false],
    ['t4g.medium', false],
    ['m4.large', false],
  ] as const)('computes security-groups-for-pods support for %s: %s', (name, expected) => {
    expect(supportsSecurityGroupsForPods(lookupInstanceType(name))).toBe(expected);
  });
});

describe('every row of the table', () => {
  test.each(KNOWN_INSTANCE_TYPES.map((name) => [name]))('holds consistent facts for %s', (name) => {
    const row = lookupInstanceType(name);
    const family = name.split('.')[0];
    expect(row.vcpus).toBeGreaterThan(0);
    expect(row.maxEnis).toBeGreaterThanOrEqual(2);
    expect(row.ipv4PerEni).toBeGreaterThanOrEqual(2);
    // Branch interfaces exist exactly when the instance can trunk.
    expect(row.branchEnis > 0).toBe(row.trunkEni);
    // Graviton families end in "g"; the T family is the burstable one; only *.metal rows are bare metal.
    expect(row.architecture).toBe(/\dg$/.test(family) ? 'arm64' : 'x86_64');
    expect(row.burstable).toBe(family.startsWith('t'));
    expect(row.bareMetal).toBe(name.split('.')[1].startsWith('metal'));
    // Bare metal families are Nitro families; prefix support relies on recording them so.
    expect(row.bareMetal && row.hypervisor !== 'nitro').toBe(false);
  });
});
