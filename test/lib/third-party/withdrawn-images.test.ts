import { fullImageReference, withdrawnImage } from '../../../lib/third-party/withdrawn-images';

test('writes out the registry of short image references as the container runtime does', () => {
  expect(fullImageReference('bitnami/kubectl:1.30.2')).toBe('docker.io/bitnami/kubectl:1.30.2');
  expect(fullImageReference('busybox:1.28')).toBe('docker.io/library/busybox:1.28');
  expect(fullImageReference('registry.k8s.io/kubectl:v1.34.3')).toBe('registry.k8s.io/kubectl:v1.34.3');
});

test('knows the Bitnami images withdrawn from docker.io, and nothing else', () => {
  expect(withdrawnImage('bitnami/kubectl:1.30.2')).toMatch(/Bitnami stopped serving .* \(since 2025-08-28\)/);
  expect(withdrawnImage('docker.io/bitnami/kubectl:1.28.5')).toBeDefined();
  expect(withdrawnImage('docker.io/bitnamilegacy/kubectl:1.30.2')).toBeUndefined();
  expect(withdrawnImage('registry.k8s.io/kubectl:v1.34.3')).toBeUndefined();
});
