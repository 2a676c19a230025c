import { Testing } from 'cdk8s';
import { CustomNetworkingChart } from '../../../manifests/custom-networking/custom-networking-chart';

describe('CustomNetworkingChart', () => {
  test('renders one ENIConfig per zone, named after it, with its subnet and the given security groups', () => {
    const chart = new CustomNetworkingChart(Testing.app(), 'Test', {
      podSubnets: [
        { availabilityZone: 'us-west-2a', subnetId: 'subnet-a' },
        { availabilityZone: 'us-west-2b', subnetId: 'subnet-b' },
        { availabilityZone: 'us-west-2c', subnetId: 'subnet-c' },
      ],
      securityGroupIds: ['sg-cluster'],
    });
    const objects = Testing.synth(chart) as { kind: string; metadata: { name: string }; spec: unknown }[];
    expect(objects.map((object) => [object.kind, object.metadata.name, object.spec])).toEqual([
      ['ENIConfig', 'us-west-2a', { subnet: 'subnet-a', securityGroups: ['sg-cluster'] }],
      ['ENIConfig', 'us-west-2b', { subnet: 'subnet-b', securityGroups: ['sg-cluster'] }],
      ['ENIConfig', 'us-west-2c', { subnet: 'subnet-c', securityGroups: ['sg-cluster'] }],
    ]);
  });

  test('fails without pod subnets', () => {
    expect(() => new CustomNetworkingChart(Testing.app(), 'Test', { podSubnets: [], securityGroupIds: [] })).toThrow(
      'needs at least one pod subnet',
    );
  });
});
