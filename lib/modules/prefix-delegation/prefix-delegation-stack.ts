import { Annotations, CfnWaitConditionHandle, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct } from 'constructs';
import { pausePodsCapacityWarning, podCapacity } from './pause-pods-capacity';
import { ignoredWarmTargetWarnings } from './prefix-delegation-vpc-cni';
import { deployChart } from '../../../constructs/chart-manifest';
import { PausePodsChart } from '../../../manifests/prefix-delegation/pause-pods-chart';
import type { LabFoundation } from '../../lab-foundation';

export interface PrefixDelegationStackProps extends NestedStackProps {
  readonly foundation: LabFoundation;
}

/**
 * The prefix delegation lab (workshop `manifests/modules/networking/prefix`). Prefix mode itself is VPC CNI
 * configuration, merged into the base's vpc-cni add-on; this stack holds the density proof, Deployment
 * `pause-pods-prefix`, and the synth-time warnings about the settings.
 */
export class PrefixDelegationStack extends NestedStack {
  /** The pause Deployment; absent when `prefixDelegation.pausePods` is 0. */
  readonly pausePods?: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: PrefixDelegationStackProps) {
    super(scope, id, {
      description: 'eks-networking-lab module prefix-delegation: pod density proof (pause-pods-prefix)',
      ...props,
    });
    const { foundation } = props;
    const settings = foundation.config.prefixDelegation;

    if (settings.pausePods > 0) {
      const chart = new PausePodsChart(new Cdk8sApp(), 'PausePods', { replicas: settings.pausePods });
      this.pausePods = deployChart(this, 'PausePods', { cluster: foundation.cluster, chart });
      // Namespace `other` comes from the base; the default nodes run in prefix mode once they exist. Deleting the
      // Deployment before either keeps teardown from waiting on 150 pods of a vanishing node group.
      this.pausePods.node.addDependency(foundation.retailNamespaces, foundation.defaultNodeGroup);
    } else {
      // CloudFormation refuses a template without resources; with no density proof the stack holds a no-op handle.
      new CfnWaitConditionHandle(this, 'NoPausePods');
    }

    const warnings = [
      ...ignoredWarmTargetWarnings(settings),
      pausePodsCapacityWarning(settings.pausePods, podCapacity(foundation.plan.nodeGroups)),
    ];
    for (const warning of warnings) {
      if (warning) Annotations.of(this).addWarningV2(warning.id, warning.message);
    }
  }
}
