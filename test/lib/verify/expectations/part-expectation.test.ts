import { AWS_LOAD_BALANCER_CONTROLLER_PART } from '../../../../lib/third-party/aws-load-balancer-controller-part';
import { VPC_CNI_PART } from '../../../../lib/third-party/eks-addon-parts';
import { GATEWAY_API_CRDS_PART } from '../../../../lib/third-party/gateway-api-crds-part';
import { NODEADM_PART } from '../../../../lib/third-party/nodeadm-part';
import { contractFacts, partExpectation } from '../../../../lib/verify/expectations/part-expectation';
import type { CommandResult, LiveContext } from '../../../../lib/verify/lab-expectation';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

const ok = (value: unknown): CommandResult => ({ exitCode: 0, stdout: JSON.stringify(value), stderr: '' });
const context = { clusterName: 'eks-workshop' } as unknown as LiveContext;
let exposed: SynthesizedOutput;

beforeAll(() => {
  exposed = synthesizedOutputForTest({ exposeUi: 'true', inboundCidrs: '203.0.113.0/24' });
});

describe('part expectation', () => {
  const controller = partExpectation(AWS_LOAD_BALANCER_CONTROLLER_PART, 'base', '1.35');

  test('names the part and the version installed on the cluster version (add-ons: the version table)', () => {
    expect(controller).toMatchObject({ id: 'parts/aws-load-balancer-controller', module: 'base' });
    expect(controller.subject).toBe('AWS Load Balancer Controller 3.5.0');
    expect(partExpectation(VPC_CNI_PART, 'base', '1.35').subject).toBe(
      'Amazon VPC CNI (EKS add-on) v1.21.1-eksbuild.1',
    );
    expect(partExpectation(VPC_CNI_PART, 'base', '1.36').subject).toBe(
      'Amazon VPC CNI (EKS add-on) EKS default for 1.36',
    );
  });

  test('passes offline when the deploy meets the contract, listing the facts the ordering relies on', () => {
    const outcome = controller.checkOffline(exposed);
    expect(outcome.pass).toBe(true);
    expect(outcome.notes).toContain(
      'fail-closed webhook mservice.elbv2.k8s.aws (Service CREATE): what it sees is created after this part',
    );
  });

  test('live: every Deployment of the release Ready and every fail-closed webhook Service with a ready endpoint', () => {
    expect(controller.live!.commands(context)).toEqual([
      {
        program: 'kubectl',
        args: [
          'get',
          'deployments',
          '-n',
          'kube-system',
          '-l',
          'app.kubernetes.io/instance=aws-load-balancer-controller',
          '-o',
          'json',
        ],
      },
      {
        program: 'kubectl',
        args: [
          'get',
          'endpointslices',
          '-n',
          'kube-system',
          '-l',
          'kubernetes.io/service-name=aws-load-balancer-webhook-service',
          '-o',
          'json',
        ],
      },
    ]);
    const deployments = (ready: number) =>
      ok({
        items: [
          {
            metadata: { name: 'aws-load-balancer-controller' },
            spec: { replicas: 2 },
            status: { readyReplicas: ready },
          },
        ],
      });
    const slices = (count: number) =>
      ok({ items: [{ endpoints: Array.from({ length: count }, () => ({ conditions: { ready: true } })) }] });
    expect(controller.live!.interpret([deployments(2), slices(2)], context)).toEqual({
      pass: true,
      actual:
        'aws-load-balancer-controller 2/2; webhook Service aws-load-balancer-webhook-service: 2 ready endpoint(s)',
    });
    expect(controller.live!.interpret([deployments(1), slices(1)], context).pass).toBe(false);
    expect(controller.live!.interpret([deployments(2), slices(0)], context).pass).toBe(false);
    expect(controller.live!.interpret([ok({ items: [] }), slices(2)], context).actual).toMatch(/^no Deployment found/);
  });

  test('live: an EKS add-on must be ACTIVE', () => {
    const addon = partExpectation(VPC_CNI_PART, 'base', '1.35');
    expect(addon.live!.commands(context)).toEqual([
      {
        program: 'aws',
        args: [
          'eks',
          'describe-addon',
          '--cluster-name',
          'eks-workshop',
          '--addon-name',
          'vpc-cni',
          '--output',
          'json',
        ],
      },
    ]);
    expect(
      addon.live!.interpret([ok({ addon: { status: 'ACTIVE', addonVersion: 'v1.21.1-eksbuild.1' } })], context),
    ).toEqual({
      pass: true,
      actual: 'ACTIVE v1.21.1-eksbuild.1',
    });
    expect(addon.live!.interpret([ok({ addon: { status: 'DEGRADED' } })], context).pass).toBe(false);
  });

  test('live: every kind a remote manifest installs must be served', () => {
    const crds = partExpectation(GATEWAY_API_CRDS_PART, 'vpc-lattice', '1.35');
    const commands = crds.live!.commands(context);
    expect(commands.map((command) => command.args.at(-1))).toEqual([
      '/apis/gateway.networking.k8s.io/v1',
      '/apis/gateway.networking.k8s.io/v1beta1',
    ]);
    const v1 = [
      'GatewayClass',
      'Gateway',
      'HTTPRoute',
      'GRPCRoute',
      'TLSRoute',
      'ListenerSet',
      'BackendTLSPolicy',
      'ReferenceGrant',
    ];
    const served = (kinds: string[]) => ok({ resources: kinds.map((kind) => ({ kind })) });
    expect(crds.live!.interpret([served(v1), served(['ReferenceGrant', 'HTTPRoute'])], context).pass).toBe(true);
    expect(
      crds.live!.interpret(
        [served(v1.filter((kind) => kind !== 'TLSRoute')), served(['ReferenceGrant', 'HTTPRoute'])],
        context,
      ),
    ).toEqual({
      pass: false,
      actual: 'not served: gateway.networking.k8s.io/v1 TLSRoute',
    });
  });

  test('a host download has no live check (the hybrid node check covers it) but states its facts', () => {
    expect(partExpectation(NODEADM_PART, 'hybrid-nodes', '1.35').live).toBeUndefined();
    expect(contractFacts(NODEADM_PART)[0]).toMatch(/^version latest; newest v1\.0\.20/);
  });
});
