import { readLabConfig } from '../../../lib/lab-app';
import { LabConfigError } from '../../../lib/config/lab-config-error';
import { EXAMPLE_INBOUND_CIDR } from '../../../lib/lab-configurations';
import { CILIUM_PART } from '../../../lib/third-party/cilium-part';
import { supportsKubernetes, unsupportedParts } from '../../../lib/third-party/kubernetes-support';
import { THIRD_PARTY_PARTS } from '../../../lib/third-party/third-party-parts';
import { TEST_DAY } from '../../support/lab-fixtures';

const ALL = {
  modules: 'custom-networking,prefix-delegation,network-policies,security-groups-for-pods,vpc-lattice,hybrid-nodes',
  exposeUi: 'true',
  inboundCidrs: EXAMPLE_INBOUND_CIDR,
};

function errorOf(context: Record<string, unknown>, today = TEST_DAY): string | undefined {
  try {
    readLabConfig(context, { today });
    return undefined;
  } catch (error) {
    if (error instanceof LabConfigError) return error.message;
    throw error;
  }
}

test('a part supports exactly the minor versions of its contract range', () => {
  expect(supportsKubernetes(CILIUM_PART, CILIUM_PART.kubernetes.min)).toBe(true);
  expect(supportsKubernetes(CILIUM_PART, CILIUM_PART.kubernetes.max)).toBe(true);
  const below = `1.${Number(CILIUM_PART.kubernetes.min.split('.')[1]) - 1}`;
  expect(supportsKubernetes(CILIUM_PART, below)).toBe(false);
  expect(unsupportedParts([CILIUM_PART], below)).toEqual([
    expect.stringMatching(/^Cilium \(hybrid nodes CNI\) 1\.18\.12 supports/),
  ]);
});

test('allows the default version with every module and the ui exposed: every part supports it', () => {
  expect(errorOf(ALL)).toBeUndefined();
});

test('fails when a module installs a part that does not support the chosen version, naming the key and the part', () => {
  // On 2026-06-01 EKS still created 1.31 (extended support); Cilium 1.18 and Kyverno 1.17 are not supported on it.
  const message = errorOf({ ...ALL, kubernetesVersion: '1.31' }, '2026-06-01');
  expect(message).toMatch(/^Invalid context 'kubernetesVersion'/);
  expect(message).toContain('"1.31"');
  expect(message).toContain('Cilium (hybrid nodes CNI) 1.18.12 supports Kubernetes 1.32-1.35');
  expect(message).toContain('Kyverno 3.7.2 supports Kubernetes 1.32-1.35');
  expect(errorOf({ kubernetesVersion: '1.31' }, '2026-06-01')).toBeUndefined();
});

test.each(['1.32', '1.33', '1.34', '1.35'])(
  'the contracts cover Kubernetes %s with every part the lab can install',
  (version) => {
    expect(THIRD_PARTY_PARTS.filter((part) => !supportsKubernetes(part, version)).map((part) => part.id)).toEqual([]);
  },
);
