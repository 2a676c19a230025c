import { readLabConfig } from '../../../../lib/lab-app';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  interpretLatticePrefixListRules,
  interpretObservedSplit,
  interpretServiceNetworks,
  LATTICE_DNS_PATTERN,
  splitProbeScript,
  vpcLatticeExpectations,
} from '../../../../lib/modules/vpc-lattice/vpc-lattice-expectations';
import type { CommandResult, LabExpectation, LiveContext } from '../../../../lib/verify/lab-expectation';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';
import { TEST_DAY } from '../../../support/test-day';

// Declaring expectations needs only the configuration; the labs are synthesized once for the offline checks.
const config = readLabConfig({ modules: 'vpc-lattice' }, { today: TEST_DAY });
const expectations: LabExpectation[] = vpcLatticeExpectations(config);
let lab: SynthesizedOutput;
let base: SynthesizedOutput;

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'vpc-lattice' });
  base = synthesizedOutputForTest();
});

const byId = (id: string) => expectations.find((expectation) => expectation.id === id)!;
const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });
const failed = (stderr: string): CommandResult => ({ exitCode: 1, stdout: '', stderr });
/** The root output `cdk deploy` prints for the workshop's CHECKOUT_ROUTE_DNS (with its scheme, as the workshop's). */
const ROUTE_URL_OUTPUT = 'WorkshopCheckoutRouteDns';
const DNS = 'checkoutroute-checkout-0a1b2c3d4e5f6a7b8.7d67968.vpc-lattice-svcs.us-west-2.on.aws';
const context = (stackOutputs: Record<string, string> = {}) =>
  ({ clusterName: 'eks-workshop', stackOutputs }) as unknown as LiveContext;

describe('vpc-lattice expectations', () => {
  test('declares the CRDs, the controller, the Gateway, the route backends, weights and grant, checkoutv2 to Redis, the ui path through the route, the prefix-list rules, the service network and the observed split', () => {
    expect(expectations.map((expectation) => expectation.id)).toEqual([
      'vpc-lattice/gateway-api-crds',
      'vpc-lattice/controller-ready',
      'vpc-lattice/gateway-programmed',
      'vpc-lattice/route-backends',
      'vpc-lattice/route-weights',
      'vpc-lattice/route-reference-grant',
      'vpc-lattice/checkoutv2-to-checkout-redis',
      'vpc-lattice/ui-uses-route',
      'vpc-lattice/prefix-list-ingress',
      'vpc-lattice/service-network-associated',
      'vpc-lattice/observed-split',
    ]);
  });

  test('all pass offline on the synthesized module', () => {
    const failures = expectations
      .map((expectation) => ({ id: expectation.id, ...expectation.checkOffline(lab) }))
      .filter((outcome) => !outcome.pass);
    expect(failures).toEqual([]);
  });

  test('state the default split as 75% of requests to checkoutv2', () => {
    expect(byId('vpc-lattice/route-weights').expected).toBe(
      'checkout/checkout 25 (25%), checkoutv2/checkout 75 (75%), total 100; 75% of requests to checkoutv2/checkout',
    );
  });

  test('follow the configured weights', () => {
    const custom = { ...config, vpcLattice: { weights: [10, 30] as const } };
    const weights = vpcLatticeExpectations(custom).find(
      (expectation) => expectation.id === 'vpc-lattice/route-weights',
    )!;
    expect(weights.expected).toBe(
      'checkout/checkout 10 (25%), checkoutv2/checkout 30 (75%), total 40; 75% of requests to checkoutv2/checkout',
    );
    expect(weights.checkOffline(lab).pass).toBe(false);
  });

  test('fail offline on a lab without the module (they can fail)', () => {
    // verify-offline reports a check that throws as failed; so does this.
    const check = (expectation: LabExpectation) => {
      try {
        return expectation.checkOffline(base);
      } catch (error) {
        return { pass: false, actual: (error as Error).message };
      }
    };
    const outcomes = Object.fromEntries(expectations.map((expectation) => [expectation.id, check(expectation)]));
    expect(outcomes['vpc-lattice/controller-ready']).toEqual({
      pass: false,
      actual: 'no Helm release of the controller',
    });
    expect(outcomes['vpc-lattice/route-backends']).toEqual({
      pass: false,
      actual: 'HTTPRoute checkout/checkoutroute not found',
    });
    expect(outcomes['vpc-lattice/ui-uses-route'].pass).toBe(false);
    expect(outcomes['vpc-lattice/ui-uses-route'].actual).toContain(
      'RETAIL_UI_ENDPOINTS_CHECKOUT=http://checkout.checkout.svc:80',
    );
    expect(outcomes['vpc-lattice/gateway-api-crds'].pass).toBe(false);
    expect(outcomes['vpc-lattice/checkoutv2-to-checkout-redis'].pass).toBe(false);
    expect(byId('vpc-lattice/checkoutv2-to-checkout-redis').subject).toBe(
      'checkoutv2/checkout -> checkout-redis.checkout:6379',
    );
  });
});

