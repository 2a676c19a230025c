import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Chart } from 'cdk8s';
import {
  InvalidSecurityGroupPolicyError,
  SecurityGroupPolicy,
  type SecurityGroupPolicyProps,
} from '../../../manifests/security-groups-for-pods/security-group-policy';
import { schemaValidator } from '../../support/json-schema';

const validate = schemaValidator(
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '..', 'schemas', 'vpcresources.k8s.aws_SecurityGroupPolicy.schema.json'),
      'utf8',
    ),
  ) as object,
);

function render(props: Partial<SecurityGroupPolicyProps> = {}): Record<string, unknown> {
  const chart = new Chart(new App(), 'test');
  new SecurityGroupPolicy(chart, 'policy', {
    name: 'catalog-rds-access',
    namespace: 'catalog',
    podSelector: { matchLabels: { 'app.kubernetes.io/component': 'service' } },
    securityGroupIds: ['sg-0123456789abcdef0'],
    ...props,
  });
  return chart.toJson()[0] as Record<string, unknown>;
}

/** The workshop's sg/policy.yaml with a concrete group id (expected values from the workshop, not our code). */
const WORKSHOP_POLICY = {
  apiVersion: 'vpcresources.k8s.aws/v1beta1',
  kind: 'SecurityGroupPolicy',
  metadata: { name: 'catalog-rds-access', namespace: 'catalog' },
  spec: {
    podSelector: { matchLabels: { 'app.kubernetes.io/component': 'service' } },
    securityGroups: { groupIds: ['sg-0123456789abcdef0'] },
  },
};

describe('SecurityGroupPolicy construct', () => {
  test('renders the workshop policy', () => {
    expect(render()).toEqual(WORKSHOP_POLICY);
  });

  test('renders a serviceAccountSelector with match expressions, and validates', () => {
    const object = render({
      podSelector: undefined,
      serviceAccountSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['db-client'] }] },
      securityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
    });
    expect(object.spec).toEqual({
      serviceAccountSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['db-client'] }] },
      securityGroups: { groupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'] },
    });
    expect(validate(object)).toEqual([]);
  });

  test('fails when neither selector is set', () => {
    expect(() => render({ podSelector: undefined })).toThrow(InvalidSecurityGroupPolicyError);
    expect(() => render({ podSelector: undefined })).toThrow(
      /catalog-rds-access: set exactly one of podSelector and serviceAccountSelector \(got 0\)/,
    );
  });

  test('fails when both selectors are set', () => {
    expect(() => render({ serviceAccountSelector: { matchLabels: { a: 'b' } } })).toThrow(
      /exactly one of podSelector and serviceAccountSelector \(got 2\)/,
    );
  });

  test('fails when no security group is given', () => {
    expect(() => render({ securityGroupIds: [] })).toThrow(/securityGroupIds has 0 entries; the CRD allows 1 to 16/);
  });

  test('fails with 17 security groups and allows 16 (the CRD maxItems)', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `sg-${String(i).padStart(17, '0')}`);
    expect(() => render({ securityGroupIds: ids(17) })).toThrow(
      /securityGroupIds has 17 entries; the CRD allows 1 to 16/,
    );
    expect(validate(render({ securityGroupIds: ids(16) }))).toEqual([]);
  });
});

describe('SecurityGroupPolicy schema (from the CRD and the EKS user guide)', () => {
  test('accepts the workshop policy', () => {
    expect(validate(WORKSHOP_POLICY)).toEqual([]);
  });

  test('accepts a rendered deploy-time token as a group id', () => {
    expect(validate(render({ securityGroupIds: ['${GetAtt:CatalogPodSecurityGroup.GroupId}'] }))).toEqual([]);
  });

  test.each([
    ['an empty groupIds list', { securityGroups: { groupIds: [] } }],
    ['a group name instead of an id', { securityGroups: { groupIds: ['eks-workshop-catalog'] } }],
    ['a misspelt field the API server would prune', { securityGroups: { groupIDs: ['sg-0123456789abcdef0'] } }],
  ])('rejects %s', (_, securityGroups) => {
    expect(validate({ ...WORKSHOP_POLICY, spec: { ...WORKSHOP_POLICY.spec, ...securityGroups } })).not.toEqual([]);
  });

  test('rejects a policy without a selector and one with both', () => {
    const { podSelector, ...withoutSelector } = WORKSHOP_POLICY.spec;
    expect(validate({ ...WORKSHOP_POLICY, spec: withoutSelector })).not.toEqual([]);
    expect(
      validate({ ...WORKSHOP_POLICY, spec: { ...WORKSHOP_POLICY.spec, serviceAccountSelector: podSelector } }),
    ).not.toEqual([]);
  });

  test('rejects an unknown selector operator and a wrong apiVersion', () => {
    const badOperator = { podSelector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } };
    expect(validate({ ...WORKSHOP_POLICY, spec: { ...WORKSHOP_POLICY.spec, ...badOperator } })).not.toEqual([]);
    expect(validate({ ...WORKSHOP_POLICY, apiVersion: 'vpcresources.k8s.aws/v1' })).not.toEqual([]);
  });
});
