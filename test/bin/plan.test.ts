import { EXIT_OK, EXIT_REFUSED, main } from '../../bin/plan';
import { EXIT_USAGE } from '../../lib/cli/cli-io';
import { RESOURCE_DURATIONS } from '../../lib/plan/resource-durations';
import type { SynthesizeOutput } from '../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

/** Each configuration's output is synthesized once per test run (shared through the run's cache). */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);

function run(argv: string[], projectContext: Record<string, unknown> = {}) {
  let stdout = '';
  let stderr = '';
  const code = main(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    synthesize,
    () => projectContext,
  );
  return { code, stdout, stderr };
}

describe('npm run plan', () => {
  test('without a change, prints the create and delete estimates with the cluster on the critical path', () => {
    const { code, stdout } = run([]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^Create: about \d+\.\d min/m);
    expect(stdout).toMatch(/^Delete: about \d+\.\d min/m);
    const cluster = (RESOURCE_DURATIONS['AWS::EKS::Cluster'].create / 60).toFixed(1);
    expect(stdout).toContain(`(AWS::EKS::Cluster, ${cluster} min)`);
  });

  test('the estimate of a fresh deploy is within the lab targets: base under 30 min, all modules under 40, delete no longer', () => {
    const estimate = (context: string[]) => {
      const parsed = JSON.parse(run([...context, '--json']).stdout) as { createSeconds: number; deleteSeconds: number };
      return { create: parsed.createSeconds / 60, delete: parsed.deleteSeconds / 60 };
    };
    const base = estimate([]);
    expect(base.create).toBeLessThan(30);
    expect(base.delete).toBeLessThanOrEqual(base.create);
    const all = estimate([
      '-c',
      'modules=custom-networking,prefix-delegation,network-policies,security-groups-for-pods,vpc-lattice,hybrid-nodes',
      '-c',
      'exposeUi=true',
      '-c',
      'inboundCidrs=203.0.113.0/24',
    ]);
    expect(all.create).toBeLessThanOrEqual(40);
    expect(all.delete).toBeLessThanOrEqual(all.create);
  });

  test('switching a module on lists its nested stack as added and nothing of the base replaced', () => {
    const { code, stdout } = run([
      '--from',
      'modules=custom-networking',
      '--to',
      'modules=custom-networking,network-policies',
    ]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^Changes: \d+ add, 0 update, 0 replace, 0 delete$/m);
    expect(stdout).toMatch(/^ {2}add +NetworkPoliciesNestedStack\S+ AWS::CloudFormation::Stack$/m);
    expect(stdout).toContain('Hazards: none');
    expect(stdout).toMatch(/^Update phase: about/m);
  });

  test('context of cdk.json is the starting point and -c overrides it for both sides', () => {
    const { stdout } = run(['-c', 'modules=custom-networking', '--to', 'modules=custom-networking,network-policies'], {
      modules: 'vpc-lattice',
    });
    expect(stdout).toMatch(/^Changes: \d+ add, 0 update, 0 replace, 0 delete$/m);
  });

  test('lowering kubernetesVersion is refused with exit code 1', () => {
    const { code, stdout } = run(['--from', 'kubernetesVersion=1.34', '--to', 'kubernetesVersion=1.33']);
    expect(code).toBe(EXIT_REFUSED);
    expect(stdout).toMatch(/REFUSED kubernetesVersion 1\.34 -> 1\.33/);
  });

  test('a one-minor bump updates the cluster, the node group and the add-ons in place and says the nodes roll', () => {
    const { code, stdout } = run(['--from', 'kubernetesVersion=1.33', '--to', 'kubernetesVersion=1.34', '--json']);
    expect(code).toBe(EXIT_OK);
    const plan = JSON.parse(stdout) as {
      changes: { type: string; action: string; properties: string[] }[];
      hazards: { kind: string }[];
    };
    const of = (type: string) => plan.changes.filter((change) => change.type === type);
    expect(of('AWS::EKS::Cluster')).toEqual([expect.objectContaining({ action: 'update', properties: ['Version'] })]);
    expect(of('AWS::EKS::Nodegroup')).toEqual([expect.objectContaining({ action: 'update', properties: ['Version'] })]);
    expect(of('AWS::EKS::Addon').every((change) => change.action === 'update')).toBe(true);
    expect(plan.hazards.map((hazard) => hazard.kind)).toEqual(['rolling-nodes']);
  });

  test('bad usage exits 2 with the usage; a bad value names the key', () => {
    const unknown = run(['--nope']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('Usage: npm run plan');
    const pair = run(['-c', 'modules']);
    expect(pair.code).toBe(EXIT_USAGE);
    expect(pair.stderr).toContain('"modules" is not key=value');
    const value = run(['--to', 'modules=no-such-module']);
    expect(value.code).toBe(EXIT_USAGE);
    expect(value.stderr).toContain('modules');
    expect(value.stderr).toContain('no-such-module');
  });
});
