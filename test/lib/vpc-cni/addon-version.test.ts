import { addonVersionAtLeast, parseAddonVersion } from '../../../lib/vpc-cni/addon-version';

describe('parseAddonVersion', () => {
  test('reads versions with or without the v and the eksbuild suffix', () => {
    expect(parseAddonVersion('1.12.6-eksbuild.2')).toMatchObject({ major: 1, minor: 12, patch: 6 });
    expect(parseAddonVersion(' v1.19.2 ')).toMatchObject({ major: 1, minor: 19, patch: 2, build: [] });
  });

  test('keeps the EKS build as build metadata, not as a prerelease', () => {
    expect(parseAddonVersion('v1.19.2-eksbuild.1')).toMatchObject({ prerelease: [], build: ['eksbuild', '1'] });
  });

  test('refuses what is not a version', () => {
    expect([parseAddonVersion('latest'), parseAddonVersion('v1.19'), parseAddonVersion('')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('add-on version order', () => {
  test.each([
    ['v1.19.2-eksbuild.2', 'v1.19.2-eksbuild.1', true],
    ['v1.19.2-eksbuild.1', 'v1.19.2-eksbuild.2', false],
    ['v1.19.2-eksbuild.10', 'v1.19.2-eksbuild.9', true],
    ['v1.19.2-eksbuild.9', 'v1.19.2-eksbuild.10', false],
    ['v1.19.3-eksbuild.1', 'v1.19.2-eksbuild.30', true],
  ])(
    'orders by upstream version, then EKS builds of it by build number: %s at least %s = %s',
    (version, minimum, atLeast) => {
      expect(addonVersionAtLeast(version, minimum)).toBe(atLeast);
    },
  );

  test('sorts a version without a build suffix before its EKS builds', () => {
    expect(addonVersionAtLeast('v1.9.0-eksbuild.1', 'v1.9.0')).toBe(true);
    expect(addonVersionAtLeast('v1.14.0', 'v1.14.0-eksbuild.3')).toBe(false);
  });

  test('sorts an upstream prerelease before its release and after older releases', () => {
    expect(addonVersionAtLeast('v1.20.0-rc.1', 'v1.20.0')).toBe(false);
    expect(addonVersionAtLeast('v1.20.0-rc.1', 'v1.19.9-eksbuild.4')).toBe(true);
  });

  test('is false when either side is not a version', () => {
    expect([addonVersionAtLeast('latest', 'v1.9.0'), addonVersionAtLeast('v1.9.0', 'latest')]).toEqual([false, false]);
  });
});
