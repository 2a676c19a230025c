// aws-cdk-lib runs its CloudFormation validator on every synth (3-4 s per process). `cdk synth` keeps it on;
// unit tests turn it off because `npm test` also runs a full `cdk synth` of every configuration.
process.env.CDK_VALIDATION = 'false';
