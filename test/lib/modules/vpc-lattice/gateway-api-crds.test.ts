import { GATEWAY_API_STANDARD_CRDS } from '../../../../lib/modules/vpc-lattice/gateway-api-crds';

describe('GATEWAY_API_STANDARD_CRDS', () => {
  test('is the v1.5.1 standard channel release asset (the first standard channel with TLSRoute)', () => {
    expect(GATEWAY_API_STANDARD_CRDS.version).toBe('v1.5.1');
    expect(GATEWAY_API_STANDARD_CRDS.url).toBe(
      `https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml`,
    );
  });

  test('is pinned by the SHA-256 kubespray pins for that asset', () => {
    expect(GATEWAY_API_STANDARD_CRDS.sha256).toBe('751002b3b91a87f7ae3bd2517c79a47a8d7ed6702901808a1cf9bd97d284f9b8');
  });

  test('lists the eight CRDs of the v1.5.1 standard channel (config/crd/standard)', () => {
    expect(GATEWAY_API_STANDARD_CRDS.crds).toEqual([
      'backendtlspolicies.gateway.networking.k8s.io',
      'gatewayclasses.gateway.networking.k8s.io',
      'gateways.gateway.networking.k8s.io',
      'grpcroutes.gateway.networking.k8s.io',
      'httproutes.gateway.networking.k8s.io',
      'listenersets.gateway.networking.k8s.io',
      'referencegrants.gateway.networking.k8s.io',
      'tlsroutes.gateway.networking.k8s.io',
    ]);
  });
});
