import type { CfnTemplate, LabTemplate } from '../../../lib/verify/cfn-template';
import { describeTrace, RoutingModel, tracePacket } from '../../../lib/verify/route-analysis';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }>;

const AZ_A = { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] };
const AZ_B = { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] };
const ref = (id: string) => ({ Ref: id });

function subnet(vpc: string, cidr: string, zone: unknown, type?: string): Resources[string] {
  return {
    Type: 'AWS::EC2::Subnet',
    Properties: {
      VpcId: ref(vpc),
      CidrBlock: cidr,
      AvailabilityZone: zone,
      Tags: type ? [{ Key: 'aws-cdk:subnet-type', Value: type }] : [],
    },
  };
}

/**
 * Two VPCs joined by a Transit Gateway as the hybrid lab joins them: lab VPC 10.42.0.0/16 (subnets in two zones,
 * attachment in both), remote VPC 10.52.0.0/16 (one subnet), pod CIDR 10.53.0.0/16 routed to the host's interface.
 */
function labTemplates(change: (resources: Resources) => void = () => undefined): LabTemplate[] {
  const resources: Resources = {
    LabVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.42.0.0/16' } },
    LabA: subnet('LabVpc', '10.42.96.0/19', AZ_A, 'Private'),
    LabB: subnet('LabVpc', '10.42.128.0/19', AZ_B, 'Private'),
    LabRtA: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('LabVpc') } },
    LabRtB: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('LabVpc') } },
    LabAssocA: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref('LabA'), RouteTableId: ref('LabRtA') },
    },
    LabAssocB: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref('LabB'), RouteTableId: ref('LabRtB') },
    },
    RemoteVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.52.0.0/16' } },
    Remote: subnet('RemoteVpc', '10.52.0.0/24', AZ_A),
    RemoteRt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('RemoteVpc') } },
    RemoteAssoc: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref('Remote'), RouteTableId: ref('RemoteRt') },
    },
    Igw: { Type: 'AWS::EC2::InternetGateway' },
    RemoteDefault: {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: ref('RemoteRt'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') },
    },
    Tgw: {
      Type: 'AWS::EC2::TransitGateway',
      Properties: { DefaultRouteTableAssociation: 'enable', DefaultRouteTablePropagation: 'enable' },
    },
    LabAttachment: {
      Type: 'AWS::EC2::TransitGatewayAttachment',
      Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('LabVpc'), SubnetIds: [ref('LabA'), ref('LabB')] },
    },
    RemoteAttachment: {
      Type: 'AWS::EC2::TransitGatewayAttachment',
      Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('RemoteVpc'), SubnetIds: [ref('Remote')] },
    },
    DefaultRtLookup: {
      Type: 'Custom::AWS',
      Properties: {
        Create: {
          'Fn::Join': [
            '',
            [
              '{"service":"EC2","action":"describeTransitGateways","parameters":{"TransitGatewayIds":["',
              ref('Tgw'),
              '"]}}',
            ],
          ],
        },
      },
    },
    PodsStatic: {
      Type: 'AWS::EC2::TransitGatewayRoute',
      Properties: {
        TransitGatewayRouteTableId: {
          'Fn::GetAtt': ['DefaultRtLookup', 'TransitGateways.0.Options.AssociationDefaultRouteTableId'],
        },
        DestinationCidrBlock: '10.53.0.0/16',
        TransitGatewayAttachmentId: { 'Fn::GetAtt': ['RemoteAttachment', 'Id'] },
      },
    },
    Host: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: ref('Remote') } },
    HostEni: {
      Type: 'Custom::AWS',
      Properties: {
        Create: {
          'Fn::Join': [
            '',
            [
              '{"service":"EC2","action":"describeNetworkInterfaces","parameters":{"Filters":[{"Name":"attachment.instance-id","Values":["',
              ref('Host'),
              '"]},{"Name":"attachment.device-index","Values":["0"]}]}}',
            ],
          ],
        },
      },
    },
    RemotePods: {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: ref('RemoteRt'),
        DestinationCidrBlock: '10.53.0.0/16',
        NetworkInterfaceId: { 'Fn::GetAtt': ['HostEni', 'NetworkInterfaces.0.NetworkInterfaceId'] },
      },
    },
    RemoteToLab: {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: ref('RemoteRt'), DestinationCidrBlock: '10.42.0.0/16', TransitGatewayId: ref('Tgw') },
    },
  };
  for (const table of ['LabRtA', 'LabRtB']) {
    for (const cidr of ['10.52.0.0/16', '10.53.0.0/16']) {
      resources[`${table}To${cidr.split('.')[1]}`] = {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(table), DestinationCidrBlock: cidr, TransitGatewayId: ref('Tgw') },
      };
    }
  }
  change(resources);
  return [{ stackPath: 'Root', template: { Resources: resources } as CfnTemplate }];
}

