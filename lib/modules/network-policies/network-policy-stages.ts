import {
  LAB_NETWORK_POLICIES,
  type LabNetworkPolicyKey,
} from '../../../manifests/network-policies/lab-network-policies';
import { NETWORK_POLICY_STAGES, type NetworkPolicyStage } from './network-policies-settings';

/** The workshop's steps (website/docs/networking/vpc-cni/network-policies/*.md); S0 is "no policies". */
export type WorkshopStep = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6';

export interface NetworkPolicyStageDefinition {
  readonly stage: NetworkPolicyStage;
  /** The workshop step the stage reproduces; undefined for this lab's own end state. */
  readonly workshopStep?: WorkshopStep;
  /** The docs page of the step (`egress`, `ingress`, `debug`), or `-`. */
  readonly page: string;
  /** What the step applies, as the workshop does it. */
  readonly change: string;
  /** Every policy deployed at this stage (cumulative). */
  readonly policies: readonly LabNetworkPolicyKey[];
}

const S1: readonly LabNetworkPolicyKey[] = ['default-deny'];
const S2: readonly LabNetworkPolicyKey[] = [...S1, 'allow-ui-egress'];
const S3: readonly LabNetworkPolicyKey[] = [...S2, 'allow-catalog-ingress-webservice'];
const S4: readonly LabNetworkPolicyKey[] = [...S3, 'allow-catalog-ingress-db'];

/** Each stage = the policies in place after that workshop step; `complete` is S6 with checkout admitted by orders. */
export const NETWORK_POLICY_STAGE_DEFINITIONS: Readonly<Record<NetworkPolicyStage, NetworkPolicyStageDefinition>> = {
  'default-deny': {
    stage: 'default-deny',
    workshopStep: 'S1',
    page: 'egress',
    change: '`kubectl apply -n ui -f default-deny.yaml`: ui loses all egress, DNS included',
    policies: S1,
  },
  'ui-egress': {
    stage: 'ui-egress',
    workshopStep: 'S2',
    page: 'egress',
    change:
      '+ `allow-ui-egress.yaml`: ui may reach service pods and kube-system (DNS), not data stores or the internet',
    policies: S2,
  },
  'catalog-ingress': {
    stage: 'catalog-ingress',
    workshopStep: 'S3',
    page: 'ingress',
    change: '+ `allow-catalog-ingress-webservice.yaml`: only the ui may call catalog',
    policies: S3,
  },
  'catalog-db': {
    stage: 'catalog-db',
    workshopStep: 'S4',
    page: 'ingress',
    change: '+ `allow-catalog-ingress-db.yaml`: only catalog may reach catalog-mysql',
    policies: S4,
  },
  'orders-debug-broken': {
    stage: 'orders-debug-broken',
    workshopStep: 'S5',
    page: 'debug',
    change: '+ `allow-order-ingress-fail-debug.yaml`: the intentionally wrong orders policy; ui -> orders is denied',
    policies: [...S4, 'allow-order-ingress-fail-debug'],
  },
  'orders-debug-fixed': {
    stage: 'orders-debug-fixed',
    workshopStep: 'S6',
    page: 'debug',
    change: '`allow-order-ingress-success-debug.yaml` replaces it: ui -> orders works, checkout -> orders is denied',
    policies: [...S4, 'allow-order-ingress-success-debug'],
  },
  complete: {
    stage: 'complete',
    page: '-',
    change: 'S6 with checkout also admitted by the orders policy: locked down, and every retail app call works',
    policies: [...S4, 'allow-orders-ingress-complete'],
  },
};

/** The stage definitions in lab order. */
export function networkPolicyStageDefinitions(): NetworkPolicyStageDefinition[] {
  return NETWORK_POLICY_STAGES.map((stage) => NETWORK_POLICY_STAGE_DEFINITIONS[stage]);
}

/** What else is deployed next to the lab: modules whose traffic the stage's policies must let through. */
export interface NetworkPolicyInterplay {
  /** vpc-lattice routes the ui's checkout calls through VPC Lattice link-local addresses. */
  readonly vpcLattice: boolean;
}

export const NO_INTERPLAY: NetworkPolicyInterplay = { vpcLattice: false };

/**
 * The policies a stage deploys with the other enabled modules: once the ui's egress is restricted (allow-ui-egress),
 * vpc-lattice adds `allow-ui-egress-vpc-lattice`, or the ui could not reach checkout through its route; in the
 * complete stage it also adds `allow-orders-ingress-checkoutv2`, so orders placed through checkoutv2 work.
 */
export function deployedPolicies(stage: NetworkPolicyStage, interplay: NetworkPolicyInterplay): LabNetworkPolicyKey[] {
  const policies = [...NETWORK_POLICY_STAGE_DEFINITIONS[stage].policies];
  if (interplay.vpcLattice && policies.includes('allow-ui-egress')) policies.push('allow-ui-egress-vpc-lattice');
  // In the end state every app call works, the second checkout's calls to orders included.
  if (interplay.vpcLattice && policies.includes('allow-orders-ingress-complete'))
    policies.push('allow-orders-ingress-checkoutv2');
  return policies;
}

/** `<namespace>/<name>` of every policy a stage deploys. */
export function stagePolicyNames(
  stage: NetworkPolicyStage,
  interplay: NetworkPolicyInterplay = NO_INTERPLAY,
): string[] {
  return deployedPolicies(stage, interplay).map((key) => {
    const policy = LAB_NETWORK_POLICIES[key];
    return `${policy.namespace}/${policy.name}`;
  });
}
