import { CfnResource, type Duration, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface CustomResourceTimeoutsProps {
  /** Timeout per custom resource type (for example `Custom::AWSCDK-EKS-HelmChart`). */
  readonly byResourceType: Readonly<Record<string, Duration>>;
  /** Timeout of every other custom resource. */
  readonly otherwise: Duration;
}

/** The CloudFormation property that bounds how long a stack waits for a custom resource (1-3600 s). */
export const SERVICE_TIMEOUT_PROPERTY = 'ServiceTimeout';

/** Custom resources whose construct sized their timeout from their handler's own limits. */
const OWN_TIMEOUTS = new WeakSet<CfnResource>();

/**
 * Gives a custom resource the ServiceTimeout its construct computed from its handler's limits (longer than the
 * handler can run, so the handler always answers, and says why it failed, before CloudFormation gives up).
 * `CustomResourceTimeouts` leaves it as it is.
 */
export function setOwnServiceTimeout(resource: CfnResource, timeout: Duration): void {
  resource.addPropertyOverride(SERVICE_TIMEOUT_PROPERTY, timeout.toSeconds());
  OWN_TIMEOUTS.add(resource);
}

/**
 * Sets `ServiceTimeout` on every custom resource that has none of its own, so a deployment or deletion whose
 * handler died fails in minutes instead of after CloudFormation's one-hour default.
 */
export class CustomResourceTimeouts implements IAspect {
  constructor(private readonly props: CustomResourceTimeoutsProps) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || OWN_TIMEOUTS.has(node)) return;
    const type = node.cfnResourceType;
    if (!type.startsWith('Custom::') && type !== 'AWS::CloudFormation::CustomResource') return;
    const timeout = this.props.byResourceType[type] ?? this.props.otherwise;
    node.addPropertyOverride(SERVICE_TIMEOUT_PROPERTY, timeout.toSeconds());
  }
}
