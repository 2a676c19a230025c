import { APP_NAMESPACES, APP_SERVICES } from '../../../manifests/retail-app/retail-app-components';
import { VPC_LATTICE_IPV4_CIDR } from '../../../manifests/network-policies/lab-network-policies';
import { CHECKOUT_V2_NAMESPACE } from '../../../manifests/vpc-lattice/vpc-lattice-names';
import { appCallExpectation } from '../../verify/base-expectations';
import { connectivityExpectation } from '../../verify/expectations/connectivity-expectation';
import { networkPolicyAgentExpectation } from '../../verify/expectations/network-policy-agent';
import { networkPolicyInventoryExpectation } from '../../verify/expectations/network-policy-inventory';
import type { LabExpectation } from '../../verify/lab-expectation';
import { type NetworkPolicyCheck, NETWORK_POLICY_CHECKS, type Verdict, WORKSHOP_STEPS } from './network-policy-checks';
import {
  deployedPolicies,
  NETWORK_POLICY_STAGE_DEFINITIONS,
  NO_INTERPLAY,
  type NetworkPolicyInterplay,
  stagePolicyNames,
} from './network-policy-stages';
import { NETWORK_POLICIES_MODULE_KEY, type NetworkPolicyStage } from './network-policies-settings';

export interface StageVerdict {
  readonly expect: Verdict;
  /** `workshop S2 (egress page), tested: "..."` or `complete stage (...)`: where the verdict comes from. */
  readonly source: string;
  /** The verdict in words for the verify table. */
  readonly expected: string;
}

/** A check's verdict at a stage, with its provenance. */
export function stageVerdict(check: NetworkPolicyCheck, stage: NetworkPolicyStage): StageVerdict {
  const step = NETWORK_POLICY_STAGE_DEFINITIONS[stage].workshopStep;
  if (step === undefined) {
    const s6 = check.workshop[WORKSHOP_STEPS.indexOf('S6')].expect;
    const parts = [
      `complete stage (this lab's end state)${check.complete === s6 ? ', as at workshop S6' : `; the workshop's final step S6 has it ${s6}`}`,
      check.why?.complete,
    ];
    return {
      expect: check.complete,
      source: parts.filter((part) => part !== undefined).join(': '),
      expected: check.expectedText?.complete ?? check.complete,
    };
  }
  const cell = check.workshop[WORKSHOP_STEPS.indexOf(step)];
  const page = NETWORK_POLICY_STAGE_DEFINITIONS[stage].page;
  const observed = check.observed?.[step];
  const evidence =
    cell.evidence === 'tested'
      ? `tested${observed === undefined ? '' : ` (${observed})`}`
      : 'derived from the policies, not tested in the docs';
  const why = check.why?.[step];
  return {
    expect: cell.expect,
    source: `workshop ${step} (${page} page), ${evidence}${why === undefined ? '' : `: ${why}`}`,
    expected: check.expectedText?.[step] ?? cell.expect,
  };
}

function checkExpectation(check: NetworkPolicyCheck, stage: NetworkPolicyStage): LabExpectation {
  const verdict = stageVerdict(check, stage);
  const expectation = check.appCall
    ? appCallExpectation(check.appCall, NETWORK_POLICIES_MODULE_KEY, verdict.expect, verdict.source)
    : connectivityExpectation({
        id: check.id,
        module: NETWORK_POLICIES_MODULE_KEY,
        from: { namespace: APP_SERVICES[check.from].namespace, workload: APP_SERVICES[check.from].name },
        to: check.to,
        expect: verdict.expect,
        source: verdict.source,
      });
  return verdict.expected === expectation.expected ? expectation : { ...expectation, expected: verdict.expected };
}

/**
 * What `npm run verify` checks at a stage: the agent is on, exactly the stage's policies are in the app's
 * namespaces, and every row of the connectivity table has the stage's verdict (app calls under the base's ids, so
 * a blocked call replaces the base's "allowed").
 */
export function networkPoliciesExpectations(
  stage: NetworkPolicyStage,
  interplay: NetworkPolicyInterplay = NO_INTERPLAY,
): LabExpectation[] {
  const definition = NETWORK_POLICY_STAGE_DEFINITIONS[stage];
  const deployed = deployedPolicies(stage, interplay);
  const latticeEgress = deployed.includes('allow-ui-egress-vpc-lattice');
  const checkoutV2Orders = deployed.includes('allow-orders-ingress-checkoutv2');
  const stageSource =
    definition.workshopStep === undefined
      ? 'complete stage (this lab\u2019s end state)'
      : `workshop ${definition.workshopStep}`;
  return [
    networkPolicyAgentExpectation(
      NETWORK_POLICIES_MODULE_KEY,
      'EKS user guide: cni-network-policy-configure (enableNetworkPolicy), network-policies-troubleshooting (enablePolicyEventLogs)',
    ),
    networkPolicyInventoryExpectation({
      id: `${NETWORK_POLICIES_MODULE_KEY}/deployed-policies`,
      module: NETWORK_POLICIES_MODULE_KEY,
      namespaces: APP_NAMESPACES,
      expected: stagePolicyNames(stage, interplay),
      source: `${stageSource}: ${definition.change}`,
    }),
    ...NETWORK_POLICY_CHECKS.map((check) => checkExpectation(check, stage)),
    ...(latticeEgress
      ? [
          {
            // Offline only: live, vpc-lattice's own check curls the route's DNS name from the ui, through these policies.
            ...connectivityExpectation({
              id: `${NETWORK_POLICIES_MODULE_KEY}/ui-to-vpc-lattice`,
              module: NETWORK_POLICIES_MODULE_KEY,
              from: { namespace: APP_SERVICES.ui.namespace, workload: APP_SERVICES.ui.name },
              // An address of the VPC Lattice link-local range, as the route's DNS name resolves to.
              to: { kind: 'external', host: 'VPC Lattice (checkout route)', address: '169.254.171.10', port: 80 },
              expect: 'allowed',
              source: `vpc-lattice is on: the ui calls checkout through VPC Lattice (${VPC_LATTICE_IPV4_CIDR})`,
            }),
            live: undefined,
          },
        ]
      : []),
    ...(checkoutV2Orders
      ? [
          connectivityExpectation({
            id: `${NETWORK_POLICIES_MODULE_KEY}/checkoutv2-to-orders`,
            module: NETWORK_POLICIES_MODULE_KEY,
            from: { namespace: CHECKOUT_V2_NAMESPACE, workload: APP_SERVICES.checkout.name },
            to: { kind: 'service', namespace: 'orders', name: 'orders', port: 80, path: '/actuator/health' },
            expect: 'allowed',
            source: 'complete stage with vpc-lattice: orders placed through checkoutv2 must work',
          }),
        ]
      : []),
  ];
}
