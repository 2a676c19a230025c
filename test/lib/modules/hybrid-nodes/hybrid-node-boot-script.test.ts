import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import {
  bootScriptFingerprint,
  hybridNodeBootScript,
  NODE_CONFIG_PATH,
  NODEADM_INIT_LOG,
  NODEADM_URL_AMD64,
} from '../../../../lib/modules/hybrid-nodes/hybrid-node-boot-script';
import { python3 } from '../../../support/child-processes';

const PROPS = {
  clusterName: 'eks-workshop',
  region: 'eu-west-1',
  kubernetesVersion: '1.35',
  activationSecretId: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:activation-AbCdEf',
};

describe('hybridNodeBootScript', () => {
  const script = hybridNodeBootScript(PROPS);

  test('downloads nodeadm from the documented hybrid-assets path for amd64', () => {
    expect(NODEADM_URL_AMD64).toBe('https://hybrid-assets.eks.amazonaws.com/releases/latest/bin/linux/amd64/nodeadm');
    expect(script).toContain(`NODEADM_URL='${NODEADM_URL_AMD64}'`);
    expect(script).toContain('curl -fsSL -o /usr/local/bin/nodeadm "$NODEADM_URL"');
  });

  test('runs nodeadm install <cluster version> --credential-provider ssm, then nodeadm init with the NodeConfig', () => {
    const install = script.indexOf('retry nodeadm install "$KUBERNETES_VERSION" --credential-provider ssm');
    const init = script.indexOf('nodeadm init --config-source "file://$NODE_CONFIG"');
    expect(script).toContain("KUBERNETES_VERSION='1.35'");
    expect(install).toBeGreaterThan(0);
    expect(init).toBeGreaterThan(install);
  });

  test('reads the activation from the secret with the instance credentials and never traces or prints it', () => {
    expect(script).toContain(`ACTIVATION_SECRET='${PROPS.activationSecretId}'`);
    expect(script).toContain('aws secretsmanager get-secret-value --region "$REGION" --secret-id "$ACTIVATION_SECRET"');
    expect(script).not.toMatch(/^\s*set -[a-z]*x/m);
    expect(script).not.toMatch(/echo[^\n]*\$activation/);
    expect(script).toContain('umask 077');
    expect(script).toContain(`>"$INIT_LOG" 2>&1`);
    expect(script).toContain(`INIT_LOG='${NODEADM_INIT_LOG}'`);
  });

  test('writes a NodeConfig with the cluster name, the Region and the SSM activation (checked by running the writer)', () => {
    const start = script.indexOf("python3 -c '") + "python3 -c '".length;
    const end = script.indexOf('\' <<<"$activation"');
    const writer = script.slice(start, end);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeconfig-'));
    const file = path.join(dir, 'writer.py');
    fs.writeFileSync(file, writer);
    let output: string;
    try {
      output = execFileSync(python3(), [file], {
        input: JSON.stringify({ activationId: 'a1b2c3d4-0000-1111-2222-333344445555', activationCode: 'Ab/c+D=e' }),
        env: { ...process.env, CLUSTER_NAME: 'eks-workshop', REGION: 'eu-west-1' },
      }).toString();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(output).toBe(
      [
        'apiVersion: node.eks.aws/v1alpha1',
        'kind: NodeConfig',
        'spec:',
        '  cluster:',
        '    name: "eks-workshop"',
        '    region: "eu-west-1"',
        '  hybrid:',
        '    ssm:',
        '      activationCode: "Ab/c+D=e"',
        '      activationId: "a1b2c3d4-0000-1111-2222-333344445555"',
        '',
      ].join('\n'),
    );
    expect(script).toContain(`NODE_CONFIG='${NODE_CONFIG_PATH}'`);
  });

  test('is valid bash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boot-'));
    const file = path.join(dir, 'boot.sh');
    fs.writeFileSync(file, script);
    try {
      expect(() => execFileSync('bash', ['-n', file])).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails when a plain value would break out of its quotes', () => {
    expect(() => hybridNodeBootScript({ ...PROPS, clusterName: "x'; reboot; '" })).toThrow(/CLUSTER_NAME/);
  });

  test('allows deploy-time values (tokens)', () => {
    const stack = new Stack();
    expect(() => hybridNodeBootScript({ ...PROPS, region: stack.region })).not.toThrow();
  });
});

describe('bootScriptFingerprint', () => {
  test('ignores deploy-time values, so it is stable across synths', () => {
    const stack = new Stack();
    expect(bootScriptFingerprint({ ...PROPS, region: stack.region })).toBe(
      bootScriptFingerprint({ ...PROPS, region: Stack.of(new Stack()).region }),
    );
  });

  test('changes with the Kubernetes version, which must replace the host with a fresh activation', () => {
    expect(bootScriptFingerprint(PROPS)).not.toBe(bootScriptFingerprint({ ...PROPS, kubernetesVersion: '1.34' }));
  });
});
