import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The test files' groups: jest runs each group as one test file (`<group>.suite.ts` in this folder), so the group's
 * files share one module registry. Jest gives every test file a registry of its own, and a file that loads the lab
 * then spends about a second compiling aws-cdk-lib and warming it up before its first synth (0.2 s once warm); run
 * one by one, the 147 files took 107 CPU-seconds (56 s on two cores), in these twelve groups 69 (36 s).
 *
 * A group lists folders under `test/` (not recursive: a folder's own `*.test.ts` files). Every test file belongs to
 * exactly one group (test/architecture/test-groups.test.ts), so a new test file in a listed folder runs with no
 * change here, and a new folder fails that test until it is added. The groups take about equal time (at most about
 * 8 s each), so on two workers no long group runs alone at the end. A file that replaced a module with `jest.mock`
 * would replace it for its whole group; such a file needs a group of its own (none does today).
 */
export const TEST_GROUPS: Readonly<Record<string, readonly string[]>> = {
  // The lifecycle's switch and upgrade pairs: seventeen configurations.
  lifecycle: ['lib', 'lib/plan'],
  'hybrid-nodes': ['lib/modules/hybrid-nodes'],
  'vpc-lattice-and-network-policies': ['lib/modules/vpc-lattice', 'lib/modules/network-policies'],
  'vpc-cni-modules': [
    'lib/modules',
    'lib/modules/custom-networking',
    'lib/modules/prefix-delegation',
    'lib/modules/security-groups-for-pods',
  ],
  'lab-model': ['lib/base', 'lib/config', 'lib/node-groups', 'lib/vpc-cni', 'lib/third-party', 'lib/workshop'],
  verify: ['lib/verify', 'lib/verify/expectations', 'verify', 'verify/expectations', 'walks'],
  'network-policy-analyzer': ['lib/network-policy-analyzer', 'lib/text'],
  'command-line': ['bin', 'lib/cli', 'lib/cost'],
  compliance: ['compliance'],
  snapshots: ['snapshots', 'architecture', 'docs', 'instance-types'],
  constructs: ['constructs', 'constructs/ssm-hybrid-activation'],
  manifests: [
    'manifests',
    'manifests/custom-networking',
    'manifests/hybrid-nodes',
    'manifests/network-policies',
    'manifests/prefix-delegation',
    'manifests/retail-app',
    'manifests/security-groups-for-pods',
    'manifests/vpc-lattice',
  ],
};

/** The root of the test files (`test/`). */
export const TEST_ROOT = join(__dirname, '..');

/** The test files of a folder under `test/`, sorted, as paths relative to `test/`. */
export function testFilesIn(folder: string): string[] {
  return readdirSync(join(TEST_ROOT, folder))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${folder}/${name}`);
}
