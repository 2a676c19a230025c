import { LAB_NETWORK_POLICIES } from '../../../manifests/network-policies/lab-network-policies';
import type { ConnectivityTarget } from '../../verify/expectations/connectivity-expectation';
import { NETWORK_POLICY_CHECKS, WORKSHOP_STEPS } from './network-policy-checks';
import { networkPolicyStageDefinitions } from './network-policy-stages';
import { NETWORK_POLICIES_KEYS } from './network-policies-settings';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/**
 * The README's stage table, from the stage definitions: per stage, the workshop step, how to deploy it, the
 * policies in place and what the step changes.
 */
export function renderNetworkPolicyStageTable(): string {
  return table(
    ['Stage', 'Workshop step', 'Deploy with', 'Policies in place', 'What it changes'],
    networkPolicyStageDefinitions().map((definition) => [
      `\`${definition.stage}\`${definition.stage === 'complete' ? ' (default)' : ''}`,
      definition.workshopStep === undefined
        ? '- (this lab\u2019s end state)'
        : `${definition.workshopStep} (${definition.page} page)`,
      `\`-c ${NETWORK_POLICIES_KEYS.stage}=${definition.stage}\``,
      definition.policies
        .map((key) => {
          const policy = LAB_NETWORK_POLICIES[key];
          const variant =
            policy.workshopFile === undefined
              ? ' (lab variant)'
              : key === policy.name
                ? ''
                : ` (${policy.workshopFile})`;
          return `\`${policy.namespace}/${policy.name}\`${variant}`;
        })
        .join(', '),
      definition.change,
    ]),
  );
}

function describeTarget(to: ConnectivityTarget): string {
  if (to.kind === 'external') return `${to.host}:${to.port}`;
  return `${to.name}.${to.namespace}:${to.port}${to.path ?? ''}`;
}

/**
 * The connectivity table every stage is verified against: the workshop's verdict at S1-S6 (T = tested in the
 * docs, D = derived from the policies) and this lab's at `complete`; bold where `complete` differs from S6.
 */
export function renderNetworkPolicyConnectivityTable(): string {
  const stages = networkPolicyStageDefinitions();
  return table(
    ['From', 'To', ...stages.map((definition) => `${definition.workshopStep ?? ''} \`${definition.stage}\``.trim())],
    NETWORK_POLICY_CHECKS.map((check) => {
      const s6 = check.workshop[WORKSHOP_STEPS.indexOf('S6')].expect;
      return [
        check.from,
        `${describeTarget(check.to)}${check.appCall ? ' (app call)' : ''}`,
        ...check.workshop.map((cell) => `${cell.expect} ${cell.evidence === 'tested' ? 'T' : 'D'}`),
        check.complete === s6 ? check.complete : `**${check.complete}**`,
      ];
    }),
  );
}

/**
 * The README's generated block for the module (ends with a newline, like the other generated blocks): the stage
 * table, then the connectivity table with its legend.
 */
export function renderNetworkPoliciesReadmeTables(): string {
  return (
    [
      renderNetworkPolicyStageTable(),
      '',
      renderNetworkPolicyConnectivityTable(),
      '',
      'T: tested in the workshop docs; D: derived from the policies (not tested there). The rows from `carts -> ' +
        'carts-dynamodb` on (the app\u2019s other calls, DNS) are not in the workshop\u2019s table and are derived the same ' +
        'way. `npm run verify` checks every cell of the deployed stage offline, and with `--live` by curl from the ' +
        'source pod. Bold: where `complete` differs from the workshop\u2019s final step.',
    ].join('\n') + '\n'
  );
}
