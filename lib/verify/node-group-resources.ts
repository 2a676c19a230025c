import { type CfnResourceJson, renderCfnValue } from './cfn-template';
import { NODE_GROUP_LABEL } from '../node-groups/node-group-plan';

/**
 * The lab's name of an AWS::EKS::Nodegroup resource (`default`, `custom-networking`): its node group label, which
 * stays when the EKS node group name changes with a replacement; the EKS name for a group without the label.
 */
export function labNodeGroupName(resource: CfnResourceJson): string {
  const labels = resource.Properties?.Labels as Readonly<Record<string, unknown>> | undefined;
  const label = labels?.[NODE_GROUP_LABEL];
  return label === undefined ? renderCfnValue(resource.Properties?.NodegroupName) : renderCfnValue(label);
}
