import { NETWORK_POLICY_CHECKS, WORKSHOP_STEPS } from '../../../../lib/modules/network-policies/network-policy-checks';
import { networkPoliciesExpectations } from '../../../../lib/modules/network-policies/network-policies-expectations';
import {
  NETWORK_POLICY_STAGES,
  type NetworkPolicyStage,
} from '../../../../lib/modules/network-policies/network-policies-settings';
import { appCallExpectationId } from '../../../../lib/verify/base-expectations';
import { labConnectivity } from '../../../../lib/verify/expectations/connectivity-expectation';
import { labExpectations } from '../../../../lib/verify/lab-expectations';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { RETAIL_APP_CALLS } from '../../../../manifests/retail-app/retail-app-calls';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

/** A destination as the workshop names it: a Service port, or a host outside the cluster. */
type Destination = { service: string; port: number } | { external: string; port: number };

interface Row {
  readonly from: string;
  readonly to: Destination;
  /** Verdicts at S1 S2 S3 S4 S5 S6, then at complete: A allowed, B blocked. */
  readonly verdicts: string;
  /** Steps where the docs test the row (T); the other cells are derived (D). */
  readonly tested: readonly string[];
  /** Expectation id: the base's id for an app call. */
  readonly id: string;
}

function appCallId(from: string, toService: string): string {
  const call = RETAIL_APP_CALLS.find((candidate) => candidate.from === from && candidate.toService === toService);
  if (!call) throw new Error(`no app call ${from} -> ${toService}`);
  return appCallExpectationId(call);
}

/** Any public address: allow-ui-egress has no ipBlock, so none may be reached once ui is egress-isolated. */
const PUBLIC_ADDRESSES = ['142.250.80.100', '1.1.1.1', '52.94.236.248'];
const DNS = { service: 'kube-system/kube-dns', port: 53 };

/**
 * The workshop's connectivity table (../shared/reference/workshop-networking.md section 4.3, rows in its order)
 * transcribed independently of the module, then the app's remaining calls and DNS (derived). The last column is
 * this lab's complete stage.
 */
