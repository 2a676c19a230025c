import { readLabConfig } from '../../../../lib/lab-app';
import { lookupInstanceType } from '../../../../lib/instance-types/instance-types';
import {
  CATALOG_NODE_SELECTOR,
  checkSecurityGroupName,
  checkTrunkEniNodeGroups,
  nodeGroupsThatCanRun,
} from '../../../../lib/modules/security-groups-for-pods/trunk-eni-node-groups';
import type { NodeGroupPlan } from '../../../../lib/node-groups/node-group-plan';
import { TEST_DAY } from '../../../support/lab-fixtures';

/** The base's node group and custom networking's, built by hand from the workshop facts. */
function plan(
  name: string,
  instanceType: string,
  instanceTypeKey: string,
  labels: Record<string, string> = {},
  taints: NodeGroupPlan['taints'] = [],
): NodeGroupPlan {
  return {
    name,
    nodegroupName: `${name}-0000`,
    instanceType: lookupInstanceType(instanceType),
    instanceTypeKey,
    minSize: 1,
    desiredSize: 1,
    maxSize: 1,
    labels: { ...labels, 'eks-networking-lab/node-group': name },
    taints,
    podAddressSource: name === 'custom-networking' ? 'eniconfig-subnets' : 'node-subnets',
    owner: name === 'default' ? 'base' : name,
  };
}
const DEFAULT = plan('default', 'm5.large', 'nodeInstanceType', { 'workshop-default': 'yes' });
const CUSTOM_NETWORKING = plan('custom-networking', 't3.medium', 'customNetworking.instanceType', {
  type: 'customnetworking',
});

const config = (context: Record<string, unknown>) => readLabConfig(context, { today: TEST_DAY });

describe('node groups that can run the catalog pods need trunk ENIs', () => {
  test('pins the catalog pods to the default node group', () => {
    expect(CATALOG_NODE_SELECTOR).toEqual({ 'eks-networking-lab/node-group': 'default' });
    expect(
      nodeGroupsThatCanRun([DEFAULT, CUSTOM_NETWORKING], CATALOG_NODE_SELECTOR).map((group) => group.name),
    ).toEqual(['default']);
  });

  test('allows the t3.medium custom-networking group next to m5.large default, because the pin keeps the catalog off it', () => {
    expect(() => checkTrunkEniNodeGroups([DEFAULT, CUSTOM_NETWORKING])).not.toThrow();
  });

  test('fails for that same t3.medium group when the catalog pods could land on it (no pin, no taint)', () => {
    expect(() => checkTrunkEniNodeGroups([DEFAULT, CUSTOM_NETWORKING], {})).toThrow(
      /Invalid context 'customNetworking\.instanceType': received "t3\.medium"; allowed: an instance type that supports a trunk ENI .*no t-family type.*for example m5\.large.*Node group "custom-networking" can run the catalog pods \(no nodeSelector\)/,
    );
  });

  test('allows an untrusted group when a NoSchedule taint keeps the catalog pods away', () => {
    const tainted = plan('tainted', 't3.medium', 'x.instanceType', {}, [
      { key: 'dedicated', value: 'x', effect: 'NO_SCHEDULE' },
    ]);
    expect(() => checkTrunkEniNodeGroups([DEFAULT, tainted], {})).not.toThrow();
  });

  test.each([
    ['t3.large', 'x86_64'],
    ['t4g.medium', 'arm64'],
    ['m4.large', 'x86_64'],
  ])('fails when the default node group is %s, naming the node group and nodeInstanceType', (type) => {
    expect(() => checkTrunkEniNodeGroups([plan('default', type, 'nodeInstanceType')])).toThrow(
      new RegExp(
        `Invalid context 'nodeInstanceType': received "${type.replace('.', '\\.')}".*Node group "default" can run the catalog pods \\(nodeSelector eks-networking-lab/node-group=default\\)`,
      ),
    );
  });

  test('suggests trunk-capable types of the same architecture', () => {
    expect(() => checkTrunkEniNodeGroups([plan('default', 't4g.medium', 'nodeInstanceType')])).toThrow(
      /for example (m6g|m7g|c6g|c7g|r6g)/,
    );
  });

  test('fails when no node group can run the catalog pods', () => {
    expect(() => checkTrunkEniNodeGroups([CUSTOM_NETWORKING])).toThrow(
      /Invalid context 'modules'.*no node group|some node group can run the catalog pods/,
    );
  });
});

describe('through readLabConfig', () => {
  test('fails when nodeInstanceType is t3.large and the module is on', () => {
    expect(() => config({ modules: 'security-groups-for-pods', nodeInstanceType: 't3.large' })).toThrow(
      /Invalid context 'nodeInstanceType': received "t3\.large".*Node group "default"/,
    );
  });

  test('allows t3.large without the module, and m5.large with it', () => {
    expect(() => config({ nodeInstanceType: 't3.large' })).not.toThrow();
    expect(() => config({ modules: 'security-groups-for-pods', nodeInstanceType: 'm5.large' })).not.toThrow();
  });

  test('allows the module together with custom-networking and its t3.medium node group', () => {
    const lab = config({ modules: 'custom-networking,security-groups-for-pods' });
    expect(lab.customNetworking.instanceType.name).toBe('t3.medium');
  });

  test('fails when the cluster name starts with sg- (EC2 rejects such group names), allows sgx-lab', () => {
    expect(() => config({ modules: 'security-groups-for-pods', clusterName: 'sg-lab' })).toThrow(
      /Invalid context 'clusterName': received "sg-lab"; allowed: a name that does not start with "sg-"/,
    );
    expect(() => checkSecurityGroupName(config({ clusterName: 'sgx-lab' }))).not.toThrow();
  });
});
