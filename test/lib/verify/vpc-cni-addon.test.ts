import type { LabTemplate } from '../../../lib/verify/cfn-template';
import { synthesizedVpcCniAddon, vpcCniEnv } from '../../../lib/verify/vpc-cni-addon';
import { addonVersionAtLeast } from '../../../lib/vpc-cni/addon-version';

describe('synthesized vpc-cni add-on', () => {
  const templates = (properties: Record<string, unknown>): LabTemplate[] => [
    {
      stackPath: 'Root',
      template: {
        Resources: {
          Proxy: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'kube-proxy' } },
          Cni: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'vpc-cni', ...properties } },
        },
      },
    },
  ];

  test('reads the configuration values and the pinned version', () => {
    const addon = synthesizedVpcCniAddon(
      templates({
        AddonVersion: 'v1.20.4-eksbuild.1',
        ConfigurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true"},"enableNetworkPolicy":"true"}',
      }),
    );
    expect(addon).toMatchObject({ logicalId: 'Cni', version: 'v1.20.4-eksbuild.1' });
    expect(vpcCniEnv(addon!.configuration)).toEqual({ ENABLE_PREFIX_DELEGATION: 'true' });
  });

  test('reads an add-on without configuration as empty', () => {
    expect(synthesizedVpcCniAddon(templates({}))).toMatchObject({ configuration: {}, version: undefined });
  });

  test('finds none in templates without it', () => {
    expect(synthesizedVpcCniAddon([{ stackPath: 'Root', template: { Resources: {} } }])).toBeUndefined();
  });
});

describe('VPC CNI versions', () => {
  test.each([
    ['v1.9.0-eksbuild.1', true],
    ['v1.19.2-eksbuild.1', true],
    ['v2.0.0', true],
    ['v1.8.0-eksbuild.1', false],
    ['v1.8.99', false],
    ['latest', false],
  ])('compares %s with v1.9.0: %s', (version, atLeast) => {
    expect(addonVersionAtLeast(version, 'v1.9.0')).toBe(atLeast);
  });
});
