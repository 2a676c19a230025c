import { App } from 'cdk8s';
import { LatticeGatewayChart } from '../../../manifests/vpc-lattice/lattice-gateway-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

const objects = new LatticeGatewayChart(new App(), 'Gateway', { gatewayName: 'my-lab' }).toJson() as {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}[];
const byKind = (kind: string) => objects.filter((object) => object.kind === kind);

describe('LatticeGatewayChart', () => {
  test('declares the GatewayClass amazon-vpc-lattice for the AWS Gateway API controller (workshop gatewayclass.yaml)', () => {
    expect(byKind('GatewayClass')).toEqual([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: { name: 'amazon-vpc-lattice' },
        spec: { controllerName: 'application-networking.k8s.aws/gateway-api-controller' },
      },
    ]);
  });

  test('names the Gateway after the given name in namespace checkout with one HTTP listener on port 80', () => {
    expect(byKind('Gateway')).toEqual([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'my-lab', namespace: 'checkout' },
        spec: { gatewayClassName: 'amazon-vpc-lattice', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] },
      },
    ]);
  });

  test('every object validates against the Gateway API models', () => {
    expect(objects.map((object) => kubernetesValidationErrors(object))).toEqual([[], []]);
  });
});
