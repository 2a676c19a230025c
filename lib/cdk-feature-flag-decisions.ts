/**
 * Feature flags of the pinned aws-cdk-lib that cdk.json sets to something other than the recommended value (what
 * `cdk init` writes and `cdk flags` reports), each with the reason. Every other recommended flag is adopted as is;
 * a test keeps cdk.json, this list and aws-cdk-lib's recommended-feature-flags.json in agreement.
 */
export const FEATURE_FLAG_EXCEPTIONS: Readonly<Record<string, { readonly value: unknown; readonly reason: string }>> = {
  '@aws-cdk/aws-iam:minimizePolicies': {
    value: false,
    reason:
      "The controllers' IAM policies stay statement for statement as upstream publishes them (tests compare them), so a learner can diff them; merging statements would hide that.",
  },
  '@aws-cdk/aws-lambda:useCdkManagedLogGroup': {
    value: false,
    reason:
      'The FunctionLogGroups aspect already gives every function, including the raw CloudFormation functions of custom resource providers the flag does not reach, a stack-owned group with a week of retention deleted with the stack; the flag would add a second, retained group per function.',
  },
};

/**
 * Recommended flags that changed the lab's templates when adopted (all other recommended flags change nothing in
 * any configuration), what they changed, and why that is fine for a deployed lab.
 */
export const TEMPLATE_CHANGING_FLAGS: Readonly<Record<string, string>> = {
  '@aws-cdk/aws-lambda:recognizeLayerVersion':
    'The CRD-cleanup handlers (they use the kubectl layer) get a new version hash: updated in place on the next deploy.',
  '@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName':
    'The policy granting External Secrets read access to the RDS secret (on the imported ESO role) gets a stack-scoped logical id: CloudFormation creates the new policy in the update phase and deletes the old one in the cleanup phase, so access never lapses.',
};
