import { readLabConfig } from '../../../lib/lab-app';
import { LabConfigError } from '../../../lib/config/lab-config-error';
import { TEST_DAY } from '../../support/lab-fixtures';

function read(context: Record<string, unknown>, today = TEST_DAY) {
  return readLabConfig(context, { today });
}

/** Asserts a LabConfigError that names the key, shows the value and says what is allowed. */
function expectConfigError(context: Record<string, unknown>, key: string, ...fragments: (string | RegExp)[]) {
  let caught: unknown;
  try {
    read(context);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(LabConfigError);
  const error = caught as LabConfigError;
  expect(error.key).toBe(key);
  expect(error.message).toContain(`Invalid context '${key}'`);
  expect(error.message).toContain('allowed:');
  for (const fragment of fragments) expect(error.message).toMatch(fragment);
}

describe('defaults', () => {
  test('uses the workshop values when no context is given', () => {
    const config = read({});
    expect(config.clusterName).toBe('eks-workshop');
    expect(config.kubernetesVersion.version).toBe('1.35');
    expect(config.vpcCidr.text).toBe('10.42.0.0/16');
    expect(config.secondaryCidr.text).toBe('100.64.0.0/16');
    expect(config.remoteNodeCidr.text).toBe('10.52.0.0/16');
    expect(config.remotePodCidr.text).toBe('10.53.0.0/16');
    expect(config.nodeInstanceType.name).toBe('m5.large');
    expect(config.modules).toEqual([]);
    expect(config.exposeUi).toBe(false);
    expect(config.inboundCidrs).toEqual([]);
    expect(config.adminPrincipalArn).toBeUndefined();
    expect(config.warnings).toEqual([]);
  });

  test('freezes the config', () => {
    const config = read({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.vpcCidr)).toBe(true);
  });
});

describe('typos in context keys', () => {
  test('fails when a base key is misspelled, suggesting the right one', () => {
    expectConfigError({ nodeInstanceTyp: 'm5.large' }, 'nodeInstanceTyp', /Did you mean "nodeInstanceType"/);
  });

  test('fails when a key differs only in case', () => {
    expectConfigError({ clustername: 'lab' }, 'clustername', /Did you mean "clusterName"/);
  });

  test('fails when a key under a module prefix is not defined by the module', () => {
    expectConfigError(
      { 'prefixDelegation.warmPrefixTargt': '1' },
      'prefixDelegation.warmPrefixTargt',
      /prefixDelegation.warmPrefixTarget/,
    );
  });

  test('allows context keys that belong to the CDK itself', () => {
    expect(() =>
      read({ '@aws-cdk/core:newStyleStackSynthesis': true, 'aws:cdk:enable-path-metadata': true }),
    ).not.toThrow();
  });
});

describe('modules', () => {
  test('fails when the JSON array does not parse', () => {
    expectConfigError({ modules: '["custom-networking"' }, 'modules', /does not parse/);
  });

  test('fails when a list item is empty', () => {
    expectConfigError({ modules: 'a,,b' }, 'modules', /Item 2 is empty/);
  });

  test('fails when a module is unknown', () => {
    expectConfigError({ modules: 'warp-drive' }, 'modules', /"warp-drive" is not a module/);
  });

  test('allows an empty module list', () => {
    expect(read({ modules: '' }).modules).toEqual([]);
    expect(read({ modules: [] }).modules).toEqual([]);
  });
});

describe('clusterName', () => {
  test('fails when it has capitals or underscores, explaining why the lab is stricter than EKS', () => {
    expectConfigError({ clusterName: 'My_Lab' }, 'clusterName', /lowercase letters/, /RDS identifier/);
  });

  test('fails when it is longer than 40 characters', () => {
    expectConfigError({ clusterName: 'a'.repeat(41) }, 'clusterName', /1-40 characters/);
  });

  test('fails when it has a double hyphen or ends with a hyphen', () => {
    expectConfigError({ clusterName: 'my--lab' }, 'clusterName');
    expectConfigError({ clusterName: 'my-lab-' }, 'clusterName');
  });

  test('allows 40 lowercase characters with single hyphens', () => {
    const name = `a${'-b'.repeat(19)}c`;
    expect(name).toHaveLength(40);
    expect(read({ clusterName: name }).clusterName).toBe(name);
  });
});

describe('kubernetesVersion', () => {
  test('fails when no kubectl layer exists for the version, listing the supported ones', () => {
    expectConfigError({ kubernetesVersion: '1.36' }, 'kubernetesVersion', /1\.32, 1\.33, 1\.34, 1\.35/);
  });

  test('fails when EKS has ended extended support for the version', () => {
    expectConfigError(
      { kubernetesVersion: '1.31' },
      'kubernetesVersion',
      /ended extended support for 1\.31 on 2026-11-26/,
    );
  });

  test('allows 1.31 the day before its extended support ends, with an extended-support warning', () => {
    const config = read({ kubernetesVersion: '1.31' }, '2026-11-25');
    expect(config.kubernetesVersion.kubectlLayerPackage).toBe('@aws-cdk/lambda-layer-kubectl-v31');
    expect(config.warnings.map((warning) => warning.id)).toContain('lab:kubernetes-extended-support');
  });

  test('allows a version in standard support without a warning', () => {
    expect(read({ kubernetesVersion: '1.34' }).warnings).toEqual([]);
  });

  test('reads a version given as a number in cdk.json', () => {
    expect(read({ kubernetesVersion: 1.34 }).kubernetesVersion.version).toBe('1.34');
  });
});

describe('CIDRs', () => {
  test('fails when a CIDR does not parse', () => {
    expectConfigError({ vpcCidr: '10.42.0.0' }, 'vpcCidr', /a\.b\.c\.d\/n/);
  });

  test('fails when host bits are set, naming the network address', () => {
    expectConfigError({ vpcCidr: '10.42.1.0/16' }, 'vpcCidr', /10\.42\.0\.0\/16/);
  });

  test('fails when a CIDR is not private', () => {
    expectConfigError({ remotePodCidr: '8.8.0.0/16' }, 'remotePodCidr', /not a private range/);
  });

  test('fails when the VPC CIDR is larger than /16', () => {
    expectConfigError({ vpcCidr: '10.0.0.0/15' }, 'vpcCidr', /\/16 to \/20/);
  });

  test('fails when two lab CIDRs overlap', () => {
    expectConfigError({ remoteNodeCidr: '10.42.128.0/20' }, 'remoteNodeCidr', /vpcCidr \(10\.42\.0\.0\/16\)/);
  });

  test('fails when a CIDR overlaps the cluster service CIDR', () => {
    expectConfigError({ remotePodCidr: '172.20.0.0/16' }, 'remotePodCidr', /172\.20\.0\.0\/16/);
  });

  test('fails when the secondary CIDR is from another RFC 1918 block than the VPC', () => {
    expectConfigError(
      { secondaryCidr: '192.168.0.0/16' },
      'secondaryCidr',
      /100\.64\.0\.0\/10 or inside 10\.0\.0\.0\/8/,
    );
  });

  test('allows a secondary CIDR from the VPC CIDR block or from 100.64.0.0/10', () => {
    expect(read({ secondaryCidr: '10.100.0.0/16' }).secondaryCidr.text).toBe('10.100.0.0/16');
    expect(read({ secondaryCidr: '100.65.0.0/24' }).secondaryCidr.text).toBe('100.65.0.0/24');
  });

  test('allows a /20 VPC CIDR', () => {
    expect(read({ vpcCidr: '10.42.0.0/20' }).vpcCidr.prefixLength).toBe(20);
  });
});

describe('nodeInstanceType', () => {
  test('fails when the type is unknown, suggesting a close one', () => {
    expectConfigError({ nodeInstanceType: 'm5.larg' }, 'nodeInstanceType', /Did you mean "m5.large"/);
  });

  test('allows a Graviton type', () => {
    expect(read({ nodeInstanceType: 'm7g.large' }).nodeInstanceType.architecture).toBe('arm64');
  });
});

describe('vpcCniVersion', () => {
  test('fails when it is not an EKS add-on version', () => {
    expectConfigError({ vpcCniVersion: '1.20.4' }, 'vpcCniVersion', /v1\.20\.4-eksbuild\.1/);
  });

  test('allows a pinned add-on version', () => {
    expect(read({ vpcCniVersion: 'v1.20.4-eksbuild.1' }).vpcCniVersion).toBe('v1.20.4-eksbuild.1');
  });
});

describe('adminPrincipalArn', () => {
  test('fails when it is an assumed-role session ARN', () => {
    expectConfigError(
      { adminPrincipalArn: 'arn:aws:sts::111122223333:assumed-role/Admin/me' },
      'adminPrincipalArn',
      /not assumed-role session ARNs/,
    );
  });

  test('allows an IAM role ARN with a path', () => {
    const arn = 'arn:aws:iam::111122223333:role/team/Admin';
    expect(read({ adminPrincipalArn: arn }).adminPrincipalArn).toBe(arn);
  });
});

describe('exposure', () => {
  test('fails when exposeUi is on without inboundCidrs', () => {
    expectConfigError({ exposeUi: 'true' }, 'inboundCidrs', /when exposeUi=true/);
  });

  test('fails when inboundCidrs opens the lab to the world without allowWorldAccess', () => {
    expectConfigError({ exposeUi: true, inboundCidrs: '0.0.0.0/0' }, 'inboundCidrs', /allowWorldAccess=true/);
  });

  test('fails when an inbound CIDR does not parse', () => {
    expectConfigError({ exposeUi: true, inboundCidrs: '203.0.113.7' }, 'inboundCidrs', /"203\.0\.113\.7"/);
  });

  test('fails when exposeUi is not a boolean', () => {
    expectConfigError({ exposeUi: 'yes' }, 'exposeUi', /true or false/);
  });

  test('allows the world with allowWorldAccess, with a warning', () => {
    const config = read({ exposeUi: 'true', inboundCidrs: '0.0.0.0/0', allowWorldAccess: 'true' });
    expect(config.warnings.map((warning) => warning.id)).toContain('lab:world-access');
  });

  test('allows a list of public CIDRs given as a JSON array', () => {
    const config = read({ exposeUi: true, inboundCidrs: '["203.0.113.7/32","198.51.100.0/24"]' });
    expect(config.inboundCidrs).toEqual(['203.0.113.7/32', '198.51.100.0/24']);
  });

  test('warns when inboundCidrs is set but nothing is exposed', () => {
    const config = read({ inboundCidrs: '203.0.113.7/32' });
    expect(config.warnings.map((warning) => warning.id)).toEqual(['lab:inbound-cidrs-unused']);
  });
});
