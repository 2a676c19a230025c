/** The lab's stack name: what `cdk deploy` deploys, what its outputs file is keyed by, what live checks look up. */
export const LAB_STACK_NAME = 'NetworkingLabStack';