const trace = (templates: LabTemplate[], from: string, address: string) =>
  tracePacket(new RoutingModel(templates), `\${Ref:${from}}`, address);

describe('a packet from a lab subnet to a remote pod address', () => {
  test('reaches the primary interface of the host through the Transit Gateway static route', () => {
    const result = trace(labTemplates(), 'LabA', '10.53.0.10');
    expect(result.outcome).toBe('network-interface');
    expect(result.target?.primaryInterfaceOf).toBe('${Ref:Host}');
    expect(result.hops.map((hop) => hop.at)).toEqual([
      '${Ref:LabRtA}',
      'default-association:${Ref:Tgw}',
      '${Ref:RemoteRt}',
    ]);
    expect(describeTrace(result)).toContain('static attachment ${Ref:RemoteAttachment}');
  });

  test('is dropped without the static Transit Gateway route (pod addresses are in no VPC, so nothing propagates them)', () => {
    const result = trace(
      labTemplates((r) => delete r.PodsStatic),
      'LabA',
      '10.53.0.10',
    );
    expect(result.outcome).toBe('no-route');
  });

  test('leaves through the internet gateway when the remote route table has no route to the host', () => {
    expect(
      trace(
        labTemplates((r) => delete r.RemotePods),
        'LabA',
        '10.53.0.10',
      ).outcome,
    ).toBe('internet-gateway');
  });

  test('has no route when the lab route table lacks the pod CIDR', () => {
    expect(
      trace(
        labTemplates((r) => delete r.LabRtBTo53),
        'LabB',
        '10.53.0.10',
      ).outcome,
    ).toBe('no-route');
  });

  test('cannot enter the Transit Gateway from a zone where the lab attachment has no subnet', () => {
    const result = trace(
      labTemplates((r) => {
        r.LabAttachment.Properties!.SubnetIds = [ref('LabA')];
      }),
      'LabB',
      '10.53.0.10',
    );
    expect(result.outcome).toBe('attachment-not-in-zone');
  });

  test('cannot use a Transit Gateway the VPC is not attached to', () => {
    expect(
      trace(
        labTemplates((r) => delete r.LabAttachment),
        'LabA',
        '10.53.0.10',
      ).outcome,
    ).toBe('no-attachment');
  });

  test('is dropped by a blackhole route', () => {
    const result = trace(
      labTemplates((r) => {
        r.PodsStatic.Properties = {
          ...r.PodsStatic.Properties,
          Blackhole: true,
          TransitGatewayAttachmentId: undefined,
        };
      }),
      'LabA',
      '10.53.0.10',
    );
    expect(result.outcome).toBe('blackhole');
  });

  test('does not name an instance when the interface lookup is not the device-index-0 interface of one instance', () => {
    const result = trace(
      labTemplates((r) => {
        const create = JSON.stringify(r.HostEni.Properties!.Create).replace(
          '\\"Values\\":[\\"0\\"]',
          '\\"Values\\":[\\"1\\"]',
        );
        r.HostEni.Properties!.Create = JSON.parse(create);
      }),
      'LabA',
      '10.53.0.10',
    );
    expect(result.outcome).toBe('network-interface');
    expect(result.target?.primaryInterfaceOf).toBeUndefined();
  });
});

