import { findLiteralCredentials } from '../support/literal-credential-scan';
import { labConfigurations } from '../../lib/lab-configurations';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';
import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';

describe.each(labConfigurations())('configuration $name', ({ context }) => {
  test('no template, manifest, user data, Helm value or output contains a literal credential', () => {
    expect(findLiteralCredentials(synthesizedOutputForTest(context))).toEqual([]);
  });
});

describe('the scan itself', () => {
  const lab = synthesizedOutputForTest();
  const withExtra = (extra: Partial<SynthesizedOutput>): SynthesizedOutput => ({ ...lab, ...extra });

  test('finds a Kubernetes Secret with literal data', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'x' },
      data: { password: 'cGFzcw==' },
    };
    const findings = findLiteralCredentials(
      withExtra({ kubernetesObjects: [{ object: secret, stackPath: 's', logicalId: 'l' }] }),
    );
    expect(findings.map((finding) => finding.what)).toContain('a Kubernetes Secret with literal data');
  });

  test('finds a literal password in a container env', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'db' },
      spec: { template: { spec: { containers: [{ env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'my-secret-pw' }] }] } } },
    };
    const findings = findLiteralCredentials(
      withExtra({ kubernetesObjects: [{ object: deployment, stackPath: 's', logicalId: 'l' }] }),
    );
    expect(findings.map((finding) => finding.what)).toContain('literal env value for MYSQL_ROOT_PASSWORD');
  });

  test('finds an RDS master password and an access key in a template', () => {
    const template = {
      Resources: {
        Db: { Type: 'AWS::RDS::DBInstance', Properties: { MasterUserPassword: 'hunter22' } },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Environment: { Variables: { KEY: 'AKIAABCDEFGHIJKLMNOP' } } },
        },
      },
    };
    const findings = findLiteralCredentials(
      withExtra({ templates: [{ stackPath: 'x', template }], kubernetesObjects: [], helmReleases: [] }),
    );
    expect(findings.map((finding) => finding.what)).toEqual(
      expect.arrayContaining(['MasterUserPassword in the template', 'AWS access key id in KEY']),
    );
  });

  test('finds a secret access key that is not the DynamoDB Local placeholder', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'carts' },
      data: { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' },
    };
    const findings = findLiteralCredentials(
      withExtra({ kubernetesObjects: [{ object: configMap, stackPath: 's', logicalId: 'l' }] }),
    );
    expect(findings.map((finding) => finding.what)).toEqual(['literal value for AWS_SECRET_ACCESS_KEY']);
  });

  test('allows the workshop placeholders DynamoDB Local ignores', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'carts' },
      data: { AWS_SECRET_ACCESS_KEY: 'secret' },
    };
    expect(
      findLiteralCredentials(withExtra({ kubernetesObjects: [{ object: configMap, stackPath: 's', logicalId: 'l' }] })),
    ).toEqual([]);
  });
});
