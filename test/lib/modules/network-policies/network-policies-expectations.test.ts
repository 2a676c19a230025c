import { NETWORK_POLICY_CHECKS } from '../../../../lib/modules/network-policies/network-policy-checks';
import {
  networkPoliciesExpectations,
  stageVerdict,
} from '../../../../lib/modules/network-policies/network-policies-expectations';
import type { LabExpectation } from '../../../../lib/verify/lab-expectation';
import { formatVerificationTable, verificationJson } from '../../../../lib/verify/verification-report';
import { verifyOffline } from '../../../../lib/verify/verify-offline';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

const CHECKOUT_TO_ORDERS = 'app/checkout-to-orders';

function byId(expectations: readonly LabExpectation[], id: string): LabExpectation {
  const found = expectations.find((expectation) => expectation.id === id);
  if (!found) throw new Error(`no expectation ${id}`);
  return found;
}

describe('provenance of each verdict', () => {
  test('a tested cell cites the workshop step, its page and what the docs observed', () => {
    const uiToCatalog = byId(networkPoliciesExpectations('default-deny'), 'app/ui-to-catalog');
    expect(uiToCatalog.expected).toBe('blocked');
    expect(uiToCatalog.source).toBe(
      'workshop S1 (egress page), tested (curl: (28) Resolving timed out after 5000 milliseconds): default-deny also denies the DNS lookup',
    );
  });

  test('a derived cell says it is derived, not tested', () => {
    expect(byId(networkPoliciesExpectations('catalog-db'), 'app/ui-to-catalog').source).toBe(
      'workshop S4 (ingress page), derived from the policies, not tested in the docs',
    );
  });

  test('checkout -> orders is blocked at orders-debug-fixed "as in the workshop", with the complete stage named', () => {
    const fixed = byId(networkPoliciesExpectations('orders-debug-fixed'), CHECKOUT_TO_ORDERS);
    expect(fixed.expected).toBe('blocked (as in the workshop)');
    expect(fixed.source).toMatch(
      /^workshop S6 \(debug page\), derived .*placing an order breaks, as in the workshop \(the complete stage admits checkout\)$/,
    );
  });

  test('checkout -> orders is allowed at complete, and the source says the workshop\u2019s final step blocks it', () => {
    const complete = byId(networkPoliciesExpectations('complete'), CHECKOUT_TO_ORDERS);
    expect(complete.expected).toBe('allowed (the workshop\u2019s S6 blocks it)');
    expect(complete.source).toContain(
      "complete stage (this lab's end state); the workshop's final step S6 has it blocked",
    );
    expect(complete.source).toContain('also admits checkout service pods');
  });

  test('rows where complete agrees with S6 say so', () => {
    expect(
      stageVerdict(
        NETWORK_POLICY_CHECKS.find((check) => check.id === 'network-policies/ui-to-internet')!,
        'complete',
      ).source,
    ).toBe("complete stage (this lab's end state), as at workshop S6");
  });
});

describe('the declared expectations of a stage', () => {
  test('check the network policy agent, the deployed policies, then every row of the table', () => {
    const ids = networkPoliciesExpectations('ui-egress').map((expectation) => expectation.id);
    expect(ids.slice(0, 2)).toEqual(['network-policies/network-policy-agent', 'network-policies/deployed-policies']);
    expect(ids.slice(2)).toEqual(NETWORK_POLICY_CHECKS.map((check) => check.id));
  });

  test('expect exactly the stage\u2019s policies in the retail namespaces', () => {
    expect(byId(networkPoliciesExpectations('ui-egress'), 'network-policies/deployed-policies').expected).toBe(
      'ui/allow-ui-egress, ui/default-deny',
    );
  });

  test('check every connectivity row live with curl from the source deployment, like the workshop', () => {
    const live = byId(networkPoliciesExpectations('ui-egress'), 'network-policies/ui-to-catalog-mysql').live!;
    expect(
      live.commands({ clusterName: 'eks-workshop', stackOutputs: {}, lab: {} as SynthesizedOutput })[0].args,
    ).toEqual(
      expect.arrayContaining([
        'exec',
        '-n',
        'ui',
        'deployment/ui',
        'curl',
        '--connect-timeout',
        '5',
        'telnet://catalog-mysql.catalog:3306',
      ]),
    );
  });
});

describe('npm run verify output', () => {
  let fixed: SynthesizedOutput;
  let complete: SynthesizedOutput;

  beforeAll(() => {
    fixed = synthesizedOutputForTest({ modules: 'network-policies', 'networkPolicies.stage': 'orders-debug-fixed' });
    complete = synthesizedOutputForTest({ modules: 'network-policies', 'networkPolicies.stage': 'complete' });
  });

  test('shows the difference from the workshop under the check with --verbose, at both stages', () => {
    const expectedAndActual = (lab: SynthesizedOutput) => {
      const lines = formatVerificationTable(verifyOffline(lab), { verbose: true }).split('\n');
      const at = lines.findIndex((line) => /^PASS {2}network-policies +app\/checkout-to-orders /.test(line));
      return at < 0 ? [] : lines.slice(at + 2, at + 4);
    };
    expect(expectedAndActual(fixed)).toEqual([
      '      expected: blocked (as in the workshop)',
      expect.stringMatching(/^ {6}actual: {3}blocked: /),
    ]);
    expect(expectedAndActual(complete)).toEqual([
      '      expected: allowed (the workshop\u2019s S6 blocks it)',
      '      actual:   allowed by NetworkPolicy orders/allow-orders-ingress-webservice spec.ingress[0]',
    ]);
  });

  test('passes every check of the stage, and the JSON carries the sources', () => {
    const summary = verifyOffline(complete);
    expect(summary.failed).toBe(0);
    const json = verificationJson(summary) as { results: { id: string; source?: string }[] };
    expect(json.results.find((result) => result.id === CHECKOUT_TO_ORDERS)?.source).toContain('S6');
  });
});
