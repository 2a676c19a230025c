import { Chart, Testing } from 'cdk8s';
import { ENICONFIG_API_VERSION, EniConfig } from '../../../manifests/custom-networking/eni-config';
import { schemaValidator } from '../../support/json-schema';

/**
 * Our schema of ENIConfig, written from the VPC CNI's CRD (aws/amazon-vpc-cni-k8s
 * charts/aws-vpc-cni/crds/customresourcedefinition.yaml, `eniconfigs.crd.k8s.amazonaws.com`): cluster-scoped,
 * version v1alpha1, `spec.subnet` a required string, `spec.securityGroups` an array of strings. Stricter than the CRD
 * where the CRD would silently prune: no other spec fields, and no namespace on a cluster-scoped object.
 */
const ENICONFIG_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'crd.k8s.amazonaws.com/v1alpha1' },
    kind: { const: 'ENIConfig' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1 } },
      not: { required: ['namespace'] },
    },
    spec: {
      type: 'object',
      required: ['subnet'],
      additionalProperties: false,
      properties: {
        subnet: { type: 'string', minLength: 1 },
        securityGroups: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
  },
};
const validate = schemaValidator(ENICONFIG_SCHEMA);

function render(props: ConstructorParameters<typeof EniConfig>[2]): Record<string, unknown> {
  const chart = new Chart(Testing.app(), 'Test');
  new EniConfig(chart, 'EniConfig', props);
  return Testing.synth(chart)[0] as Record<string, unknown>;
}

describe('EniConfig', () => {
  test('renders the lab ENIConfig: named after the zone, with subnet and security groups, valid against the CRD schema', () => {
    const object = render({ name: 'eu-west-1a', subnet: 'subnet-0123', securityGroups: ['sg-0abc'] });
    expect(object).toEqual({
      apiVersion: ENICONFIG_API_VERSION,
      kind: 'ENIConfig',
      metadata: { name: 'eu-west-1a' },
      spec: { subnet: 'subnet-0123', securityGroups: ['sg-0abc'] },
    });
    expect(validate(object)).toEqual([]);
  });

  test('omits securityGroups when none are given (the VPC CNI then uses the primary ENI security groups)', () => {
    const object = render({ name: 'eu-west-1b', subnet: 'subnet-0456' });
    expect(object.spec).toEqual({ subnet: 'subnet-0456' });
    expect(validate(object)).toEqual([]);
  });
});

describe('ENIConfig schema', () => {
  const valid = {
    apiVersion: ENICONFIG_API_VERSION,
    kind: 'ENIConfig',
    metadata: { name: 'a' },
    spec: { subnet: 's' },
  };

  test('fails when the subnet is missing', () => {
    expect(validate({ ...valid, spec: { securityGroups: ['sg-1'] } })).toEqual([
      expect.stringContaining("must have required property 'subnet'"),
    ]);
  });

  test('fails when securityGroups is not a list of strings', () => {
    expect(validate({ ...valid, spec: { subnet: 's', securityGroups: 'sg-1' } }).join()).toContain(
      '/spec/securityGroups must be array',
    );
  });

  test('fails when the object has a namespace (ENIConfig is cluster-scoped)', () => {
    expect(validate({ ...valid, metadata: { name: 'a', namespace: 'kube-system' } })).not.toEqual([]);
  });

  test('fails for another API version', () => {
    expect(validate({ ...valid, apiVersion: 'crd.k8s.amazonaws.com/v1' })).not.toEqual([]);
  });
});
