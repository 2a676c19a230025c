import { cidr } from '../../../lib/config/ipv4-cidr';
import type { CfnResourceJson, LabTemplate } from '../../../lib/verify/cfn-template';
import {
  externalGroupsFromDescribeSecurityGroups,
  literalGroupKey,
  type NetworkEndpoint,
  parseSecurityGroupProtocol,
  SecurityGroupModel,
} from '../../../lib/verify/security-group-reachability';

const VPC = cidr('10.42.0.0/16');
const ROOT = 'Root';

function template(resources: Record<string, CfnResourceJson>): LabTemplate[] {
  return [{ stackPath: ROOT, template: { Resources: resources } }];
}

const sg = (properties: Record<string, unknown> = {}): CfnResourceJson => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: { GroupDescription: 'test', ...properties },
});
const ref = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'GroupId'] });
const key = (logicalId: string) => `sg:${ROOT}#${logicalId}`;
const endpoint = (name: string, groups: string[], ranges = [VPC]): NetworkEndpoint => ({
  name,
  securityGroups: groups,
  addresses: ranges,
});

describe('security group rules read from template JSON', () => {
  test('an inline CIDR ingress admits sources inside the CIDR on its ports only', () => {
    const model = SecurityGroupModel.fromTemplates(
      template({
        Client: sg(),
        Server: sg({
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.42.0.0/16' }],
        }),
      }),
    );
    const client = endpoint('client', [key('Client')]);
    const server = endpoint('server', [key('Server')]);
    expect(model.canReach(client, server, 8080, 'tcp').allowed).toBe(true);
    expect(model.canReach(client, server, 8081, 'tcp').blocked).toBe(true);
    expect(model.canReach(client, server, 8080, 'udp').blocked).toBe(true);
    expect(
      model.canReach(endpoint('outsider', [key('Client')], [cidr('100.64.0.0/16')]), server, 8080, 'tcp').blocked,
    ).toBe(true);
  });

  test('a standalone ingress rule with a source group admits members of that group only', () => {
    const model = SecurityGroupModel.fromTemplates(
      template({
        Pods: sg(),
        Others: sg(),
        Db: sg({
          SecurityGroupEgress: [{ IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32' }],
        }),
        DbFromPods: {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: {
            GroupId: ref('Db'),
            SourceSecurityGroupId: ref('Pods'),
            IpProtocol: 'tcp',
            FromPort: 3306,
            ToPort: 3306,
          },
        },
      }),
    );
    const db = endpoint('db', [key('Db')]);
    const allowed = model.canReach(endpoint('pod', [key('Pods')]), db, 3306, 'tcp');
    expect(allowed.allowed).toBe(true);
    expect(allowed.ingress.rule?.rule.origin).toEqual({
      kind: 'standalone',
      resource: { stackPath: ROOT, logicalId: 'DbFromPods' },
    });
    const blocked = model.canReach(endpoint('other', [key('Others')]), db, 3306, 'tcp');
    expect(blocked.blocked).toBe(true);
    expect(blocked.explanation).toMatch(/no ingress rule of Db \(db\) allows tcp\/3306 from other/);
  });

  test('a group without SecurityGroupEgress gets the EC2 default allow-all egress; one with egress rules only those', () => {
    const model = SecurityGroupModel.fromTemplates(
      template({
        Open: sg(),
        // CDK's allowAllOutbound: false placeholder, which matches no TCP traffic.
        Closed: sg({
          SecurityGroupEgress: [{ IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32' }],
        }),
        Target: sg({ SecurityGroupIngress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }] }),
      }),
    );
    const target = endpoint('target', [key('Target')]);
    const open = model.canReach(endpoint('open', [key('Open')]), target, 443, 'tcp');
    expect(open.allowed).toBe(true);
    expect(open.egress.rule?.rule.origin.kind).toBe('ec2-default-egress');
    const closed = model.canReach(endpoint('closed', [key('Closed')]), target, 443, 'tcp');
    expect(closed.blocked).toBe(true);
    expect(closed.egress.allowed).toBe(false);
    expect(closed.ingress.allowed).toBe(true);
  });

  test('standalone egress resources do not remove the default egress rule', () => {
    const model = SecurityGroupModel.fromTemplates(
      template({
        Source: sg(),
        Extra: {
          Type: 'AWS::EC2::SecurityGroupEgress',
          Properties: { GroupId: ref('Source'), IpProtocol: 'tcp', FromPort: 1, ToPort: 1, CidrIp: '10.0.0.0/8' },
        },
        Target: sg({
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.42.0.0/16' }],
        }),
      }),
    );
    expect(
      model.canReach(endpoint('source', [key('Source')]), endpoint('target', [key('Target')]), 443, 'tcp').allowed,
    ).toBe(true);
  });

  test('protocol -1 and numeric protocols, -1 ports, IPv6 ranges, prefix lists and CIDR tokens', () => {
    expect(parseSecurityGroupProtocol(-1)).toBe('all');
    expect(parseSecurityGroupProtocol('6')).toBe('tcp');
    expect(parseSecurityGroupProtocol('17')).toBe('udp');
    expect(parseSecurityGroupProtocol('50')).toBe('ip-50');
    const model = SecurityGroupModel.fromTemplates(
      template({
        Client: sg(),
        AnyTcp: sg({ SecurityGroupIngress: [{ IpProtocol: '6', FromPort: -1, ToPort: -1, CidrIp: '10.0.0.0/8' }] }),
        OnlyOther: sg({
          SecurityGroupIngress: [
            { IpProtocol: '-1', CidrIpv6: '::/0' },
            { IpProtocol: '-1', SourcePrefixListId: 'pl-123' },
            { IpProtocol: '-1', CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
          ],
        }),
      }),
    );
    const client = endpoint('client', [key('Client')]);
    expect(model.canReach(client, endpoint('any', [key('AnyTcp')]), 65000, 'tcp').allowed).toBe(true);
    expect(model.canReach(client, endpoint('other', [key('OnlyOther')]), 80, 'tcp').blocked).toBe(true);
  });

  test('a CIDR that covers only some of an endpoint ranges is neither allowed nor blocked, with a note', () => {
    const model = SecurityGroupModel.fromTemplates(
      template({
        Client: sg(),
        Server: sg({ SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.42.0.0/17' }] }),
      }),
    );
    const verdict = model.canReach(
      endpoint('client', [key('Client')], [cidr('10.42.0.0/16')]),
      endpoint('server', [key('Server')]),
      80,
      'tcp',
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.blocked).toBe(false);
    expect(verdict.explanation).toMatch(/allowed only for some addresses/);
    expect(verdict.notes.join()).toMatch(/covers only part of client's range 10\.42\.0\.0\/16/);
    const twoRanges = [cidr('10.42.0.0/17'), cidr('100.64.0.0/16')];
    const partly = model.canReach(
      endpoint('client', [key('Client')], twoRanges),
      endpoint('server', [key('Server')]),
      80,
      'tcp',
    );
    expect([partly.allowed, partly.blocked, partly.ingress.coverage]).toEqual([false, false, 'some']);
  });

  test('rules added to a group outside the templates are merged with its declared defaults; self means the group', () => {
    const templates: LabTemplate[] = [
      {
        stackPath: ROOT,
        template: {
          Resources: {
            Cluster: { Type: 'AWS::EKS::Cluster', Properties: {} },
            Pods: sg(),
            Dns: {
              Type: 'AWS::EC2::SecurityGroupIngress',
              Properties: {
                GroupId: { 'Fn::GetAtt': ['Cluster', 'ClusterSecurityGroupId'] },
                IpProtocol: 'udp',
                FromPort: 53,
                ToPort: 53,
                CidrIp: '10.42.0.0/16',
              },
            },
          },
        },
      },
    ];
    const clusterKey = `attribute:${ROOT}#Cluster.ClusterSecurityGroupId`;
    const described = SecurityGroupModel.fromTemplates(templates, {
      externalGroups: [
        {
          key: clusterKey,
          label: 'cluster',
          source: 'test',
          rules: [
            { direction: 'ingress', protocol: 'all', peer: { kind: 'self' } },
            { direction: 'egress', protocol: 'all', peer: { kind: 'cidr', cidr: cidr('0.0.0.0/0') } },
          ],
        },
      ],
    });
    const node = endpoint('node pod', [clusterKey]);
    expect(described.canReach(endpoint('pod', [key('Pods')]), node, 53, 'udp').allowed).toBe(true);
    expect(described.canReach(endpoint('pod', [key('Pods')]), node, 53, 'tcp').blocked).toBe(true);
    expect(described.canReach(node, node, 9999, 'tcp').allowed).toBe(true);
    expect(described.group(clusterKey)?.partial).toBe(false);

    const undescribed = SecurityGroupModel.fromTemplates(templates);
    expect(undescribed.group(clusterKey)?.partial).toBe(true);
    expect(undescribed.canReach(endpoint('pod', [key('Pods')]), node, 53, 'udp').notes.join()).toMatch(
      /not defined in the templates/,
    );
  });
});

describe('deployed groups from aws ec2 describe-security-groups', () => {
  const output = {
    SecurityGroups: [
      {
        GroupId: 'sg-0aaa00000000000a1',
        GroupName: 'eks-workshop-catalog-rds-2024',
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 3306,
            ToPort: 3306,
            UserIdGroupPairs: [{ GroupId: 'sg-0bbb00000000000b2', UserId: '111122223333' }],
            IpRanges: [],
          },
        ],
        IpPermissionsEgress: [],
      },
      {
        GroupId: 'sg-0bbb00000000000b2',
        GroupName: 'eks-workshop-catalog',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [{ CidrIp: '10.42.0.0/16' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
      {
        GroupId: 'sg-0ccc00000000000c3',
        GroupName: 'eks-cluster-sg-eks-workshop-1',
        IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0ccc00000000000c3' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
    ],
  };
  const model = SecurityGroupModel.fromTemplates([], {
    externalGroups: externalGroupsFromDescribeSecurityGroups(output, 'test'),
  });
  const db = endpoint('rds', [literalGroupKey('sg-0aaa00000000000a1')]);

  test('runs the same analysis on what EC2 reports', () => {
    expect(
      model.canReach(endpoint('catalog', [literalGroupKey('sg-0bbb00000000000b2')]), db, 3306, 'tcp').allowed,
    ).toBe(true);
    expect(model.canReach(endpoint('other', [literalGroupKey('sg-0ccc00000000000c3')]), db, 3306, 'tcp').blocked).toBe(
      true,
    );
  });

  test('keys deployed groups like literal ids in templates', () => {
    expect(model.groupKeyOfPlaceholder(ROOT, 'sg-0aaa00000000000a1')).toBe(literalGroupKey('sg-0aaa00000000000a1'));
  });
});
