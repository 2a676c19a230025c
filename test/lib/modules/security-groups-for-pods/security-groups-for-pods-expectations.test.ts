import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabConfig } from '../../../../lib/config/lab-config';
import {
  CATALOG_DATABASE_PROBE,
  interpretBranchEniAnnotation,
  interpretCatalogDatabaseProbe,
  interpretCatalogDns,
  interpretCatalogPodSecurityGroup,
  interpretDeployedRdsIsolation,
  interpretRdsOnlyFromPodGroup,
  interpretTrunkInterfaces,
  securityGroupsForPodsExpectations,
  UI_DATABASE_PROBE,
} from '../../../../lib/modules/security-groups-for-pods/security-groups-for-pods-expectations';
import type { CfnResourceJson, LabTemplate } from '../../../../lib/verify/cfn-template';
import type { CommandResult, LabExpectation, LiveContext } from '../../../../lib/verify/lab-expectation';
import { readLabConfig } from '../../../../lib/lab-app';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

let lab: SynthesizedOutput;
let both: SynthesizedOutput;

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
  both = synthesizedOutputForTest({ modules: 'custom-networking,security-groups-for-pods' });
});

const expectation = (config: LabConfig, id: string): LabExpectation => {
  const found = securityGroupsForPodsExpectations(config).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no expectation ${id}`);
  return found;
};
const check = (which: SynthesizedOutput, id: string) => expectation(which.config, id).checkOffline(which);

const IDS = [
  'security-groups-for-pods/security-group-policy-applied',
  'security-groups-for-pods/catalog-to-rds',
  'security-groups-for-pods/other-pods-to-rds',
  'security-groups-for-pods/ui-to-catalog',
  'security-groups-for-pods/catalog-dns',
  'security-groups-for-pods/trunk-eni-attached',
  'security-groups-for-pods/catalog-pods-pod-security-group',
  'security-groups-for-pods/rds-only-from-pod-group',
  'app/catalog-to-catalog-mysql',
];

/** A copy of the lab whose templates went through `edit` (resources by logical id, per stack). */
function editTemplates(
  which: SynthesizedOutput,
  edit: (resources: Record<string, CfnResourceJson>, stackPath: string) => void,
): SynthesizedOutput {
  const templates: LabTemplate[] = which.templates.map(({ stackPath, template }) => {
    const copy = JSON.parse(JSON.stringify(template)) as { Resources: Record<string, CfnResourceJson> };
    edit(copy.Resources, stackPath);
    return { stackPath, template: copy };
  });
  return { ...which, templates };
}

const isType = (resource: CfnResourceJson, type: string) => resource.Type === type;
const props = (resource: CfnResourceJson) => resource.Properties as Record<string, unknown>;
function removeWhere(predicate: (resource: CfnResourceJson) => boolean) {
  return (resources: Record<string, CfnResourceJson>) => {
    for (const [id, resource] of Object.entries(resources)) if (predicate(resource)) delete resources[id];
  };
}
const podGroup = (resource: CfnResourceJson) =>
  isType(resource, 'AWS::EC2::SecurityGroup') &&
  props(resource).GroupDescription === 'Applied to catalog application pods';
const rdsGroup = (resource: CfnResourceJson) =>
  isType(resource, 'AWS::EC2::SecurityGroup') && props(resource).GroupDescription === 'Catalog RDS security group';
const rdsIngress = (resource: CfnResourceJson) =>
  isType(resource, 'AWS::EC2::SecurityGroupIngress') && props(resource).FromPort === 3306;
const dnsRule = (protocol: string) => (resource: CfnResourceJson) =>
  isType(resource, 'AWS::EC2::SecurityGroupIngress') &&
  props(resource).FromPort === 53 &&
  props(resource).IpProtocol === protocol;

describe('offline, from the synthesized lab', () => {
  test.each(IDS)('%s passes with the module alone', (id) => {
    const outcome = check(lab, id);
    expect(outcome).toMatchObject({ pass: true });
  });

  test.each(IDS)('%s passes with custom-networking on too (pods on 100.64.0.0/16)', (id) => {
    expect(check(both, id)).toMatchObject({ pass: true });
  });

  test('explains the verdict with the deciding rules', () => {
    expect(check(lab, 'security-groups-for-pods/catalog-to-rds').actual).toMatch(
      /catalog pod -> RDS eks-workshop-catalog \(database catalog\) tcp\/3306 allowed: .*ingress tcp\/3306 from CatalogPodSecurityGroup\w+ \("MySQL access from specific security group"\)/,
    );
    expect(check(lab, 'security-groups-for-pods/other-pods-to-rds').actual).toMatch(
      /blocked: no ingress rule of CatalogDatabaseSecurityGroup/,
    );
  });
});

describe('offline checks fail when the templates change', () => {
  test('catalog-to-rds fails without the RDS ingress rule', () => {
    const outcome = check(editTemplates(lab, removeWhere(rdsIngress)), 'security-groups-for-pods/catalog-to-rds');
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toMatch(
      /blocked: no ingress rule of CatalogDatabaseSecurityGroup\w+ .* allows tcp\/3306 from catalog pod/,
    );
  });

  test('catalog-to-rds fails when the rule admits 3307 instead of 3306', () => {
    const edited = editTemplates(lab, (resources) => {
      for (const resource of Object.values(resources))
        if (rdsIngress(resource)) Object.assign(props(resource), { FromPort: 3307, ToPort: 3307 });
    });
    expect(check(edited, 'security-groups-for-pods/catalog-to-rds').pass).toBe(false);
  });

  test('other-pods-to-rds fails when the RDS group also admits the VPC CIDR', () => {
    const edited = editTemplates(lab, (resources) => {
      for (const resource of Object.values(resources)) {
        if (rdsGroup(resource))
          props(resource).SecurityGroupIngress = [
            { IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, CidrIp: '10.42.0.0/16' },
          ];
      }
    });
    const outcome = check(edited, 'security-groups-for-pods/other-pods-to-rds');
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toMatch(/allowed: .*ingress tcp\/3306 from 10\.42\.0\.0\/16/);
  });

  test('other-pods-to-rds fails when the RDS rule admits the cluster security group instead of the pod group', () => {
    const edited = editTemplates(lab, (resources, stackPath) => {
      if (stackPath === 'NetworkingLabStack') return;
      const parameter = Object.values(resources)
        .filter(dnsRule('udp'))
        .map((resource) => props(resource).GroupId)[0];
      for (const resource of Object.values(resources))
        if (rdsIngress(resource)) props(resource).SourceSecurityGroupId = parameter;
    });
    expect(check(edited, 'security-groups-for-pods/other-pods-to-rds').pass).toBe(false);
    expect(check(edited, 'security-groups-for-pods/catalog-to-rds').pass).toBe(false);
  });

  test('ui-to-catalog fails without the 8080 rule, and when it admits another range', () => {
    const without = editTemplates(lab, (resources) => {
      for (const resource of Object.values(resources))
        if (podGroup(resource)) delete props(resource).SecurityGroupIngress;
    });
    expect(check(without, 'security-groups-for-pods/ui-to-catalog')).toMatchObject({ pass: false });
    const narrower = editTemplates(lab, (resources) => {
      for (const resource of Object.values(resources)) {
        if (podGroup(resource))
          props(resource).SecurityGroupIngress = [
            { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.42.96.0/19' },
          ];
      }
    });
    const outcome = check(narrower, 'security-groups-for-pods/ui-to-catalog');
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toMatch(/allowed only for some addresses/);
  });

  test('ui-to-catalog fails with custom networking when only the VPC CIDR is admitted', () => {
    const edited = editTemplates(both, (resources) => {
      for (const resource of Object.values(resources)) {
        if (podGroup(resource)) {
          props(resource).SecurityGroupIngress = (props(resource).SecurityGroupIngress as { CidrIp: string }[]).filter(
            (rule) => rule.CidrIp === '10.42.0.0/16',
          );
        }
      }
    });
    expect(check(edited, 'security-groups-for-pods/ui-to-catalog').pass).toBe(false);
  });

  test.each(['udp', 'tcp'])('catalog-dns fails without the DNS %s rule on the cluster security group', (protocol) => {
    const outcome = check(editTemplates(lab, removeWhere(dnsRule(protocol))), 'security-groups-for-pods/catalog-dns');
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toMatch(
      new RegExp(`CoreDNS ${protocol}/53 blocked: no ingress rule of EKS cluster security group`),
    );
  });

  test('without the SecurityGroupPolicy the catalog pod carries the cluster group and cannot reach RDS', () => {
    const withoutPolicy = {
      ...lab,
      kubernetesObjects: lab.kubernetesObjects.filter(({ object }) => object.kind !== 'SecurityGroupPolicy'),
    };
    expect(check(withoutPolicy, 'security-groups-for-pods/catalog-to-rds').pass).toBe(false);
    expect(check(withoutPolicy, 'security-groups-for-pods/security-group-policy-applied')).toMatchObject({
      pass: false,
      actual: 'no SecurityGroupPolicy catalog-rds-access selects the catalog pods',
    });
  });

  test('security-group-policy-applied fails when the catalog manifest no longer waits for the module stack', () => {
    const edited = editTemplates(lab, (resources, stackPath) => {
      if (stackPath !== 'NetworkingLabStack') return;
      const catalog = lab.kubernetesObjects.find(
        ({ object }) => object.kind === 'Deployment' && object.metadata.name === 'catalog',
      );
      const resource = resources[catalog?.logicalId ?? ''] as { DependsOn?: string | readonly string[] };
      resource.DependsOn = (resource.DependsOn as string[]).filter((id) => !id.startsWith('SecurityGroupsForPods'));
    });
    expect(check(edited, 'security-groups-for-pods/security-group-policy-applied').actual).toMatch(
      /NOT created after the policy/,
    );
  });

  test('catalog-to-rds cannot be evaluated when the catalog ConfigMap points back at catalog-mysql', () => {
    const objects = lab.kubernetesObjects.map((deployed) =>
      deployed.object.kind === 'ConfigMap' && deployed.object.metadata.name === 'catalog'
        ? {
            ...deployed,
            object: { ...deployed.object, data: { RETAIL_CATALOG_PERSISTENCE_ENDPOINT: 'catalog-mysql:3306' } },
          }
        : deployed,
    );
    expect(check({ ...lab, kubernetesObjects: objects }, 'security-groups-for-pods/catalog-to-rds')).toEqual({
      pass: false,
      actual:
        'cannot be evaluated: the catalog does not use an RDS instance of the lab (catalog-mysql:3306 (not an RDS endpoint of the lab))',
    });
  });
});

describe('live checks', () => {
  const context = (): LiveContext => ({ clusterName: 'eks-workshop', stackOutputs: {}, lab });
  const ok = (stdout: string, stderr = ''): CommandResult => ({ exitCode: 0, stdout, stderr });
  const failed = (stderr: string, exitCode = 1): CommandResult => ({ exitCode, stdout: '', stderr });

  test('commands: the branch ENI annotation of the catalog service pods, as workshop step 13', () => {
    const commands = expectation(lab.config, 'security-groups-for-pods/security-group-policy-applied').live?.commands(
      context(),
    );
    expect(commands).toEqual([
      {
        program: 'kubectl',
        args: ['get', 'pods', '-n', 'catalog', '-l', 'app.kubernetes.io/component=service', '-o', 'json'],
      },
    ]);
  });

  test('commands: a TCP probe from inside the catalog container to its configured endpoint, plus its log', () => {
    const commands = expectation(lab.config, 'security-groups-for-pods/catalog-to-rds').live?.commands(context());
    expect(commands?.[0].args).toEqual([
      'exec',
      '-n',
      'catalog',
      'deployment/catalog',
      '-c',
      'catalog',
      '--',
      'sh',
      '-c',
      CATALOG_DATABASE_PROBE,
    ]);
    expect(CATALOG_DATABASE_PROBE).toContain('$RETAIL_CATALOG_PERSISTENCE_ENDPOINT');
    expect(commands?.[1].args).toEqual(['logs', '-n', 'catalog', 'deployment/catalog', '-c', 'catalog', '--tail=500']);
  });

  test('commands: the deployed groups by the workshop names', () => {
    const commands = expectation(lab.config, 'security-groups-for-pods/other-pods-to-rds').live?.commands(context());
    expect(commands?.map((command) => command.args.join(' '))).toEqual([
      'ec2 describe-security-groups --filters Name=tag:Name,Values=eks-workshop-catalog-rds --output json',
      'ec2 describe-security-groups --filters Name=group-name,Values=eks-workshop-catalog --output json',
      'ec2 describe-security-groups --filters Name=tag:aws:eks:cluster-name,Values=eks-workshop --output json',
    ]);
  });

  describe('branch ENI annotation (workshop step 13 output)', () => {
    const pod = (name: string, annotations: Record<string, string>, extra: Record<string, unknown> = {}) => ({
      metadata: { name, annotations, ...extra },
      status: { phase: 'Running' },
    });
    const ANNOTATION =
      '[{"eniId":"eni-0a1b2c3d4e5f67890","ifAddress":"02:23:a2:af:a2:1f","privateIp":"10.42.10.154","vlanId":2,"subnetCidr":"10.42.0.0/19"}]';

    test('passes when every running catalog service pod has a branch ENI', () => {
      const outcome = interpretBranchEniAnnotation([
        ok(JSON.stringify({ items: [pod('catalog-5d7fc9d8f-xm4hs', { 'vpc.amazonaws.com/pod-eni': ANNOTATION })] })),
      ]);
      expect(outcome).toEqual({ pass: true, actual: 'catalog-5d7fc9d8f-xm4hs: branch ENI eni-0a1b2c3d4e5f67890' });
    });

    test('fails for a pod created before the policy (no annotation); ignores terminating pods', () => {
      const items = [
        pod('catalog-old', {}, { deletionTimestamp: '2026-11-26T00:00:00Z' }),
        pod('catalog-new', { 'prometheus.io/scrape': 'true' }),
      ];
      expect(interpretBranchEniAnnotation([ok(JSON.stringify({ items }))])).toEqual({
        pass: false,
        actual: 'no vpc.amazonaws.com/pod-eni annotation on catalog-new',
      });
    });

    test('fails when no pod runs or kubectl fails', () => {
      expect(interpretBranchEniAnnotation([ok('{"items":[]}')]).pass).toBe(false);
      expect(
        interpretBranchEniAnnotation([failed('error: You must be logged in to the server (Unauthorized)')]).actual,
      ).toMatch(/Unauthorized/);
    });
  });

  describe('catalog -> RDS probe', () => {
    const RDS = 'eks-workshop-catalog.cjkatqd1cnrz.us-west-2.rds.amazonaws.com';
    const MIGRATED = `Using mysql database ${RDS}:3306\nRunning database migration...\nDatabase migration complete\n`;
    const TIMED_OUT = `Using mysql database ${RDS}:3306\n[error] failed to initialize database, got error dial tcp 10.42.171.154:3306: i/o timeout\npanic: failed to connect database\n`;

    test('connected', () => {
      expect(interpretCatalogDatabaseProbe([ok(`target=${RDS}:3306\nprobe-exit=0\n`), ok(MIGRATED)])).toEqual({
        pass: true,
        actual: `connected to ${RDS}:3306`,
      });
    });

    test('timed out (security groups drop the SYN)', () => {
      const outcome = interpretCatalogDatabaseProbe([ok(`target=${RDS}:3306\nprobe-exit=124\n`), ok(TIMED_OUT)]);
      expect(outcome).toMatchObject({
        pass: false,
        actual: `timed out connecting to ${RDS}:3306 (security groups drop the traffic)`,
      });
    });

    test('connected, but to the in-cluster MySQL', () => {
      expect(interpretCatalogDatabaseProbe([ok('target=catalog-mysql:3306\nprobe-exit=0\n'), ok('')]).pass).toBe(false);
    });

    test('falls back to the start-up log when the image has no shell (workshop step 12 / step 7 output)', () => {
      const noShell = failed(
        'error: Internal error occurred: error executing command in container: exec: "sh": executable file not found in $PATH',
        126,
      );
      expect(interpretCatalogDatabaseProbe([noShell, ok(MIGRATED)])).toMatchObject({
        pass: true,
        actual: `connected (catalog log: migrated database at ${RDS}:3306)`,
        notes: [expect.stringMatching(/probe could not run .*executable file not found/)],
      });
      expect(interpretCatalogDatabaseProbe([noShell, ok(TIMED_OUT)])).toMatchObject({
        pass: false,
        actual: expect.stringMatching(/^timed out \(catalog log: .*i\/o timeout/),
      });
      expect(interpretCatalogDatabaseProbe([ok('target=x:3306\nprobe-tool=none\n'), ok('')])).toMatchObject({
        pass: false,
        actual: expect.stringMatching(/^could not run/),
      });
    });
  });

  test('catalog DNS: an address resolves; a failed lookup fails', () => {
    expect(
      interpretCatalogDns([
        ok('10.42.171.154   eks-workshop-catalog.cjkatqd1cnrz.us-west-2.rds.amazonaws.com\n'),
        ok(''),
      ]),
    ).toMatchObject({
      pass: true,
      actual: 'resolved to 10.42.171.154',
    });
    expect(interpretCatalogDns([failed('', 2), ok('')]).pass).toBe(false);
  });

  describe('deployed RDS isolation from describe-security-groups', () => {
    const group = (
      id: string,
      name: string,
      ingress: unknown[],
      egress: unknown[] = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    ) =>
      ok(
        JSON.stringify({
          SecurityGroups: [{ GroupId: id, GroupName: name, IpPermissions: ingress, IpPermissionsEgress: egress }],
        }),
      );
    const rds = (pairs: string[]) =>
      group(
        'sg-0aaa00000000000a1',
        'eks-workshop-catalog-rds-20261126',
        [
          {
            IpProtocol: 'tcp',
            FromPort: 3306,
            ToPort: 3306,
            UserIdGroupPairs: pairs.map((GroupId) => ({ GroupId })),
            IpRanges: [],
          },
        ],
        [],
      );
    const pod = group('sg-0bbb00000000000b2', 'eks-workshop-catalog', [
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [{ CidrIp: '10.42.0.0/16' }] },
    ]);
    const cluster = group('sg-0ccc00000000000c3', 'eks-cluster-sg-eks-workshop-123', [
      { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0ccc00000000000c3' }] },
    ]);

    test('passes when only the pod group reaches 3306', () => {
      const outcome = interpretDeployedRdsIsolation([rds(['sg-0bbb00000000000b2']), pod, cluster], lab.config);
      expect(outcome.pass).toBe(true);
      expect(outcome.actual).toMatch(
        /a pod with the cluster group -> RDS tcp\/3306 blocked.*a catalog pod -> RDS tcp\/3306 allowed/,
      );
    });

    test('fails when the cluster group is admitted too, or a group is missing', () => {
      expect(
        interpretDeployedRdsIsolation([rds(['sg-0bbb00000000000b2', 'sg-0ccc00000000000c3']), pod, cluster], lab.config)
          .pass,
      ).toBe(false);
      expect(interpretDeployedRdsIsolation([ok('{"SecurityGroups":[]}'), pod, cluster], lab.config).actual).toMatch(
        /expected exactly one RDS group/,
      );
      expect(
        interpretDeployedRdsIsolation([failed('Unable to locate credentials'), pod, cluster], lab.config).actual,
      ).toMatch(/command 1: aws failed/);
    });
  });
});

describe('live checks on recorded cluster output', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live/security-groups-for-pods');
  const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
  /** A recorded `kubectl get` / `aws ... describe` answer, as printed. */
  const recorded = (name: string): CommandResult => ({ exitCode: 0, stdout: read(name), stderr: '' });
  /** A recorded `kubectl exec` answer, with its exit code and both streams. */
  const recordedExec = (name: string): CommandResult => JSON.parse(read(name)) as CommandResult;
  const context = (): LiveContext => ({ clusterName: 'eks-workshop', stackOutputs: {}, lab });
  const live = (id: string) => expectation(lab.config, id).live!;

  describe('trunk ENI (workshop index: aws-k8s-trunk-eni)', () => {
    test('reads the node labels and the trunk interfaces', () => {
      expect(live('security-groups-for-pods/trunk-eni-attached').commands(context())).toEqual([
        { program: 'kubectl', args: ['get', 'nodes', '-o', 'json'] },
        {
          program: 'aws',
          args: [
            'ec2',
            'describe-network-interfaces',
            '--filters',
            'Name=interface-type,Values=trunk',
            '--output',
            'json',
          ],
        },
      ]);
    });

    test('passes when each default (m5.large) node is labelled and has a trunk attached', () => {
      const outcome = live('security-groups-for-pods/trunk-eni-attached').interpret(
        [recorded('nodes-trunk-attached.json'), recorded('describe-trunk-interfaces.json')],
        context(),
      );
      expect(outcome).toEqual({
        pass: true,
        actual:
          'ip-10-42-104-27.us-west-2.compute.internal: vpc.amazonaws.com/has-trunk-attached=true, trunk ENI eni-0d1e2f3a4b5c60001; ' +
          'ip-10-42-139-190.us-west-2.compute.internal: vpc.amazonaws.com/has-trunk-attached=true, trunk ENI eni-0d1e2f3a4b5c60002; ' +
          'ip-10-42-171-52.us-west-2.compute.internal: vpc.amazonaws.com/has-trunk-attached=true, trunk ENI eni-0d1e2f3a4b5c60003',
      });
    });

    test('fails while a node waits for its trunk (label false, no trunk interface)', () => {
      const outcome = interpretTrunkInterfaces(
        [recorded('nodes-trunk-pending.json'), recorded('describe-trunk-interfaces-one-missing.json')],
        ['default'],
      );
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toContain(
        'ip-10-42-139-190.us-west-2.compute.internal: vpc.amazonaws.com/has-trunk-attached=false, trunk ENI none',
      );
    });
  });

  describe('catalog pods get the pod security group (workshop steps 13 and 14)', () => {
    test('reads the pods, their SecurityGroupRequested events and the interfaces of <cluster>-catalog', () => {
      const commands = live('security-groups-for-pods/catalog-pods-pod-security-group').commands(context());
      expect(commands.map((command) => [command.program, ...command.args].join(' '))).toEqual([
        'kubectl get pods -n catalog -l app.kubernetes.io/component=service -o json',
        'kubectl get events -n catalog --field-selector=reason=SecurityGroupRequested -o json',
        'aws ec2 describe-network-interfaces --filters Name=group-name,Values=eks-workshop-catalog --output json',
      ]);
    });

    test('passes when the branch ENI carries the group and the event requested it', () => {
      const outcome = interpretCatalogPodSecurityGroup(
        [
          recorded('catalog-pods.json'),
          recorded('catalog-events.json'),
          recorded('describe-catalog-group-interfaces.json'),
        ],
        'eks-workshop-catalog',
      );
      expect(outcome).toEqual({
        pass: true,
        actual:
          'eks-workshop-catalog is sg-0bbb00000000000b2; catalog-5d7fc9d8f-xm4hs: branch ENI eni-0a1b2c3d4e5f67890 ' +
          'has eks-workshop-catalog; event requested sg-0bbb00000000000b2',
      });
    });

    test('passes with a note once the API server has dropped the event', () => {
      const outcome = interpretCatalogPodSecurityGroup(
        [
          recorded('catalog-pods.json'),
          recorded('catalog-events-expired.json'),
          recorded('describe-catalog-group-interfaces.json'),
        ],
        'eks-workshop-catalog',
      );
      expect(outcome.pass).toBe(true);
      expect(outcome.notes).toEqual([
        'catalog-5d7fc9d8f-xm4hs: no SecurityGroupRequested event (the API server keeps events for 1 hour by default)',
      ]);
    });

    test('fails for a pod created before the policy: no branch ENI, so not the pod group', () => {
      const outcome = interpretCatalogPodSecurityGroup(
        [
          recorded('catalog-pods-created-before-policy.json'),
          recorded('catalog-events-expired.json'),
          recorded('describe-catalog-group-interfaces.json'),
        ],
        'eks-workshop-catalog',
      );
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toContain(
        'catalog-6f8b7c5d9-p4k7s: branch ENI (no annotation) does NOT have eks-workshop-catalog',
      );
    });

    test('fails when the event requested another group than the pod group', () => {
      const events = read('catalog-events.json').replace('[sg-0bbb00000000000b2]', '[sg-0ccc00000000000c3]');
      const outcome = interpretCatalogPodSecurityGroup(
        [
          recorded('catalog-pods.json'),
          { exitCode: 0, stdout: events, stderr: '' },
          recorded('describe-catalog-group-interfaces.json'),
        ],
        'eks-workshop-catalog',
      );
      expect(outcome.pass).toBe(false);
    });
  });

  describe('a real connection to RDS: ui (cluster group only) against catalog (pod group)', () => {
    test('execs one read-only probe in ui that asks the catalog for its endpoint, then the catalog probe and log', () => {
      const commands = live('security-groups-for-pods/rds-only-from-pod-group').commands(context());
      expect(commands.map((command) => command.args.slice(0, 8))).toEqual([
        ['exec', '-n', 'ui', 'deployment/ui', '-c', 'ui', '--', 'sh'],
        ['exec', '-n', 'catalog', 'deployment/catalog', '-c', 'catalog', '--', 'sh'],
        ['logs', '-n', 'catalog', 'deployment/catalog', '-c', 'catalog', '--tail=500'],
      ]);
      expect(commands[0].args.at(-1)).toBe(UI_DATABASE_PROBE);
      expect(UI_DATABASE_PROBE).toContain('curl -s --max-time 5 http://catalog.catalog.svc:80/topology');
      expect(UI_DATABASE_PROBE).toContain(
        'curl -v -s -o /dev/null --connect-timeout 5 --max-time 8 "telnet://$target"',
      );
      expect(commands[1].args.at(-1)).toBe(CATALOG_DATABASE_PROBE);
    });

    test('passes when the ui attempt times out and the catalog connects to the same endpoint', () => {
      const outcome = interpretRdsOnlyFromPodGroup([
        recordedExec('ui-rds-probe-timed-out.result.json'),
        recordedExec('catalog-rds-probe-connected.result.json'),
        recorded('catalog-logs-migrated.txt'),
      ]);
      expect(outcome).toEqual({
        pass: true,
        actual:
          'ui -> eks-workshop-catalog.cjkatqd1cnrz.us-west-2.rds.amazonaws.com:3306: timed out ' +
          '(* Failed to connect to eks-workshop-catalog.cjkatqd1cnrz.us-west-2.rds.amazonaws.com port 3306 after 5001 ms: Timeout was reached); ' +
          'catalog: connected to eks-workshop-catalog.cjkatqd1cnrz.us-west-2.rds.amazonaws.com:3306',
      });
    });

    test('fails when the ui connects too (the RDS group admits more than the pod group)', () => {
      const outcome = interpretRdsOnlyFromPodGroup([
        recordedExec('ui-rds-probe-connected.result.json'),
        recordedExec('catalog-rds-probe-connected.result.json'),
        recorded('catalog-logs-migrated.txt'),
      ]);
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toMatch(/^ui -> \S+: connected \(\* Connected to /);
    });

    test('says when network policies may also drop the ui probe', () => {
      const config = readLabConfig({ modules: 'network-policies,security-groups-for-pods' }, { today: TEST_DAY });
      const outcome = expectation(config, 'security-groups-for-pods/rds-only-from-pod-group').live!.interpret(
        [
          recordedExec('ui-rds-probe-timed-out.result.json'),
          recordedExec('catalog-rds-probe-connected.result.json'),
          recorded('catalog-logs-migrated.txt'),
        ],
        context(),
      );
      expect(outcome.pass).toBe(true);
      expect(outcome.notes).toEqual([expect.stringMatching(/^network-policies is on: the ui egress policy/)]);
    });

    test('fails when the ui cannot learn the endpoint from the catalog', () => {
      const noTopology: CommandResult = {
        exitCode: 3,
        stdout: 'no databaseEndpoint in: \n',
        stderr: 'command terminated with exit code 3\n',
      };
      expect(
        interpretRdsOnlyFromPodGroup([
          noTopology,
          recordedExec('catalog-rds-probe-connected.result.json'),
          recorded('catalog-logs-migrated.txt'),
        ]),
      ).toEqual({
        pass: false,
        actual: 'ui probe could not find the database endpoint: command terminated with exit code 3',
      });
    });
  });
});
