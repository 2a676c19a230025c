import { addressingNeeds } from '../../support/addressing-needs';
import { KNOWN_INSTANCE_TYPES, UnknownInstanceTypeError } from '../../../lib/instance-types/instance-types';
import {
  POD_NETWORKING_MODES,
  eksMaxPodsCap,
  kubeletMaxPods,
  maxPods,
  maxPodsByMode,
  modeOfOptions,
  optionsOfMode,
  podDensityFigures,
  renderMaxPodsMarkdownTable,
} from '../../../lib/node-groups/pod-density';

const SECONDARY_IP = { customNetworking: false, prefixDelegation: false } as const;
const CUSTOM_NETWORKING = { customNetworking: true, prefixDelegation: false } as const;
const PREFIX_DELEGATION = { customNetworking: false, prefixDelegation: true } as const;
const PREFIX_AND_CUSTOM = { customNetworking: true, prefixDelegation: true } as const;

// Published figures. m5.large 29 / 20 / 110: the EKS guide's max-pods calculator example
// (https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods).
// Secondary-IP values: aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt (uncapped, ENIs x (IPs - 1) + 2).
describe('published max pods', () => {
  test('computes the EKS guide example for m5.large: 29, 20 with custom networking, 110 with prefixes', () => {
    expect(kubeletMaxPods('m5.large', SECONDARY_IP)).toBe(29);
    expect(kubeletMaxPods('m5.large', CUSTOM_NETWORKING)).toBe(20);
    expect(kubeletMaxPods('m5.large', PREFIX_DELEGATION)).toBe(110);
  });

  test('computes t3.medium: 17, 12 with custom networking ((3 - 1) x (6 - 1) + 2), 110 with prefixes', () => {
    expect(kubeletMaxPods('t3.medium', SECONDARY_IP)).toBe(17);
    expect(kubeletMaxPods('t3.medium', CUSTOM_NETWORKING)).toBe(12);
    expect(kubeletMaxPods('t3.medium', PREFIX_DELEGATION)).toBe(110);
  });

  test('computes m5.24xlarge: 737 secondary-IP pods by addressing, 250 with prefixes (more than 30 vCPUs)', () => {
    expect(maxPods('m5.24xlarge', SECONDARY_IP).uncapped).toBe(737);
    expect(podDensityFigures('m5.24xlarge').cappedPrefixDelegation).toBe(250);
  });

  test.each([
    ['c5.large', 29],
    ['c5.9xlarge', 234],
    ['c6i.8xlarge', 234],
    ['t4g.medium', 17],
    ['t3.micro', 4],
    ['m6g.medium', 8],
    ['m6g.large', 29],
    ['m7g.large', 29],
    ['r5.large', 29],
    ['m7i.48xlarge', 737],
    ['m5.metal', 737],
    ['m4.large', 20],
    ['t2.medium', 17],
  ] as const)('computes the eni-max-pods.txt value for %s: %i', (name, published) => {
    expect(maxPods(name, SECONDARY_IP).uncapped).toBe(published);
  });
});

describe('EKS cap', () => {
  test('caps at 110 for 30 vCPUs and at 250 for 31', () => {
    expect(eksMaxPodsCap(1)).toBe(110);
    expect(eksMaxPodsCap(30)).toBe(110);
    expect(eksMaxPodsCap(31)).toBe(250);
    expect(eksMaxPodsCap(192)).toBe(250);
  });

  test('caps every mode, so the kubelet value of m5.24xlarge without prefixes is 250, not 737', () => {
    expect(maxPods('m5.24xlarge', SECONDARY_IP)).toEqual({ uncapped: 737, capped: 250 });
    expect(kubeletMaxPods('m5.24xlarge', SECONDARY_IP)).toBe(250);
  });

  test('applies the higher cap from 32 vCPUs (c6i.8xlarge) and the lower one at 16 (c5.4xlarge)', () => {
    expect(kubeletMaxPods('c6i.8xlarge', PREFIX_DELEGATION)).toBe(250);
    expect(kubeletMaxPods('c5.4xlarge', PREFIX_DELEGATION)).toBe(110);
  });

  test('leaves values under the cap alone', () => {
    expect(maxPods('t3.micro', PREFIX_DELEGATION)).toEqual({ uncapped: 34, capped: 34 });
  });
});

