import {
  renderNetworkPoliciesReadmeTables,
  renderNetworkPolicyConnectivityTable,
  renderNetworkPolicyStageTable,
} from '../../../../lib/modules/network-policies/network-policies-stage-table';

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

describe('stage table', () => {
  const table = renderNetworkPolicyStageTable();

  test('is a markdown table with a header, a separator and one row per stage, in lab order', () => {
    const rows = lines(table);
    expect(rows[0]).toBe('| Stage | Workshop step | Deploy with | Policies in place | What it changes |');
    expect(rows[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual([
      '| `default-deny`',
      '| `ui-egress`',
      '| `catalog-ingress`',
      '| `catalog-db`',
      '| `orders-debug-broken`',
      '| `orders-debug-fixed`',
      '| `complete` (default)',
    ]);
  });

  test('names the workshop step and page, the context flag and the policies of each stage', () => {
    const uiEgress = lines(table).find((row) => row.startsWith('| `ui-egress`'))!;
    expect(uiEgress).toContain('| S2 (egress page) |');
    expect(uiEgress).toContain('`-c networkPolicies.stage=ui-egress`');
    expect(uiEgress).toContain('`ui/default-deny`, `ui/allow-ui-egress`');
  });

  test('tells the orders variants apart', () => {
    const rows = lines(table);
    expect(rows.find((row) => row.startsWith('| `orders-debug-broken`'))).toContain(
      '`orders/allow-orders-ingress-webservice` (allow-order-ingress-fail-debug.yaml)',
    );
    expect(rows.find((row) => row.startsWith('| `complete`'))).toContain(
      '`orders/allow-orders-ingress-webservice` (lab variant)',
    );
  });
});

describe('connectivity table', () => {
  const rows = lines(renderNetworkPolicyConnectivityTable());

  test('has a column per stage, headed by the workshop step', () => {
    expect(rows[0]).toBe(
      '| From | To | S1 `default-deny` | S2 `ui-egress` | S3 `catalog-ingress` | S4 `catalog-db` | S5 `orders-debug-broken` | S6 `orders-debug-fixed` | `complete` |',
    );
  });

  test('marks tested and derived cells, and puts in bold where complete differs from the workshop\u2019s S6', () => {
    expect(rows).toContain(
      '| checkout | orders.orders:80/actuator/health (app call) | allowed D | allowed D | allowed D | allowed D | blocked D | blocked D | **allowed** |',
    );
    expect(rows).toContain(
      '| ui | catalog.catalog:80/health (app call) | blocked T | allowed T | allowed T | allowed D | allowed D | allowed D | allowed |',
    );
    expect(rows).toContain(
      '| ui | www.google.com:80 | blocked D | blocked T | blocked D | blocked D | blocked D | blocked D | blocked |',
    );
  });
});

test('the README block holds both tables and the legend, and ends with a newline like the other generated blocks', () => {
  const block = renderNetworkPoliciesReadmeTables();
  expect(
    block.startsWith(`${renderNetworkPolicyStageTable()}\n\n${renderNetworkPolicyConnectivityTable()}\n\nT: tested`),
  ).toBe(true);
  expect(block.endsWith('final step.\n')).toBe(true);
});
