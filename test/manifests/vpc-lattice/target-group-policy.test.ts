import { App, Chart } from 'cdk8s';
import {
  APPLICATION_NETWORKING_API_VERSION,
  TargetGroupPolicy,
  type TargetGroupPolicyProps,
} from '../../../manifests/vpc-lattice/target-group-policy';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

const HEALTH_CHECK: TargetGroupPolicyProps['healthCheck'] = {
  enabled: true,
  intervalSeconds: 10,
  timeoutSeconds: 1,
  healthyThresholdCount: 3,
  unhealthyThresholdCount: 2,
  path: '/health',
  port: 8080,
  protocol: 'HTTP',
  protocolVersion: 'HTTP1',
  statusMatch: '200',
};

function policyJson(props: Partial<TargetGroupPolicyProps> = {}): Record<string, unknown> {
  const chart = new Chart(new App(), 'Test');
  new TargetGroupPolicy(chart, 'Policy', {
    name: 'checkout-policy',
    namespace: 'checkout',
    serviceName: 'checkout',
    protocol: 'HTTP',
    protocolVersion: 'HTTP1',
    healthCheck: HEALTH_CHECK,
    ...props,
  });
  return chart.toJson()[0] as Record<string, unknown>;
}

/** A copy of the policy with one spec field replaced (for the schema's failing cases). */
function withSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const policy = policyJson();
  return { ...policy, spec: { ...(policy.spec as object), ...spec } };
}

describe('TargetGroupPolicy', () => {
  test('renders the controller API with a core Service targetRef and the health check as given', () => {
    expect(policyJson()).toEqual({
      apiVersion: APPLICATION_NETWORKING_API_VERSION,
      kind: 'TargetGroupPolicy',
      metadata: { name: 'checkout-policy', namespace: 'checkout' },
      spec: {
        targetRef: { group: '', kind: 'Service', name: 'checkout' },
        protocol: 'HTTP',
        protocolVersion: 'HTTP1',
        healthCheck: HEALTH_CHECK,
      },
    });
    expect(APPLICATION_NETWORKING_API_VERSION).toBe('application-networking.k8s.aws/v1alpha1');
  });

  test('validates against the schema written from the v1.1.7 CRD', () => {
    expect(kubernetesValidationErrors(policyJson() as never)).toEqual([]);
  });

  test('allows a TCP policy without protocolVersion', () => {
    const policy = policyJson({ protocol: 'TCP', protocolVersion: undefined });
    expect((policy.spec as Record<string, unknown>).protocolVersion).toBeUndefined();
    expect(kubernetesValidationErrors(policy as never)).toEqual([]);
  });

  test('fails when a TCP policy sets protocolVersion (the controller would ignore the whole policy)', () => {
    expect(() => policyJson({ protocol: 'TCP', protocolVersion: 'HTTP1' })).toThrow(
      'TargetGroupPolicy checkout/checkout-policy: protocolVersion must be omitted with protocol TCP',
    );
    expect(kubernetesValidationErrors(withSpec({ protocol: 'TCP', protocolVersion: 'HTTP1' }) as never)).not.toEqual(
      [],
    );
  });

  test.each([
    ['an interval below 5 s', { healthCheck: { ...HEALTH_CHECK, intervalSeconds: 4 } }, 'intervalSeconds'],
    ['a timeout above 120 s', { healthCheck: { ...HEALTH_CHECK, timeoutSeconds: 121 } }, 'timeoutSeconds'],
    [
      'a healthy threshold of 1',
      { healthCheck: { ...HEALTH_CHECK, healthyThresholdCount: 1 } },
      'healthyThresholdCount',
    ],
    ['port 0', { healthCheck: { ...HEALTH_CHECK, port: 0 } }, 'port'],
    ['an unknown protocol', { protocol: 'GRPC' }, 'protocol'],
    ['a misspelled field', { healthcheck: HEALTH_CHECK }, 'additional properties'],
    ['a targetRef without group', { targetRef: { kind: 'Service', name: 'checkout' } }, 'group'],
  ])('the schema rejects %s', (_case, spec, expected) => {
    expect(kubernetesValidationErrors(withSpec(spec) as never).join('\n')).toContain(expected);
  });
});
