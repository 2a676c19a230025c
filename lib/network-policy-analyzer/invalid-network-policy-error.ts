import { ManifestError } from './manifest-error';

/**
 * A NetworkPolicy the API server would reject. It is reported, never evaluated: guessing what an invalid policy
 * means would produce verdicts no cluster could reproduce.
 */
export class InvalidNetworkPolicyError extends ManifestError {
  constructor(
    /** `<namespace>/<name>` of the policy. */
    readonly policy: string,
    /** Each problem as `field.path: reason`. */
    readonly problems: readonly string[],
  ) {
    super(`Invalid NetworkPolicy ${policy}: ${problems.join('; ')}`);
    this.name = 'InvalidNetworkPolicyError';
  }
}
