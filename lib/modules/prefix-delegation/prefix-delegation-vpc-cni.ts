/**
 * The VPC CNI settings of the prefix delegation lab and the combinations the VPC CNI rejects or ignores.
 *
 * Sources:
 * - aws/amazon-vpc-cni-k8s docs/prefix-and-ip-target.md: "Setting either WARM_PREFIX_TARGET or both WARM_IP_TARGET and
 *   MINIMUM_IP_TARGET environment variables to zero is not supported with prefix delegation enabled"; "WARM_IP_TARGET
 *   and MINIMUM_IP_TARGET if set will override WARM_PREFIX_TARGET".
 * - aws/amazon-vpc-cni-k8s cmd/aws-vpc-cni/main.go, validateEnvVars: the aws-node container exits when prefix
 *   delegation is on and all three are 0 or unset ("Setting WARM_PREFIX_TARGET = 0 is not supported while
 *   WARM_IP_TARGET/MINIMUM_IP_TARGET is not set"), and when MINIMUM_IP_TARGET is set without WARM_IP_TARGET
 *   ("WARM_IP_TARGET MUST be set when MINIMUM_IP_TARGET is set").
 * - aws/amazon-vpc-cni-k8s README: a non-positive value is the same as not setting the variable; with MINIMUM_IP_TARGET
 *   and WARM_IP_TARGET 0, "the number of IPs attached to the node will be the value of MINIMUM_IP_TARGET. This
 *   configuration will prevent future ENIs/IPs from being allocated."
 * - EKS user guide, cni-increase-ip-addresses-procedure.html: WARM_IP_TARGET or MINIMUM_IP_TARGET, "If either value is
 *   set, it overrides any value set for WARM_PREFIX_TARGET"; prefix delegation needs VPC CNI 1.9.0 or later (IPv4).
 */
import { PREFIX_DELEGATION_KEYS, type PrefixDelegationSettings } from './prefix-delegation-settings';
import { LabConfigError } from '../../config/lab-config-error';
import type { ConfigWarning } from '../../config/lab-config';

/** First VPC CNI release with ENABLE_PREFIX_DELEGATION and WARM_PREFIX_TARGET (README: "(v1.9.0+)"). */
export const MIN_PREFIX_DELEGATION_VPC_CNI_VERSION = 'v1.9.0';

const positive = (value: number | undefined): boolean => value !== undefined && value > 0;

/** The `env` settings the module puts into the vpc-cni add-on configuration (values are strings, as the schema wants). */
export function prefixDelegationVpcCniEnv(settings: PrefixDelegationSettings): Record<string, string> {
  return {
    ENABLE_PREFIX_DELEGATION: 'true',
    ...(settings.warmPrefixTarget === undefined ? {} : { WARM_PREFIX_TARGET: String(settings.warmPrefixTarget) }),
    ...(settings.warmIpTarget === undefined ? {} : { WARM_IP_TARGET: String(settings.warmIpTarget) }),
    ...(settings.minimumIpTarget === undefined ? {} : { MINIMUM_IP_TARGET: String(settings.minimumIpTarget) }),
  };
}

/** Throws LabConfigError for a warm-target combination the aws-node container refuses or that stops IP allocation. */
export function checkWarmTargets(settings: PrefixDelegationSettings): void {
  const { warmPrefixTarget, warmIpTarget, minimumIpTarget } = settings;
  if (!positive(warmPrefixTarget) && !positive(warmIpTarget) && !positive(minimumIpTarget)) {
    const key =
      warmPrefixTarget !== undefined
        ? PREFIX_DELEGATION_KEYS.warmPrefixTarget
        : warmIpTarget !== undefined
          ? PREFIX_DELEGATION_KEYS.warmIpTarget
          : PREFIX_DELEGATION_KEYS.minimumIpTarget;
    const received = warmPrefixTarget ?? warmIpTarget ?? minimumIpTarget;
    throw new LabConfigError(
      key,
      received,
      `a value of 1 or more for at least one of ${PREFIX_DELEGATION_KEYS.warmPrefixTarget}, ` +
        `${PREFIX_DELEGATION_KEYS.warmIpTarget} or ${PREFIX_DELEGATION_KEYS.minimumIpTarget}`,
      'With ENABLE_PREFIX_DELEGATION=true the aws-node container refuses to start when all three are 0 or unset ' +
        '("Setting WARM_PREFIX_TARGET = 0 is not supported while WARM_IP_TARGET/MINIMUM_IP_TARGET is not set").',
    );
  }
  if (minimumIpTarget !== undefined && !positive(warmIpTarget)) {
    throw new LabConfigError(
      PREFIX_DELEGATION_KEYS.warmIpTarget,
      warmIpTarget,
      `1 or more whenever ${PREFIX_DELEGATION_KEYS.minimumIpTarget} is set`,
      warmIpTarget === undefined
        ? 'The aws-node container refuses to start with MINIMUM_IP_TARGET but no WARM_IP_TARGET ("WARM_IP_TARGET MUST be set when MINIMUM_IP_TARGET is set").'
        : 'With WARM_IP_TARGET 0 the node keeps MINIMUM_IP_TARGET addresses and never allocates more (VPC CNI README, MINIMUM_IP_TARGET).',
    );
  }
}

/** Legal settings that have no effect, as warnings. */
export function ignoredWarmTargetWarnings(settings: PrefixDelegationSettings): ConfigWarning[] {
  if (
    settings.warmPrefixTarget !== undefined &&
    (positive(settings.warmIpTarget) || positive(settings.minimumIpTarget))
  ) {
    return [
      {
        id: 'prefix-delegation:warm-prefix-target-ignored',
        message:
          `${PREFIX_DELEGATION_KEYS.warmPrefixTarget}=${settings.warmPrefixTarget} has no effect: WARM_IP_TARGET and ` +
          'MINIMUM_IP_TARGET override WARM_PREFIX_TARGET (VPC CNI docs/prefix-and-ip-target.md). Remove one of them.',
      },
    ];
  }
  return [];
}
