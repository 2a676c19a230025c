import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_OK, main } from '../../bin/workshop-env';
import { EXIT_USAGE } from '../../lib/cli/cli-io';

function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const directory = mkdtempSync(join(tmpdir(), 'workshop-env-'));
/** An outputs file as `cdk deploy --outputs-file` writes it: stack name, then output key and value. */
const outputsFile = join(directory, 'cdk-outputs.json');
writeFileSync(
  outputsFile,
  JSON.stringify({
    NetworkingLabStack: {
      WorkshopVpcId: 'vpc-0123456789abcdef0',
      WorkshopEksClusterName: 'eks-workshop',
      WorkshopCheckoutRouteDns: 'http://checkoutroute-checkout-0a1b.7d67968.vpc-lattice-svcs.us-west-2.on.aws',
      UiUrl: 'http://ui-nlb.example',
    },
  }),
);

describe('npm run workshop-env', () => {
  test("prints the deployed lab's workshop variables as export lines a shell evaluates to the same values", () => {
    const { code, stdout } = run(['--outputs-file', outputsFile]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).not.toContain('UiUrl');
    const evaluated = execFileSync(
      'sh',
      ['-c', `${stdout}\nprintf '%s|%s|%s' "$VPC_ID" "$EKS_CLUSTER_NAME" "$CHECKOUT_ROUTE_DNS"`],
      {
        encoding: 'utf8',
      },
    );
    expect(evaluated).toBe(
      'vpc-0123456789abcdef0|eks-workshop|http://checkoutroute-checkout-0a1b.7d67968.vpc-lattice-svcs.us-west-2.on.aws',
    );
  });

  test('without a deployed lab in the file, says to deploy first and exits 2', () => {
    const { code, stderr } = run(['--outputs-file', join(directory, 'missing.json')]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(
      /No outputs of NetworkingLabStack in .*missing\.json: run `npx cdk deploy NetworkingLabStack` first/,
    );
  });

  test('an unknown option is refused with the usage', () => {
    const { code, stderr } = run(['--verbose']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/^Unknown option "--verbose"\./);
    expect(stderr).toContain('Usage: npm run --silent workshop-env');
  });
});
