import { LabConfigError } from '../../../../lib/config/lab-config-error';
import { readLabConfig } from '../../../../lib/lab-app';
import { HYBRID_NODES_MODULE } from '../../../../lib/modules/hybrid-nodes/hybrid-nodes-module';
import { moduleDefinition } from '../../../../lib/modules/module-registry';
import { TEST_DAY } from '../../../support/lab-fixtures';

const read = (context: Record<string, unknown>) => readLabConfig(context, { today: TEST_DAY });

function errorOf(context: Record<string, unknown>): LabConfigError {
  try {
    read(context);
  } catch (error) {
    if (error instanceof LabConfigError) return error;
    throw error;
  }
  throw new Error('no LabConfigError');
}

test('is registered as hybrid-nodes', () => {
  expect(moduleDefinition('hybrid-nodes')).toBe(HYBRID_NODES_MODULE);
});

test('adds no VPC CNI setting and no managed node group (the VPC CNI add-on already keeps off hybrid nodes)', () => {
  const config = read({ modules: 'hybrid-nodes' });
  expect(HYBRID_NODES_MODULE.vpcCniConfiguration?.(config) ?? {}).toEqual({});
  expect(HYBRID_NODES_MODULE.nodeGroups?.(config) ?? []).toEqual([]);
});

describe('hybridNodes.instanceType', () => {
  test('fails when the instance type is arm64 (the host runs the amd64 AMI and nodeadm)', () => {
    const error = errorOf({ modules: 'hybrid-nodes', 'hybridNodes.instanceType': 'm6g.large' });
    expect(error.key).toBe('hybridNodes.instanceType');
    expect(error.message).toContain('"m6g.large"');
    expect(error.message).toContain('an x86_64 instance type');
  });

  test('allows an x86_64 instance type', () => {
    expect(
      read({ modules: 'hybrid-nodes', 'hybridNodes.instanceType': 'm6i.large' }).hybridNodes.instanceType.name,
    ).toBe('m6i.large');
  });

  test('defaults to m5.large, as the workshop', () => {
    expect(read({ modules: 'hybrid-nodes' }).hybridNodes.instanceType.name).toBe('m5.large');
  });
});

describe('hybridNodes.ingress', () => {
  const REMOTE_WORKLOADS = { modules: 'hybrid-nodes', 'hybridNodes.stage': 'remote-workloads' };

  test('fails when true in stage remote-workloads while exposeUi is off, naming exposeUi', () => {
    const error = errorOf({ ...REMOTE_WORKLOADS, 'hybridNodes.ingress': 'true' });
    expect(error.key).toBe('exposeUi');
    expect(error.message).toContain("Invalid context 'exposeUi': received false");
    expect(error.message).toContain('AWS Load Balancer Controller');
    expect(error.message).toContain('hybridNodes.ingress=true');
  });

  test('allows true in stage remote-workloads with exposeUi and inboundCidrs', () => {
    expect(
      read({
        ...REMOTE_WORKLOADS,
        'hybridNodes.ingress': 'true',
        exposeUi: 'true',
        inboundCidrs: '203.0.113.0/24',
      }).hybridNodes.ingress,
    ).toBe(true);
  });

  test('allows false without exposeUi, in any stage', () => {
    expect(read({ ...REMOTE_WORKLOADS, 'hybridNodes.ingress': 'false' }).hybridNodes.ingress).toBe(false);
    expect(read({ modules: 'hybrid-nodes', 'hybridNodes.ingress': 'false' }).hybridNodes.ingress).toBe(false);
  });
});
