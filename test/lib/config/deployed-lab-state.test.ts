import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployedLabStateFrom, LAB_STATE_OUTPUT, OUTPUTS_FILE } from '../../../lib/config/deployed-lab-state';
import { readLabConfig } from '../../../lib/lab-app';
import { rootTemplate } from '../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';
import { TEST_DAY } from '../../support/test-day';

const PROJECT = join(__dirname, '..', '..', '..');

/** The outputs file `cdk deploy` writes, from the LabState output of a synthesized lab (values as deployed). */
function outputsFileAfterDeploying(context: Record<string, unknown>): unknown {
  const outputs = rootTemplate(synthesizedOutputForTest(context)).findOutputs(LAB_STATE_OUTPUT);
  return { NetworkingLabStack: { [LAB_STATE_OUTPUT]: outputs[LAB_STATE_OUTPUT].Value as string } };
}

const readWith = (context: Record<string, unknown>, deployedVersion: string) =>
  readLabConfig(context, { today: TEST_DAY, deployed: { kubernetesVersion: deployedVersion } });

describe('deployed lab state', () => {
  test('cdk deploy writes the outputs to the file the lab reads, which git ignores', () => {
    const cdkJson = JSON.parse(readFileSync(join(PROJECT, 'cdk.json'), 'utf8')) as { outputsFile?: string };
    expect(cdkJson.outputsFile).toBe(OUTPUTS_FILE);
    expect(readFileSync(join(PROJECT, '.gitignore'), 'utf8').split('\n')).toContain(OUTPUTS_FILE);
  });

  test('the LabState output of a deploy reads back as the deployed Kubernetes version', () => {
    const outputs = outputsFileAfterDeploying({ kubernetesVersion: '1.33' });
    expect(deployedLabStateFrom(outputs, 'NetworkingLabStack')).toEqual({ kubernetesVersion: '1.33' });
    expect(deployedLabStateFrom(outputs, 'OtherStack')).toBeUndefined();
    expect(deployedLabStateFrom({}, 'NetworkingLabStack')).toBeUndefined();
  });

  test('the same version or one minor up is accepted', () => {
    expect(readWith({ kubernetesVersion: '1.33' }, '1.33').kubernetesVersion.version).toBe('1.33');
    expect(readWith({ kubernetesVersion: '1.34' }, '1.33').kubernetesVersion.version).toBe('1.34');
  });

  test('skipping a minor version is refused, naming the key, the value, what is allowed and what to do', () => {
    expect(() => readWith({ kubernetesVersion: '1.35' }, '1.33')).toThrow(
      /'kubernetesVersion': received "1\.35"; allowed: 1\.33 \(deployed\) or 1\.34 \(one minor version up\)\. .*Deploy 1\.34 first/,
    );
  });

  test('lowering the version is refused with the way back (destroy and deploy again)', () => {
    expect(() => readWith({ kubernetesVersion: '1.32' }, '1.33')).toThrow(/received "1\.32".*cdk destroy/);
  });

  test('without a deployed state (a fresh machine, no outputs file) nothing is refused', () => {
    expect(readLabConfig({ kubernetesVersion: '1.32' }, { today: TEST_DAY }).kubernetesVersion.version).toBe('1.32');
  });
});

describe('the admin access entry of a deployed lab', () => {
  const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
  const deployedWithAdmin = deployedLabStateFrom(
    outputsFileAfterDeploying({ kubernetesVersion: '1.33', adminPrincipalArn: ADMIN }),
    'NetworkingLabStack',
  );
  const readAfterAdminDeploy = (context: Record<string, unknown>) =>
    readLabConfig({ kubernetesVersion: '1.33', ...context }, { today: TEST_DAY, deployed: deployedWithAdmin });

  test('the LabState output records the admin principal, read back from the outputs file', () => {
    expect(deployedWithAdmin?.adminPrincipalArn).toBe(ADMIN);
  });

  test('a deploy that forgot adminPrincipalArn is refused, saying where to set it once and how to remove it on purpose', () => {
    expect(() => readAfterAdminDeploy({})).toThrow(
      /'adminPrincipalArn': received "\(not set\)"; allowed: arn:aws:iam::111122223333:role\/Admin \(deployed\).*cdk\.json.*adminPrincipalArn=none/,
    );
  });

  test('the same or another principal is accepted', () => {
    expect(readAfterAdminDeploy({ adminPrincipalArn: ADMIN }).adminPrincipalArn).toBe(ADMIN);
    const other = 'arn:aws:iam::111122223333:user/learner';
    expect(readAfterAdminDeploy({ adminPrincipalArn: other }).adminPrincipalArn).toBe(other);
  });

  test('adminPrincipalArn=none is accepted after an admin deploy and leaves no principal to grant', () => {
    const config = readAfterAdminDeploy({ adminPrincipalArn: 'none' });
    expect(config.adminPrincipalArn).toBeUndefined();
    expect(config.adminAccessDeclined).toBe(true);
  });

  test('a lab deployed without admin access may keep deploying without it', () => {
    const withoutAdmin = deployedLabStateFrom(
      outputsFileAfterDeploying({ kubernetesVersion: '1.33' }),
      'NetworkingLabStack',
    );
    expect(withoutAdmin?.adminPrincipalArn).toBeUndefined();
    expect(
      readLabConfig({ kubernetesVersion: '1.33' }, { today: TEST_DAY, deployed: withoutAdmin }).adminPrincipalArn,
    ).toBeUndefined();
  });
});