describe('formulas', () => {
  test('computes prefix delegation as ENIs x ((IPs - 1) x 16) + 2 and with custom networking one ENI fewer', () => {
    expect(maxPods('m5.large', PREFIX_DELEGATION).uncapped).toBe(3 * (9 * 16) + 2);
    expect(maxPods('m5.large', PREFIX_AND_CUSTOM)).toEqual({ uncapped: 2 * (9 * 16) + 2, capped: 110 });
  });

  test('falls back to secondary IPs for prefix delegation on Xen instances, as the VPC CNI does', () => {
    expect(maxPods('m4.large', PREFIX_DELEGATION)).toEqual(maxPods('m4.large', SECONDARY_IP));
    expect(maxPods('m4.large', PREFIX_AND_CUSTOM)).toEqual(maxPods('m4.large', CUSTOM_NETWORKING));
  });

  test('computes prefixes on bare metal, as the VPC CNI assigns them there', () => {
    expect(maxPods('m5.metal', PREFIX_DELEGATION)).toEqual({ uncapped: 15 * (49 * 16) + 2, capped: 250 });
  });

  // The module docs rely on this: on bare metal the script and the VPC CNI disagree only below the cap.
  test('gives every bare metal type the same kubelet value with or without prefixes (250)', () => {
    const bareMetal = KNOWN_INSTANCE_TYPES.filter((name) => name.split('.')[1].startsWith('metal'));
    expect(bareMetal.length).toBeGreaterThan(0);
    for (const name of bareMetal) {
      expect([kubeletMaxPods(name, SECONDARY_IP), kubeletMaxPods(name, PREFIX_DELEGATION)]).toEqual([250, 250]);
    }
  });

  test('maps options to modes and back', () => {
    for (const mode of POD_NETWORKING_MODES) {
      expect(modeOfOptions(optionsOfMode(mode))).toBe(mode);
    }
    expect(modeOfOptions(PREFIX_AND_CUSTOM)).toBe('prefixDelegationCustomNetworking');
  });

  test('gives every mode of m5.large', () => {
    expect(maxPodsByMode('m5.large')).toEqual({
      secondaryIp: { uncapped: 29, capped: 29 },
      customNetworking: { uncapped: 20, capped: 20 },
      prefixDelegation: { uncapped: 434, capped: 110 },
      prefixDelegationCustomNetworking: { uncapped: 290, capped: 110 },
    });
  });

  test('fails when the instance type is unknown, with a close-match suggestion', () => {
    expect(() => kubeletMaxPods('m5.lrge', SECONDARY_IP)).toThrow(UnknownInstanceTypeError);
    expect(() => podDensityFigures('t3.medum')).toThrow(/Did you mean "t3\.medium"\?/);
  });
});

describe('figures object', () => {
  test('holds exactly the documented keys, uncapped except cappedPrefixDelegation', () => {
    const figures = podDensityFigures('m5.large');
    expect(Object.keys(figures)).toEqual([
      'instanceType',
      'enis',
      'ipv4PerEni',
      'vcpus',
      'secondaryIp',
      'customNetworking',
      'prefixDelegation',
      'prefixDelegationCustomNetworking',
      'cappedPrefixDelegation',
    ]);
    expect(figures).toEqual({
      instanceType: 'm5.large',
      enis: 3,
      ipv4PerEni: 10,
      vcpus: 2,
      secondaryIp: 29,
      customNetworking: 20,
      prefixDelegation: 434,
      prefixDelegationCustomNetworking: 290,
      cappedPrefixDelegation: 110,
    });
  });
});

