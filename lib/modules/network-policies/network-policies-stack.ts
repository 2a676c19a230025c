import { NestedStack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { deployObjects } from '../../../constructs/chart-manifest';
import { NetworkPoliciesChart } from '../../../manifests/network-policies/network-policies-chart';
import type { LabFoundation } from '../../lab-foundation';
import {
  deployedPolicies,
  NETWORK_POLICY_STAGE_DEFINITIONS,
  type NetworkPolicyInterplay,
} from './network-policy-stages';
import type { NetworkPolicyStage } from './network-policies-settings';

/** Construct id of the module's nested stack under the lab stack. */
export const NETWORK_POLICIES_STACK_ID = 'NetworkPolicies';

export interface NetworkPoliciesStackProps {
  readonly foundation: LabFoundation;
  readonly stage: NetworkPolicyStage;
  readonly interplay: NetworkPolicyInterplay;
}

interface PolicyObjectJson {
  readonly metadata: { readonly name: string; readonly namespace: string };
}

/**
 * The network policies lab: the stage's NetworkPolicies (one cdk8s chart), created after the `vpc-cni` add-on
 * carries the network policy settings and after the retail app namespaces exist. `cdk destroy` deletes them with
 * this stack; the network policy agent itself belongs to the add-on.
 */
export class NetworkPoliciesStack extends NestedStack {
  /** The manifest resource of each policy, by `<namespace>/<name>`. */
  readonly policyManifests: Readonly<Record<string, eks.KubernetesManifest>>;

  constructor(scope: Construct, id: string, props: NetworkPoliciesStackProps) {
    const definition = NETWORK_POLICY_STAGE_DEFINITIONS[props.stage];
    super(scope, id, { description: `Network policies lab, stage ${props.stage}: ${definition.policies.join(', ')}` });
    const { foundation } = props;
    const chart = new NetworkPoliciesChart(new Cdk8sApp(), 'NetworkPolicies', {
      policies: deployedPolicies(props.stage, props.interplay),
    });

    // One manifest resource per policy, named after the policy rather than the variant: moving between stages
    // adds, updates (`kubectl apply`) or deletes exactly the policies that differ. A single manifest would leave
    // removed policies behind on a stage change, because the kubectl handler's `apply --prune` only prunes kubectl's
    // default allowlist of kinds, which does not include NetworkPolicy.
    const manifests: Record<string, eks.KubernetesManifest> = {};
    for (const object of chart.toJson() as PolicyObjectJson[]) {
      const { name, namespace } = object.metadata;
      const manifest = deployObjects(this, `${namespace}-${name}`, {
        cluster: foundation.cluster,
        objects: [object as unknown as Record<string, unknown>],
      });
      // A policy applied before the add-on runs the network policy agent is not enforced; the namespaces must exist
      // before objects in them. Deletion runs in reverse: policies go before the add-on and the namespaces.
      manifest.node.addDependency(foundation.vpcCniAddon, foundation.retailNamespaces);
      manifests[`${namespace}/${name}`] = manifest;
    }
    this.policyManifests = manifests;
  }
}