describe('live checks', () => {
  test('the controller must be 2/2 ready', () => {
    const { live } = byId('vpc-lattice/controller-ready');
    expect(live!.commands(context())[0].args).toEqual([
      'get',
      'deployment',
      'gateway-api-controller-aws-gateway-controller-chart',
      '-n',
      'gateway-api-controller',
      '-o',
      'jsonpath={.status.readyReplicas}/{.spec.replicas}',
    ]);
    expect(live!.interpret([ok('2/2')], context())).toEqual({ pass: true, actual: '2/2 ready' });
    expect(live!.interpret([ok('1/2')], context()).pass).toBe(false);
    expect(live!.interpret([failed('Error from server (NotFound)')], context()).pass).toBe(false);
  });

  test('the Gateway must report Programmed True (workshop: kubectl wait --for=condition=Programmed)', () => {
    const { live } = byId('vpc-lattice/gateway-programmed');
    expect(live!.commands(context())).toEqual([
      { program: 'kubectl', args: ['get', 'gateway', 'eks-workshop', '-n', 'checkout', '-o', 'json'] },
    ]);
    const gateway = (status: string) =>
      ok(
        JSON.stringify({
          status: {
            conditions: [
              {
                type: 'Programmed',
                status,
                message: 'aws-gateway-arn: arn:aws:vpc-lattice:us-west-2:111122223333:servicenetwork/sn-0',
              },
            ],
          },
        }),
      );
    expect(live!.interpret([gateway('True')], context())).toEqual({
      pass: true,
      actual: 'Programmed True: aws-gateway-arn: arn:aws:vpc-lattice:us-west-2:111122223333:servicenetwork/sn-0',
    });
    expect(live!.interpret([gateway('False')], context()).pass).toBe(false);
    expect(live!.interpret([ok('{"status":{}}')], context())).toEqual({
      pass: false,
      actual: 'no Programmed condition yet',
    });
  });

  test('the eight CRDs must carry bundle version v1.5.1', () => {
    const { live } = byId('vpc-lattice/gateway-api-crds');
    expect(live!.interpret([ok('v1.5.1\n'.repeat(8))], context()).pass).toBe(true);
    expect(live!.interpret([ok('v1.2.0\n' + 'v1.5.1\n'.repeat(7))], context()).pass).toBe(false);
    expect(live!.interpret([ok('v1.5.1\n'.repeat(5))], context()).pass).toBe(false);
  });

  describe('ui through the route (workshop step 11)', () => {
    const { live } = byId('vpc-lattice/ui-uses-route') as Required<LabExpectation>;

    test('curls the DNS name from the stack output inside the ui pod', () => {
      const commands = live.commands(context({ [ROUTE_URL_OUTPUT]: `http://${DNS}` }));
      expect(commands[2].args).toEqual([
        'exec',
        '-n',
        'ui',
        'deploy/ui',
        '--',
        'curl',
        '-s',
        '--connect-timeout',
        '5',
        '--max-time',
        '10',
        `http://${DNS}/health`,
      ]);
    });

    test('curls the endpoint the ui is configured with when the outputs are not readable', () => {
      const commands = live.commands(context());
      expect(commands[2].args.slice(-1)[0]).toBe(
        'curl -s --connect-timeout 5 --max-time 10 "$RETAIL_UI_ENDPOINTS_CHECKOUT/health"',
      );
    });

    test('passes when the route is programmed, the ui uses it and /health answers ok', () => {
      const outcome = live.interpret(
        [ok(DNS), ok(`http://${DNS}`), ok('{"status":"ok","info":{},"error":{},"details":{}}')],
        context(),
      );
      expect(outcome.pass).toBe(true);
      expect(outcome.notes).toEqual([]);
    });

    test('fails when the route has no Lattice DNS name yet', () => {
      expect(live.interpret([ok(''), ok(''), ok('')], context())).toEqual({
        pass: false,
        actual: 'route not programmed: no application-networking.k8s.aws/lattice-assigned-domain-name annotation',
      });
    });

    test('fails when the ui still calls the checkout Service', () => {
      const outcome = live.interpret(
        [ok(DNS), ok('http://checkout.checkout.svc:80'), ok('{"status":"ok"}')],
        context(),
      );
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toBe(
        `ui RETAIL_UI_ENDPOINTS_CHECKOUT is http://checkout.checkout.svc:80, not http://${DNS}`,
      );
    });

    test('fails when /health does not answer', () => {
      const outcome = live.interpret(
        [ok(DNS), ok(`http://${DNS}`), { exitCode: 28, stdout: '', stderr: '' }],
        context(),
      );
      expect(outcome).toMatchObject({ pass: false, actual: `http://${DNS}/health from ui: exit code 28` });
    });
  });

  test('recognises VPC Lattice service DNS names', () => {
    expect(LATTICE_DNS_PATTERN.test(DNS)).toBe(true);
    expect(LATTICE_DNS_PATTERN.test('checkout.checkout.svc')).toBe(false);
  });
});

