import { EXIT_OK, main } from '../../bin/cost';
import { EXIT_USAGE } from '../../lib/cli/cli-io';
import type { CostLineItem, LabCost } from '../../lib/cost/lab-cost';
import { PRICE_TABLE } from '../../lib/cost/price-table';
import { MODULE_NAMES } from '../../lib/modules/module-registry';
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

const EVERYTHING = [
  '-c',
  `modules=${MODULE_NAMES.join(',')}`,
  '-c',
  'exposeUi=true',
  '-c',
  'inboundCidrs=203.0.113.0/24',
];

const jsonCost = (argv: string[]) => JSON.parse(run([...argv, '--json']).stdout) as LabCost & { excluded: string };
const TOTAL_LINE = /^ {2}Total +\$(\d+\.\d{4})\/hour +\$(\d+\.\d{2})\/day +\$(\d+\.\d{2})\/month$/m;

describe('npm run cost', () => {
  test('prints the line items, the total per hour, day and month, the Region, the date of the prices and what is excluded', () => {
    const { code, stdout, stderr } = run([]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(stdout).toContain(`in ${PRICE_TABLE.region}, on-demand prices of ${PRICE_TABLE.checkedOn}`);
    expect(stdout).toMatch(/^base +EKS cluster \S+, standard support +1 cluster +\$0\.10\/hour/m);
    expect(stdout).toMatch(/^Excluded: data transfer.*LCUs.*requests/m);
    const total = TOTAL_LINE.exec(stdout);
    expect(total).not.toBeNull();
    const [, hourly, daily, monthly] = total!.map(Number);
    expect(daily).toBeCloseTo(hourly * 24, 1);
    expect(monthly).toBeCloseTo(hourly * 24 * 30, 0);
  });

  test('the printed total is the sum of the priced line items of the JSON estimate', () => {
    const cost = jsonCost([]);
    const sum = cost.lineItems.reduce((total: number, item: CostLineItem) => total + (item.hourlyUsd ?? 0), 0);
    expect(cost.total.hourlyUsd).toBeCloseTo(sum, 10);
    expect(TOTAL_LINE.exec(run([]).stdout)![1]).toBe(cost.total.hourlyUsd.toFixed(4));
    expect(cost.excluded).toContain('data transfer');
  });

  test('with every module and exposeUi, prints the cost of the base, of each module and of exposeUi', () => {
    const { code, stdout } = run(EVERYTHING);
    expect(code).toBe(EXIT_OK);
    const byPart = stdout.slice(stdout.indexOf('By part:'));
    for (const part of ['base', ...MODULE_NAMES, 'exposeUi=true']) {
      expect(byPart).toMatch(new RegExp(`^ {2}${part} +\\$\\d+\\.\\d{4}/hour`, 'm'));
    }
    expect(stdout).toMatch(/^exposeUi=true +Network Load Balancer/m);
    // The hybrid lab's ALB exists in its remote-workloads stage only (the Ingress of nginx-remote).
    expect(stdout).not.toMatch(/^hybrid-nodes +Application Load Balancer/m);
    expect(run([...EVERYTHING, '-c', 'hybridNodes.stage=remote-workloads']).stdout).toMatch(
      /^hybrid-nodes +Application Load Balancer/m,
    );
    // The hybrid node fee has no stored source: the estimate is marked and explained.
    expect(stdout).toMatch(/EKS Hybrid Nodes.*\$0\.02\/vCPU-hour \*/);
    expect(stdout).toContain('* estimate: no source gives this exact figure');
  });

  test('enabling modules costs more than the base lab', () => {
    expect(jsonCost(EVERYTHING).total.hourlyUsd).toBeGreaterThan(jsonCost([]).total.hourlyUsd);
  });

  test('context of cdk.json is the starting point and -c overrides it', () => {
    const fromProject = run([], { modules: 'vpc-lattice' });
    expect(fromProject.stdout).toMatch(/^vpc-lattice +VPC Lattice service/m);
    const overridden = run(['-c', 'modules=[]'], { modules: 'vpc-lattice' });
    expect(overridden.code).toBe(EXIT_OK);
    expect(overridden.stdout).not.toMatch(/VPC Lattice service/);
  });

  test('--help prints the usage and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Usage: npm run cost');
  });

  test('bad usage exits 2 with the usage; a bad value names the key', () => {
    const unknown = run(['--nope']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('Unknown option "--nope".');
    expect(unknown.stderr).toContain('Usage: npm run cost');
    const positional = run(['base']);
    expect(positional.code).toBe(EXIT_USAGE);
    const pair = run(['-c', 'modules']);
    expect(pair.code).toBe(EXIT_USAGE);
    expect(pair.stderr).toContain('"modules" is not key=value');
    const value = run(['-c', 'modules=no-such-module']);
    expect(value.code).toBe(EXIT_USAGE);
    expect(value.stderr).toContain('modules');
    expect(value.stderr).toContain('no-such-module');
  });
});
