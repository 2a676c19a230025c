import { readLabConfig } from '../../../../lib/lab-app';
import { verifyOffline } from '../../../../lib/verify/verify-offline';
import type { KubernetesObjectJson, SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { interpretCatalogTimesOut } from '../../../../lib/modules/security-groups-for-pods/security-groups-for-pods-expectations';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

const stage = (name: string) => ({ modules: 'security-groups-for-pods', 'securityGroupsForPods.stage': name });
let inCluster: SynthesizedOutput;
let withoutPolicy: SynthesizedOutput;
let withPolicy: SynthesizedOutput;

beforeAll(() => {
  inCluster = synthesizedOutputForTest(stage('in-cluster-db'));
  withoutPolicy = synthesizedOutputForTest(stage('rds-without-policy'));
  withPolicy = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
});

const objects = (lab: SynthesizedOutput, kind: string, name?: string): KubernetesObjectJson[] =>
  lab.kubernetesObjects
    .map(({ object }) => object)
    .filter((object) => object.kind === kind && (name === undefined || object.metadata.name === name));
const catalogEndpoint = (lab: SynthesizedOutput) =>
  (objects(lab, 'ConfigMap', 'catalog')[0] as unknown as { data: Record<string, string> }).data
    .RETAIL_CATALOG_PERSISTENCE_ENDPOINT;
const catalogPodTemplate = (lab: SynthesizedOutput) =>
  (objects(lab, 'Deployment', 'catalog')[0].spec as { template: { metadata: { labels: Record<string, string> } } })
    .template;
const verdicts = (lab: SynthesizedOutput) =>
  Object.fromEntries(
    verifyOffline(lab)
      .results.filter(({ expectation }) => expectation.module === 'security-groups-for-pods')
      .map(({ expectation, outcome }) => [expectation.id, `${expectation.expected} => ${outcome.pass}`]),
  );

describe('securityGroupsForPods.stage', () => {
  test('defaults to rds-with-policy and rejects an unknown stage, naming the key and the stages', () => {
    expect(readLabConfig({}, { today: TEST_DAY }).securityGroupsForPods.stage).toBe('rds-with-policy');
    expect(() => readLabConfig({ 'securityGroupsForPods.stage': 'rds' }, { today: TEST_DAY })).toThrow(
      /'securityGroupsForPods.stage': received "rds"; allowed: in-cluster-db, rds-without-policy, rds-with-policy/,
    );
  });

  test('in-cluster-db: RDS and its groups exist, the catalog still uses catalog-mysql, nothing of the policy or credentials', () => {
    expect(
      inCluster.templates.some(({ template }) =>
        Object.values(template.Resources).some((resource) => resource.Type === 'AWS::RDS::DBInstance'),
      ),
    ).toBe(true);
    expect(catalogEndpoint(inCluster)).toBe('catalog-mysql:3306');
    expect(objects(inCluster, 'SecurityGroupPolicy')).toEqual([]);
    expect(objects(inCluster, 'ExternalSecret', 'catalog-rds')).toEqual([]);
  });

  test('rds-without-policy: the catalog points at RDS with its credentials, but no SecurityGroupPolicy selects its pods', () => {
    expect(catalogEndpoint(withoutPolicy)).toMatch(/:3306$/);
    expect(catalogEndpoint(withoutPolicy)).not.toBe('catalog-mysql:3306');
    expect(objects(withoutPolicy, 'ExternalSecret', 'catalog-rds')).toHaveLength(1);
    expect(objects(withoutPolicy, 'SecurityGroupPolicy')).toEqual([]);
    expect(catalogPodTemplate(withoutPolicy).metadata.labels['eks-networking-lab/pod-security-group']).toBeUndefined();
  });

  test('rds-with-policy: the policy exists and the catalog pod template changes, so the next deploy recreates the pods', () => {
    expect(objects(withPolicy, 'SecurityGroupPolicy', 'catalog-rds-access')).toHaveLength(1);
    expect(catalogPodTemplate(withPolicy)).not.toEqual(catalogPodTemplate(withoutPolicy));
    expect(catalogPodTemplate(withPolicy).metadata.labels['eks-networking-lab/pod-security-group']).toBe('catalog');
  });

  test('npm run verify proves each moment: the catalog reaches RDS only once the policy applies', () => {
    expect(verdicts(inCluster)['security-groups-for-pods/catalog-to-rds']).toBeUndefined();
    expect(verdicts(withoutPolicy)['security-groups-for-pods/catalog-to-rds']).toMatch(/blocked.* => true$/);
    expect(verdicts(withPolicy)['security-groups-for-pods/catalog-to-rds']).toMatch(/allowed.* => true$/);
    for (const lab of [inCluster, withoutPolicy, withPolicy]) expect(verifyOffline(lab).failed).toBe(0);
    for (const lab of [withoutPolicy, withPolicy]) {
      expect(verdicts(lab)['security-groups-for-pods/other-pods-to-rds']).toMatch(/blocked.* => true$/);
    }
  });

  test("without the policy, the live check passes on the workshop's timeout log and fails on a successful start", () => {
    const log = (stdout: string) => [{ exitCode: 0, stdout, stderr: '' }];
    expect(
      interpretCatalogTimesOut(
        log(
          'Using mysql database x.rds.amazonaws.com:3306\n[error] failed to initialize database, got error dial tcp 10.42.1.2:3306: i/o timeout',
        ),
      ).pass,
    ).toBe(true);
    expect(interpretCatalogTimesOut(log('Running database migration...\nDatabase migration complete')).pass).toBe(
      false,
    );
  });
});
