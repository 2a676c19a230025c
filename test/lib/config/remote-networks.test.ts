import { LabConfigError } from '../../../lib/config/lab-config-error';
import { readLabConfig } from '../../../lib/lab-app';
import { TEST_DAY } from '../../support/lab-fixtures';

/**
 * The remote node and pod networks of EKS Hybrid Nodes may not overlap each other, the VPC (primary and secondary
 * CIDR) or the Kubernetes service CIDR (EKS API reference, RemoteNetworkConfigRequest); the lab fails at synth.
 */
const read = (context: Record<string, unknown>) =>
  readLabConfig({ modules: 'hybrid-nodes', ...context }, { today: TEST_DAY });

function errorOf(context: Record<string, unknown>): LabConfigError {
  try {
    read(context);
  } catch (error) {
    if (error instanceof LabConfigError) return error;
    throw error;
  }
  throw new Error('no LabConfigError');
}

test('fails when the remote pod CIDR overlaps the remote node CIDR', () => {
  const error = errorOf({ remotePodCidr: '10.52.128.0/17' });
  expect(error.key).toBe('remotePodCidr');
  expect(error.message).toContain('"10.52.128.0/17"');
  expect(error.message).toContain('does not overlap remoteNodeCidr (10.52.0.0/16)');
});

test('fails when the remote node CIDR overlaps the lab VPC', () => {
  const error = errorOf({ remoteNodeCidr: '10.42.0.0/17' });
  expect(error.key).toBe('remoteNodeCidr');
  expect(error.message).toContain('does not overlap vpcCidr (10.42.0.0/16)');
});

test('fails when the remote pod CIDR overlaps the lab VPC', () => {
  const error = errorOf({ remotePodCidr: '10.42.128.0/18' });
  expect(error.key).toBe('remotePodCidr');
  expect(error.message).toContain('does not overlap vpcCidr (10.42.0.0/16)');
});

test('fails when the remote node CIDR overlaps the secondary CIDR', () => {
  const error = errorOf({ remoteNodeCidr: '100.64.0.0/16' });
  expect(error.key).toBe('remoteNodeCidr');
  expect(error.message).toContain('does not overlap secondaryCidr (100.64.0.0/16)');
});

test('fails when the remote pod CIDR overlaps the secondary CIDR', () => {
  const error = errorOf({ remotePodCidr: '100.64.64.0/18' });
  expect(error.key).toBe('remotePodCidr');
  expect(error.message).toContain('does not overlap secondaryCidr (100.64.0.0/16)');
});

test("fails when a remote network overlaps the cluster's service CIDR", () => {
  const error = errorOf({ remotePodCidr: '172.20.0.0/16' });
  expect(error.key).toBe('remotePodCidr');
  expect(error.message).toContain('service CIDR 172.20.0.0/16');
});

test('allows adjacent but disjoint remote node and pod networks', () => {
  const config = read({ remoteNodeCidr: '10.52.0.0/16', remotePodCidr: '10.51.0.0/16' });
  expect([config.remoteNodeCidr.text, config.remotePodCidr.text]).toEqual(['10.52.0.0/16', '10.51.0.0/16']);
});

test('allows remote networks in other private ranges', () => {
  const config = read({ remoteNodeCidr: '192.168.0.0/16', remotePodCidr: '172.30.0.0/16' });
  expect([config.remoteNodeCidr.text, config.remotePodCidr.text]).toEqual(['192.168.0.0/16', '172.30.0.0/16']);
});
