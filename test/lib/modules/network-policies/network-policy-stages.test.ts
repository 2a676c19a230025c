import { LAB_NETWORK_POLICIES } from '../../../../manifests/network-policies/lab-network-policies';
import { NETWORK_POLICY_STAGES } from '../../../../lib/modules/network-policies/network-policies-settings';
import {
  NETWORK_POLICY_STAGE_DEFINITIONS,
  networkPolicyStageDefinitions,
  stagePolicyNames,
} from '../../../../lib/modules/network-policies/network-policy-stages';

/** Workshop section 4.3: which file each step applies (S6 replaces S5's file, same policy name). */
const WORKSHOP_STEPS = [
  ['default-deny', 'S1', ['default-deny.yaml']],
  ['ui-egress', 'S2', ['default-deny.yaml', 'allow-ui-egress.yaml']],
  ['catalog-ingress', 'S3', ['default-deny.yaml', 'allow-ui-egress.yaml', 'allow-catalog-ingress-webservice.yaml']],
  [
    'catalog-db',
    'S4',
    [
      'default-deny.yaml',
      'allow-ui-egress.yaml',
      'allow-catalog-ingress-webservice.yaml',
      'allow-catalog-ingress-db.yaml',
    ],
  ],
  [
    'orders-debug-broken',
    'S5',
    [
      'default-deny.yaml',
      'allow-ui-egress.yaml',
      'allow-catalog-ingress-webservice.yaml',
      'allow-catalog-ingress-db.yaml',
      'allow-order-ingress-fail-debug.yaml',
    ],
  ],
  [
    'orders-debug-fixed',
    'S6',
    [
      'default-deny.yaml',
      'allow-ui-egress.yaml',
      'allow-catalog-ingress-webservice.yaml',
      'allow-catalog-ingress-db.yaml',
      'allow-order-ingress-success-debug.yaml',
    ],
  ],
] as const;

test.each(WORKSHOP_STEPS)(
  'stage %s is workshop step %s: the policies of every file applied so far',
  (stage, step, files) => {
    const definition = NETWORK_POLICY_STAGE_DEFINITIONS[stage];
    expect(definition.workshopStep).toBe(step);
    expect(definition.policies.map((key) => LAB_NETWORK_POLICIES[key].workshopFile)).toEqual(files);
  },
);

test('the complete stage is S6 with the orders policy replaced by the lab variant that also admits checkout', () => {
  const complete = NETWORK_POLICY_STAGE_DEFINITIONS.complete;
  expect(complete.workshopStep).toBeUndefined();
  expect(stagePolicyNames('complete')).toEqual(stagePolicyNames('orders-debug-fixed'));
  expect(complete.policies).toEqual([
    ...NETWORK_POLICY_STAGE_DEFINITIONS['orders-debug-fixed'].policies.filter(
      (key) => key !== 'allow-order-ingress-success-debug',
    ),
    'allow-orders-ingress-complete',
  ]);
});

test.each([...NETWORK_POLICY_STAGES])('stage %s deploys each policy name once', (stage) => {
  const names = stagePolicyNames(stage);
  expect(new Set(names).size).toBe(names.length);
});

test('lists the definitions in stage order', () => {
  expect(networkPolicyStageDefinitions().map((definition) => definition.stage)).toEqual([...NETWORK_POLICY_STAGES]);
});