describe('the return path', () => {
  test('from the remote subnet to a lab address is delivered in the lab VPC (propagated route)', () => {
    const result = trace(labTemplates(), 'Remote', '10.42.100.7');
    expect(result.outcome).toBe('delivered-in-vpc');
    expect(result.vpc).toBe('${Ref:LabVpc}');
    expect(describeTrace(result)).toContain('propagated attachment ${Ref:LabAttachment}');
  });

  test('goes to the internet instead when the remote route table lacks the lab VPC CIDR', () => {
    expect(
      trace(
        labTemplates((r) => delete r.RemoteToLab),
        'Remote',
        '10.42.100.7',
      ).outcome,
    ).toBe('internet-gateway');
  });

  test('has no route when the Transit Gateway does not propagate', () => {
    const result = trace(
      labTemplates((r) => {
        r.Tgw.Properties!.DefaultRouteTablePropagation = 'disable';
      }),
      'Remote',
      '10.42.100.7',
    );
    expect(result.outcome).toBe('no-route');
  });
});

describe('route selection', () => {
  test('prefers the longest prefix', () => {
    const result = trace(
      labTemplates((r) => {
        r.Narrow = {
          Type: 'AWS::EC2::Route',
          Properties: { RouteTableId: ref('RemoteRt'), DestinationCidrBlock: '10.42.100.0/24', GatewayId: ref('Igw') },
        };
      }),
      'Remote',
      '10.42.100.7',
    );
    expect(result.outcome).toBe('internet-gateway');
  });

  test('delivers addresses of the own VPC through the implicit local route', () => {
    const result = trace(labTemplates(), 'LabA', '10.42.200.1');
    expect(result.outcome).toBe('delivered-in-vpc');
    expect(result.hops).toHaveLength(1);
  });

  test('uses explicit Transit Gateway associations and propagations', () => {
    const result = trace(
      labTemplates((r) => {
        r.Tgw.Properties = { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' };
        r.TgwRt = { Type: 'AWS::EC2::TransitGatewayRouteTable', Properties: { TransitGatewayId: ref('Tgw') } };
        r.AssocRemote = {
          Type: 'AWS::EC2::TransitGatewayRouteTableAssociation',
          Properties: { TransitGatewayAttachmentId: ref('RemoteAttachment'), TransitGatewayRouteTableId: ref('TgwRt') },
        };
        r.PropLab = {
          Type: 'AWS::EC2::TransitGatewayRouteTablePropagation',
          Properties: { TransitGatewayAttachmentId: ref('LabAttachment'), TransitGatewayRouteTableId: ref('TgwRt') },
        };
      }),
      'Remote',
      '10.42.100.7',
    );
    expect(result.outcome).toBe('delivered-in-vpc');
  });
});

describe('nested stacks', () => {
  test('follow routes written by a nested stack into a route table of its parent', () => {
    const [root] = labTemplates((r) => {
      delete r.LabRtATo53;
      r.Module = {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { Parameters: { referencetoLabRtARef: ref('LabRtA'), referencetoTgwRef: ref('Tgw') } },
      };
    });
    const nested: LabTemplate = {
      stackPath: 'Root/Module',
      template: {
        Resources: {
          ModuleRoute: {
            Type: 'AWS::EC2::Route',
            Properties: {
              RouteTableId: ref('referencetoLabRtARef'),
              DestinationCidrBlock: '10.53.0.0/16',
              TransitGatewayId: ref('referencetoTgwRef'),
            },
          },
        },
      } as CfnTemplate,
    };
    expect(trace([root], 'LabA', '10.53.0.10').outcome).toBe('no-route');
    expect(trace([root, nested], 'LabA', '10.53.0.10').outcome).toBe('network-interface');
  });
});