const TABLE: readonly Row[] = [
  {
    from: 'catalog/catalog',
    to: { service: 'checkout/checkout', port: 80 },
    verdicts: 'AAAAAA A',
    tested: [],
    id: 'network-policies/catalog-to-checkout',
  },
  {
    from: 'ui/ui',
    to: { service: 'catalog/catalog', port: 80 },
    verdicts: 'BAAAAA A',
    tested: ['S1', 'S2', 'S3'],
    id: appCallId('ui', 'catalog'),
  },
  {
    from: 'ui/ui',
    to: { service: 'catalog/catalog-mysql', port: 3306 },
    verdicts: 'BBBBBB B',
    tested: ['S2'],
    id: 'network-policies/ui-to-catalog-mysql',
  },
  {
    from: 'ui/ui',
    to: { external: 'www.google.com', port: 80 },
    verdicts: 'BBBBBB B',
    tested: ['S2'],
    id: 'network-policies/ui-to-internet',
  },
  {
    from: 'ui/ui',
    to: { service: 'orders/orders', port: 80 },
    verdicts: 'BAAABA A',
    tested: ['S5', 'S6'],
    id: appCallId('ui', 'orders'),
  },
  {
    from: 'orders/orders',
    to: { service: 'catalog/catalog', port: 80 },
    verdicts: 'AABBBB B',
    tested: ['S2', 'S3'],
    id: 'network-policies/orders-to-catalog',
  },
  {
    from: 'orders/orders',
    to: { service: 'catalog/catalog-mysql', port: 3306 },
    verdicts: 'AAABBB B',
    tested: ['S4'],
    id: 'network-policies/orders-to-catalog-mysql',
  },
  {
    from: 'catalog/catalog',
    to: { service: 'catalog/catalog-mysql', port: 3306 },
    verdicts: 'AAAAAA A',
    tested: ['S4'],
    id: appCallId('catalog', 'catalog-mysql'),
  },
  // Derived in the workshop: its final orders policy breaks checkout -> orders. This lab's complete stage does not.
  {
    from: 'checkout/checkout',
    to: { service: 'orders/orders', port: 80 },
    verdicts: 'AAAABB A',
    tested: [],
    id: appCallId('checkout', 'orders'),
  },
  {
    from: 'ui/ui',
    to: { service: 'carts/carts', port: 80 },
    verdicts: 'BAAAAA A',
    tested: [],
    id: appCallId('ui', 'carts'),
  },
  {
    from: 'ui/ui',
    to: { service: 'checkout/checkout', port: 80 },
    verdicts: 'BAAAAA A',
    tested: [],
    id: appCallId('ui', 'checkout'),
  },
  {
    from: 'ui/ui',
    to: { service: 'carts/carts-dynamodb', port: 8000 },
    verdicts: 'BBBBBB B',
    tested: [],
    id: 'network-policies/ui-to-carts-dynamodb',
  },
  {
    from: 'ui/ui',
    to: { service: 'checkout/checkout-redis', port: 6379 },
    verdicts: 'BBBBBB B',
    tested: [],
    id: 'network-policies/ui-to-checkout-redis',
  },
  {
    from: 'carts/carts',
    to: { service: 'carts/carts-dynamodb', port: 8000 },
    verdicts: 'AAAAAA A',
    tested: [],
    id: appCallId('carts', 'carts-dynamodb'),
  },
  {
    from: 'checkout/checkout',
    to: { service: 'checkout/checkout-redis', port: 6379 },
    verdicts: 'AAAAAA A',
    tested: [],
    id: appCallId('checkout', 'checkout-redis'),
  },
  {
    from: 'orders/orders',
    to: { service: 'orders/orders-postgresql', port: 5432 },
    verdicts: 'AAAAAA A',
    tested: [],
    id: appCallId('orders', 'orders-postgresql'),
  },
  { from: 'ui/ui', to: DNS, verdicts: 'BAAAAA A', tested: [], id: 'network-policies/ui-dns' },
  { from: 'catalog/catalog', to: DNS, verdicts: 'AAAAAA A', tested: [], id: 'network-policies/catalog-dns' },
  { from: 'carts/carts', to: DNS, verdicts: 'AAAAAA A', tested: [], id: 'network-policies/carts-dns' },
  { from: 'checkout/checkout', to: DNS, verdicts: 'AAAAAA A', tested: [], id: 'network-policies/checkout-dns' },
  { from: 'orders/orders', to: DNS, verdicts: 'AAAAAA A', tested: [], id: 'network-policies/orders-dns' },
];

function expectedAt(row: Row, stage: NetworkPolicyStage): 'allowed' | 'blocked' {
  const cells = row.verdicts.replace(' ', '');
  return cells[NETWORK_POLICY_STAGES.indexOf(stage)] === 'A' ? 'allowed' : 'blocked';
}

function describeRow(row: Row): string {
  return 'service' in row.to
    ? `${row.from} -> ${row.to.service}:${row.to.port}`
    : `${row.from} -> ${row.to.external}:${row.to.port}`;
}

/** Through the NetworkPolicy analyzer, as the workshop's curl does it: resolve the name first, then connect. */
function reaches(lab: SynthesizedOutput, row: Row, address = PUBLIC_ADDRESSES[0]): boolean {
  const analysis = labConnectivity(lab);
  if (!analysis.canReachService(row.from, DNS.service, DNS.port, 'UDP').allowed) return false;
  if ('external' in row.to) return analysis.canReach(row.from, { external: address }, row.to.port, 'TCP').allowed;
  return analysis.canReachService(row.from, row.to.service, row.to.port, row.to === DNS ? 'UDP' : 'TCP').allowed;
}

test('the module declares the same rows, with the same ids, verdicts and tested cells as the workshop table', () => {
  expect(NETWORK_POLICY_CHECKS.map((check) => check.id)).toEqual(TABLE.map((row) => row.id));
  for (const [index, check] of NETWORK_POLICY_CHECKS.entries()) {
    const row = TABLE[index];
    const verdicts = [...check.workshop.map((cell) => cell.expect), check.complete];
    expect(verdicts).toEqual(NETWORK_POLICY_STAGES.map((stage) => expectedAt(row, stage)));
    expect(WORKSHOP_STEPS.filter((_, step) => check.workshop[step].evidence === 'tested')).toEqual(row.tested);
  }
});

