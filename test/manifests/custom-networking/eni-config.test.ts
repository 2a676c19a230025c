import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { ENICONFIG_API_VERSION, EniConfig } from '../../../manifests/custom-networking/eni-config';
import { schemaValidator } from '../../support/json-schema';

/** Our schema of ENIConfig (test/schemas/), written from the VPC CNI's CRD; shared with the all-objects schema test. */
const ENICONFIG_SCHEMA = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'crd.k8s.amazonaws.com_ENIConfig.schema.json'), 'utf8'),
) as object;
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