describe('live checks on recorded cluster output', () => {
  const FIXTURES = join(__dirname, '../../../fixtures/live/vpc-lattice');
  const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
  const recorded = (name: string): CommandResult => ok(read(name));
  const withLab = (stackOutputs: Record<string, string> = {}): LiveContext => ({
    clusterName: 'eks-workshop',
    stackOutputs,
    lab,
  });

  describe('prefix-list ingress on the cluster security group (workshop setup step 1)', () => {
    test('reads the AWS-managed prefix lists and the cluster security group by its EKS tag', () => {
      const commands = byId('vpc-lattice/prefix-list-ingress').live!.commands(withLab());
      expect(commands.map((command) => [command.program, ...command.args].join(' '))).toEqual([
        'aws ec2 describe-managed-prefix-lists --filters Name=owner-id,Values=AWS --output json',
        'aws ec2 describe-security-groups --filters Name=tag:aws:eks:cluster-name,Values=eks-workshop --output json',
      ]);
    });

    test('passes when both Lattice lists are admitted for every protocol', () => {
      expect(
        interpretLatticePrefixListRules([
          recorded('managed-prefix-lists.json'),
          recorded('cluster-security-group.json'),
        ]),
      ).toEqual({
        pass: true,
        actual:
          'com.amazonaws.us-west-2.vpc-lattice (pl-0721453c7ac4ec009): all traffic admitted on sg-0ccc00000000000c3; ' +
          'com.amazonaws.us-west-2.ipv6.vpc-lattice (pl-0e9d2c2b4c1f9e5a1): all traffic admitted on sg-0ccc00000000000c3',
      });
    });

    test('fails when only the IPv4 list is admitted', () => {
      const outcome = interpretLatticePrefixListRules([
        recorded('managed-prefix-lists.json'),
        recorded('cluster-security-group-ipv4-rule-only.json'),
      ]);
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toContain(
        'com.amazonaws.us-west-2.ipv6.vpc-lattice (pl-0e9d2c2b4c1f9e5a1): no all-protocol rule',
      );
    });

    test('fails when the cluster security group is not found', () => {
      expect(
        interpretLatticePrefixListRules([recorded('managed-prefix-lists.json'), ok('{"SecurityGroups":[]}')]).pass,
      ).toBe(false);
    });
  });

  describe('service network and its VPC association', () => {
    test('lists the service networks', () => {
      expect(byId('vpc-lattice/service-network-associated').live!.commands(withLab())).toEqual([
        { program: 'aws', args: ['vpc-lattice', 'list-service-networks', '--output', 'json'] },
      ]);
    });

    test('passes when the network named after the cluster has one VPC associated', () => {
      expect(interpretServiceNetworks(recorded('list-service-networks.json'), 'eks-workshop')).toEqual({
        pass: true,
        actual: 'eks-workshop (sn-0a1b2c3d4e5f6a7b8): 1 associated VPC(s), 1 service(s)',
      });
    });

    test('fails when its VPC association is gone, or the network does not exist', () => {
      expect(interpretServiceNetworks(recorded('list-service-networks-not-associated.json'), 'eks-workshop').pass).toBe(
        false,
      );
      expect(interpretServiceNetworks(recorded('list-service-networks.json'), 'eks-workshop-2')).toEqual({
        pass: false,
        actual: '0 service networks named eks-workshop-2',
      });
    });
  });

  describe('the 25/75 split observed over 100 requests (workshop testing-routing step 14)', () => {
    const live = () => byId('vpc-lattice/observed-split').live!;

    test('loops GET /topology from the ui pod through the route DNS name of the stack output', () => {
      const [command] = live().commands(withLab({ [ROUTE_URL_OUTPUT]: `http://${DNS}` }));
      expect(command.args.slice(0, 7)).toEqual(['exec', '-n', 'ui', 'deploy/ui', '--', 'sh', '-c']);
      expect(command.args[7]).toBe(splitProbeScript(`http://${DNS}`));
      expect(command.args[7]).toContain('while [ $n -lt 100 ]');
      expect(command.args[7]).toContain('"$url/topology"');
    });

    test('passes with 78 of 100 answers from checkoutv2 (within 63-87)', () => {
      const outcome = live().interpret([recorded('split-through-route.txt')], withLab());
      expect(outcome).toEqual({
        pass: true,
        actual:
          'checkoutv2/checkout: 78, checkout/checkout: 22 of 100 answered; 78% to checkoutv2/checkout, expected 75% (pass: 63-87 of 100)',
      });
    });

    test('fails when every answer comes from checkout (the weights are not applied)', () => {
      const outcome = live().interpret([recorded('split-all-to-checkout.txt')], withLab());
      expect(outcome.pass).toBe(false);
      expect(outcome.actual).toMatch(/^checkout\/checkout: 100 of 100 answered; 0% to checkoutv2\/checkout/);
    });

    test('fails when the route does not answer (the loop gives up after 5 failures)', () => {
      const unreachable = JSON.parse(read('split-route-unreachable.result.json')) as CommandResult;
      expect(live().interpret([unreachable], withLab())).toMatchObject({
        pass: false,
        actual: expect.stringMatching(/^no answer through the route \(5 failed request\(s\)\)/),
      });
    });

    test('recognises the backends by the Redis URL each checkout is configured with', () => {
      const backends = new Map([
        ['redis://checkout-redis:6379', 'checkout/checkout'],
        ['redis://checkout-redis.checkout.svc:6379', 'checkoutv2/checkout'],
      ]);
      const answer = (endpoint: string) => `answer={"persistenceProvider":"redis","databaseEndpoint":"${endpoint}"}`;
      const text = [
        ...Array.from({ length: 70 }, () => answer('redis://checkout-redis.checkout.svc:6379')),
        ...Array.from({ length: 30 }, () => answer('redis://checkout-redis:6379')),
      ].join('\n');
      expect(interpretObservedSplit(ok(text), backends, 'checkoutv2/checkout', 0.75).pass).toBe(true);
      const stranger = `${text}\n${answer('redis://elsewhere:6379')}`;
      expect(interpretObservedSplit(ok(stranger), backends, 'checkoutv2/checkout', 0.75)).toMatchObject({
        pass: false,
        actual: expect.stringContaining('unrecognised answer: 1'),
      });
    });
  });
});