describe.each([...NETWORK_POLICY_STAGES])('stage %s', (stage) => {
  let lab: SynthesizedOutput;

  beforeAll(() => {
    lab = synthesizedOutputForTest({ modules: 'network-policies', 'networkPolicies.stage': stage });
  });

  test.each(TABLE.map((row) => [describeRow(row), row] as const))(
    '%s has the table\u2019s verdict (analyzer)',
    (_, row) => {
      expect(reaches(lab, row) ? 'allowed' : 'blocked').toBe(expectedAt(row, stage));
    },
  );

  test('the internet verdict holds for any public address, not just the stand-in', () => {
    const internet = TABLE.find((row) => 'external' in row.to)!;
    for (const address of PUBLIC_ADDRESSES) {
      expect(reaches(lab, internet, address) ? 'allowed' : 'blocked').toBe(expectedAt(internet, stage));
    }
  });

  test('every declared expectation of the stage passes offline, with the table\u2019s verdict', () => {
    const declared = networkPoliciesExpectations(stage);
    const byId = new Map(declared.map((expectation) => [expectation.id, expectation]));
    for (const row of TABLE) {
      const expectation = byId.get(row.id);
      expect(expectation?.expected.split(' ')[0]).toBe(expectedAt(row, stage));
    }
    const failures = declared
      .map((expectation) => ({ id: expectation.id, outcome: expectation.checkOffline(lab) }))
      .filter(({ outcome }) => !outcome.pass);
    expect(failures).toEqual([]);
  });

  test('the stage\u2019s verdicts replace the base\u2019s "allowed" for every app call', () => {
    const effective = new Map(labExpectations(lab.plan).map((expectation) => [expectation.id, expectation]));
    for (const call of RETAIL_APP_CALLS) {
      expect(effective.get(appCallExpectationId(call))?.module).toBe('network-policies');
    }
  });
});

describe('the complete stage is locked down and the retail app still works', () => {
  let lab: SynthesizedOutput;

  beforeAll(() => {
    lab = synthesizedOutputForTest({ modules: 'network-policies' });
  });

  test.each(RETAIL_APP_CALLS.map((call) => [`${call.from} -> ${call.toService}:${call.port}`, call] as const))(
    'app call %s is allowed',
    (_, call) => {
      const row: Row = {
        from: `${call.from}/${call.from}`,
        to: { service: `${call.toNamespace}/${call.toService}`, port: call.port },
        verdicts: '',
        tested: [],
        id: '',
      };
      expect(reaches(lab, row)).toBe(true);
    },
  );

  test('every retail app pod, data stores included, resolves DNS', () => {
    const analysis = labConnectivity(lab);
    const pods = analysis.workloadNames.filter((name) => !name.startsWith('kube-system/'));
    expect(pods).toHaveLength(9);
    for (const pod of pods) expect(analysis.canReachService(pod, DNS.service, DNS.port, 'UDP').allowed).toBe(true);
  });

  test('what the workshop locks down stays locked down', () => {
    const analysis = labConnectivity(lab);
    const blocked: [string, string, number][] = [
      ['ui/ui', 'catalog/catalog-mysql', 3306],
      ['ui/ui', 'carts/carts-dynamodb', 8000],
      ['ui/ui', 'checkout/checkout-redis', 6379],
      ['ui/ui', 'orders/orders-postgresql', 5432],
      ['orders/orders', 'catalog/catalog', 80],
      ['carts/carts', 'catalog/catalog', 80],
      ['checkout/checkout', 'catalog/catalog', 80],
      ['orders/orders', 'catalog/catalog-mysql', 3306],
      ['carts/carts', 'orders/orders', 80],
      ['catalog/catalog', 'orders/orders', 80],
    ];
    for (const [from, service, port] of blocked)
      expect([from, service, analysis.canReachService(from, service, port, 'TCP').allowed]).toEqual([
        from,
        service,
        false,
      ]);
    expect(analysis.canReach('ui/ui', { external: PUBLIC_ADDRESSES[0] }, 443, 'TCP').allowed).toBe(false);
  });
});
