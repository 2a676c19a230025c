import {
  interpretNetworkPolicyAgent,
  networkPolicyAgentExpectation,
} from '../../../../lib/verify/expectations/network-policy-agent';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

/** `kubectl get daemonset aws-node -n kube-system -o json`, trimmed to what the check reads (add-on >= 1.14). */
function daemonSet(agentArgs: string[]): string {
  return JSON.stringify({
    kind: 'DaemonSet',
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'aws-node', env: [{ name: 'ENABLE_PREFIX_DELEGATION', value: 'false' }] },
            { name: 'aws-eks-nodeagent', args: agentArgs },
          ],
        },
      },
    },
  });
}

const ENABLED = [
  '--enable-ipv6=false',
  '--enable-network-policy=true',
  '--enable-cloudwatch-logs=false',
  '--enable-policy-event-logs=true',
  '--metrics-bind-addr=:8162',
  '--health-probe-bind-addr=:8163',
];

describe('live', () => {
  test('passes when the agent runs with network policy and policy event logs on', () => {
    expect(interpretNetworkPolicyAgent({ exitCode: 0, stdout: daemonSet(ENABLED), stderr: '' })).toEqual({
      pass: true,
      actual: 'aws-eks-nodeagent: --enable-network-policy=true --enable-policy-event-logs=true',
    });
  });

  test('fails when policy event logs are off, and shows the flag', () => {
    const args = ENABLED.map((arg) =>
      arg.replace('--enable-policy-event-logs=true', '--enable-policy-event-logs=false'),
    );
    const outcome = interpretNetworkPolicyAgent({ exitCode: 0, stdout: daemonSet(args), stderr: '' });
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toContain('--enable-policy-event-logs=false');
  });

  test('fails when no container takes the network policy flag (VPC CNI before 1.14)', () => {
    const outcome = interpretNetworkPolicyAgent({ exitCode: 0, stdout: daemonSet([]), stderr: '' });
    expect(outcome).toEqual({
      pass: false,
      actual: 'no aws-node container takes --enable-network-policy (VPC CNI older than 1.14?)',
    });
  });

  test('fails when kubectl fails or prints no JSON', () => {
    expect(interpretNetworkPolicyAgent({ exitCode: 1, stdout: '', stderr: 'forbidden' })).toEqual({
      pass: false,
      actual: 'kubectl failed: forbidden',
    });
    expect(interpretNetworkPolicyAgent({ exitCode: 0, stdout: 'oops', stderr: '' }).pass).toBe(false);
  });
});

describe('offline', () => {
  let on: SynthesizedOutput;
  let off: SynthesizedOutput;

  beforeAll(() => {
    on = synthesizedOutputForTest({ modules: 'network-policies' });
    off = synthesizedOutputForTest();
  });

  test('passes when the synthesized vpc-cni add-on carries both settings', () => {
    expect(networkPolicyAgentExpectation('network-policies').checkOffline(on)).toEqual({
      pass: true,
      actual: 'enableNetworkPolicy=true, nodeAgent.enablePolicyEventLogs=true',
    });
  });

  test('fails when the add-on carries neither', () => {
    const stripped = JSON.parse(JSON.stringify(off.templates)) as SynthesizedOutput['templates'];
    for (const { template } of stripped) {
      for (const resource of Object.values(template.Resources)) {
        if (resource.Type === 'AWS::EKS::Addon')
          delete (resource.Properties as Record<string, unknown>).ConfigurationValues;
      }
    }
    expect(networkPolicyAgentExpectation('network-policies').checkOffline({ ...off, templates: stripped })).toEqual({
      pass: false,
      actual: 'enableNetworkPolicy=(unset), nodeAgent.enablePolicyEventLogs=(unset)',
    });
  });
});
