import { VPC_LATTICE_WALK } from './vpc-lattice-walk';
import { CHECKOUT_ROUTE_DNS_VARIABLE, vpcLatticeExpectations } from './vpc-lattice-expectations';
import { VPC_LATTICE_SETTINGS } from './vpc-lattice-settings';
import { VPC_LATTICE_STACK_ID, VpcLatticeStack } from './vpc-lattice-stack';
import {
  UI_CHECKOUT_ENDPOINT_ANNOTATION,
  UI_CHECKOUT_ENDPOINT_ENV,
} from '../../../manifests/vpc-lattice/vpc-lattice-names';
import { BASE_KEYS } from '../../config/base-context-keys';
import type { LabConfig } from '../../config/lab-config';
import { LabConfigError } from '../../config/lab-config-error';
import { AWS_GATEWAY_API_CONTROLLER_PART } from '../../third-party/aws-gateway-api-controller-part';
import { GATEWAY_API_CRDS_PART } from '../../third-party/gateway-api-crds-part';
import type { LabModuleDefinition } from '../lab-module';

/**
 * VPC Lattice service network names: 3-63 characters of a-z, 0-9 and single inner hyphens, not starting with
 * `servicenetwork-` (AWS::VpcLattice::ServiceNetwork `Name`,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetwork.html).
 * The base already enforces the character rules and a 40-character maximum on the cluster name.
 */
export const SERVICE_NETWORK_NAME_MIN_LENGTH = 3;
export const SERVICE_NETWORK_RESERVED_PREFIX = 'servicenetwork-';

function validateServiceNetworkName(config: LabConfig): void {
  const name = config.clusterName;
  const allowed = `a cluster name of at least ${SERVICE_NETWORK_NAME_MIN_LENGTH} characters not starting with "${SERVICE_NETWORK_RESERVED_PREFIX}" when module vpc-lattice is enabled`;
  const hint = 'The VPC Lattice service network (and the Gateway mapped to it) is named after the cluster.';
  if (name.length < SERVICE_NETWORK_NAME_MIN_LENGTH || name.startsWith(SERVICE_NETWORK_RESERVED_PREFIX)) {
    throw new LabConfigError(BASE_KEYS.clusterName, name, allowed, hint);
  }
}

export const VPC_LATTICE_MODULE: LabModuleDefinition = {
  name: 'vpc-lattice',
  summary:
    'Gateway API on Amazon VPC Lattice: Gateway API CRDs and the AWS Gateway API controller, a service network owned by ' +
    'CloudFormation, and an HTTPRoute that splits checkout requests between checkout and checkoutv2 (25/75 by default); ' +
    'the ui calls checkout through the route.',
  settings: VPC_LATTICE_SETTINGS,
  validate: ({ config }) => validateServiceNetworkName(config),
  parts: () => [GATEWAY_API_CRDS_PART, AWS_GATEWAY_API_CONTROLLER_PART],
  walk: VPC_LATTICE_WALK,
  expectations: (config) => vpcLatticeExpectations(config),
  create: (scope, foundation) => {
    const stack = new VpcLatticeStack(scope, VPC_LATTICE_STACK_ID, foundation);
    const endpoint = `http://${stack.checkoutRouteDns}`;
    return {
      stack,
      workshopVariables: [
        // The workshop exports it with the scheme (`export CHECKOUT_ROUTE_DNS="http://$(kubectl get httproute ...)"`).
        {
          name: CHECKOUT_ROUTE_DNS_VARIABLE,
          value: endpoint,
          description: 'HTTPRoute checkout/checkoutroute, through VPC Lattice',
        },
        {
          name: 'LATTICE_IAM_ROLE',
          value: stack.controller.identity.role.roleArn,
          description: 'role of the AWS Gateway API controller (EKS Pod Identity)',
        },
      ],
      retailApp: {
        services: {
          // The ui reads RETAIL_UI_ENDPOINTS_CHECKOUT (the workshop's patch sets ENDPOINTS_CHECKOUT, which it ignores;
          // reference section 6 item 7). The same value on the pod template rolls the ui when it changes.
          ui: {
            configMapData: { [UI_CHECKOUT_ENDPOINT_ENV]: endpoint },
            podAnnotations: { [UI_CHECKOUT_ENDPOINT_ANNOTATION]: endpoint },
          },
        },
      },
      retailAppDependencies: { ui: [stack.routeDns] },
      // The route and the TargetGroupPolicy name the Service checkout/checkout as a backend: created after it (the
      // controller would otherwise reconcile a route without its backend) and deleted before it.
      afterRetailApp: [{ constructs: [stack.targetPolicies, stack.route], components: ['checkout'] }],
    };
  },
};
