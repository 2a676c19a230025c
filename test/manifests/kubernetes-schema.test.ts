import { labConfigurations } from '../../lib/lab-configurations';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';
import { kubernetesValidationErrors } from '../support/kubernetes-validation';

describe.each(labConfigurations())('configuration $name', ({ context }) => {
  const lab = synthesizedOutputForTest(context);

  test('every deployed Kubernetes object validates against its schema', () => {
    const failures = lab.kubernetesObjects
      .map(({ object }) => ({
        object: `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`,
        errors: kubernetesValidationErrors(object),
      }))
      .filter((result) => result.errors.length > 0);
    expect(failures).toEqual([]);
    expect(lab.kubernetesObjects.length).toBeGreaterThan(30);
  });
});

test('the schema check rejects an invalid object (it can fail)', () => {
  expect(
    kubernetesValidationErrors({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'one' } } as never),
  ).not.toEqual([]);
  expect(
    kubernetesValidationErrors({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'x', namespace: 'catalog' },
      spec: { secretStoreRef: { name: 'store', kind: 'Vault' }, target: { name: 'x' } },
    } as never),
  ).not.toEqual([]);
  expect(kubernetesValidationErrors({ apiVersion: 'example.com/v1', kind: 'Unknown' } as never)).toEqual([
    'no model or schema for example.com/v1 Unknown',
  ]);
});