describe('addresses a number of pods needs', () => {
  test('computes /28 prefixes and ENIs in prefix mode: 110 pods on m5.large need 7 prefixes on 1 ENI', () => {
    expect(addressingNeeds('m5.large', 110, PREFIX_DELEGATION)).toEqual({
      addressing: 'prefix',
      pods: 110,
      enis: 1,
      secondaryIps: 0,
      prefixes: 7,
      fits: true,
    });
  });

  test('opens a second ENI once the primary ENI has no prefix slot left (m5.large: 9 prefixes per ENI)', () => {
    expect(addressingNeeds('m5.large', 144, PREFIX_DELEGATION)).toMatchObject({ prefixes: 9, enis: 1 });
    expect(addressingNeeds('m5.large', 145, PREFIX_DELEGATION)).toMatchObject({ prefixes: 10, enis: 2 });
  });

  test('computes ENIs and secondary IPs in secondary-IP mode', () => {
    expect(addressingNeeds('m5.large', 10, SECONDARY_IP)).toEqual({
      addressing: 'secondary-ip',
      pods: 10,
      enis: 2,
      secondaryIps: 10,
      prefixes: 0,
      fits: true,
    });
  });

  test('allows 27 address-holding pods on m5.large (29 max pods minus 2 host-network pods), fails at 28', () => {
    expect(addressingNeeds('m5.large', 27, SECONDARY_IP)).toMatchObject({ enis: 3, fits: true });
    expect(addressingNeeds('m5.large', 28, SECONDARY_IP)).toMatchObject({ enis: 4, fits: false });
  });

  test('keeps the primary ENI free of pods with custom networking: t3.medium fits 10, fails at 11', () => {
    expect(addressingNeeds('t3.medium', 10, CUSTOM_NETWORKING)).toMatchObject({ enis: 3, fits: true });
    expect(addressingNeeds('t3.medium', 11, CUSTOM_NETWORKING)).toMatchObject({ enis: 4, fits: false });
    expect(addressingNeeds('m5.large', 16, PREFIX_AND_CUSTOM)).toMatchObject({ prefixes: 1, enis: 2 });
  });

  test('needs only the primary ENI for no pods', () => {
    expect(addressingNeeds('t3.medium', 0, SECONDARY_IP)).toMatchObject({ enis: 1, secondaryIps: 0, fits: true });
    expect(addressingNeeds('t3.medium', 0, PREFIX_DELEGATION)).toMatchObject({ enis: 1, prefixes: 0 });
  });

  test('uses secondary IPs on Xen instances even when prefixes are asked for', () => {
    expect(addressingNeeds('m4.large', 9, PREFIX_DELEGATION)).toMatchObject({
      addressing: 'secondary-ip',
      secondaryIps: 9,
      prefixes: 0,
      enis: 1,
    });
  });

  test('fails when the number of pods is negative or not whole', () => {
    expect(() => addressingNeeds('m5.large', -1, SECONDARY_IP)).toThrow(/whole number of 0 or more, got -1/);
    expect(() => addressingNeeds('m5.large', 1.5, SECONDARY_IP)).toThrow(RangeError);
  });

  // The two calculations must agree: the uncapped max pods less the host-network pods is exactly what fits.
  test.each(KNOWN_INSTANCE_TYPES.map((name) => [name]))('agrees with the max pods of %s in every mode', (name) => {
    for (const mode of POD_NETWORKING_MODES) {
      const options = optionsOfMode(mode);
      const podsWithAddresses = maxPods(name, options).uncapped - 2;
      expect(addressingNeeds(name, podsWithAddresses, options).fits).toBe(true);
      expect(addressingNeeds(name, podsWithAddresses + 1, options).fits).toBe(false);
    }
  });
});

describe('markdown table', () => {
  test('renders one row per instance type in the given order, kubelet values first', () => {
    const table = renderMaxPodsMarkdownTable(['t3.medium', 'm5.large']).split('\n');
    expect(table[0]).toBe(
      '| Instance type | vCPUs | ENIs x IPv4 | EKS cap | Secondary IPs | Custom networking | Prefix delegation | ' +
        'Prefix delegation + custom networking |',
    );
    expect(table[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(table[2]).toBe('| `t3.medium` | 2 | 3 x 6 | 110 | 17 | 12 | 110 (242) | 110 (162) |');
    expect(table[3]).toBe('| `m5.large` | 2 | 3 x 10 | 110 | 29 | 20 | 110 (434) | 110 (290) |');
  });

  test('marks prefix columns of non-Nitro types with a footnote, and only then', () => {
    const withXen = renderMaxPodsMarkdownTable(['m4.large']);
    expect(withXen).toContain('| `m4.large` | 2 | 2 x 10 | 110 | 20 | 11 | 20 ¹ | 11 ¹ |');
    expect(withXen).toContain('¹ Not Nitro-based');
    expect(renderMaxPodsMarkdownTable(['m5.large'])).not.toContain('¹');
  });

  test('fails when a type is unknown', () => {
    expect(() => renderMaxPodsMarkdownTable(['m5.large', 'm5.lrge'])).toThrow(/Did you mean "m5\.large"\?/);
  });
});
