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

/**
 * Sets `ServiceTimeout` on every custom resource, so a deployment or deletion whose handler died fails in
 * minutes instead of after CloudFormation's one-hour default.
 */
export class CustomResourceTimeouts implements IAspect {
  constructor(private readonly props: CustomResourceTimeoutsProps) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource)) return;
    const type = node.cfnResourceType;
    if (!type.startsWith('Custom::') && type !== 'AWS::CloudFormation::CustomResource') return;
    const timeout = this.props.byResourceType[type] ?? this.props.otherwise;
    node.addPropertyOverride(SERVICE_TIMEOUT_PROPERTY, timeout.toSeconds());
  }
}
