import { GATEWAY_API_STANDARD_CRDS } from '../../../../lib/modules/vpc-lattice/gateway-api-crds';

describe('GATEWAY_API_STANDARD_CRDS', () => {
  test('is the v1.2.0 standard channel release asset the workshop applies', () => {
    expect(GATEWAY_API_STANDARD_CRDS.version).toBe('v1.2.0');
    expect(GATEWAY_API_STANDARD_CRDS.url).toBe(
      `https://github.com/kubernetes-sigs/gateway-api/releases/download/${GATEWAY_API_STANDARD_CRDS.version}/standard-install.yaml`,
    );
  });

  test('is pinned by a SHA-256 (64 lower-case hex digits)', () => {
    expect(GATEWAY_API_STANDARD_CRDS.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('lists the five standard CRDs of v1.2.0 (GRPCRoute is GA since v1.1)', () => {
    expect(GATEWAY_API_STANDARD_CRDS.crds).toEqual([
      'gatewayclasses.gateway.networking.k8s.io',
      'gateways.gateway.networking.k8s.io',
      'grpcroutes.gateway.networking.k8s.io',
      'httproutes.gateway.networking.k8s.io',
      'referencegrants.gateway.networking.k8s.io',
    ]);
  });
});
