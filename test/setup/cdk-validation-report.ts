/**
 * With the recommended flag `@aws-cdk/core:annotationsInValidationReport`, every synth of a configuration that has a
 * warning annotation prints aws-cdk-lib's validation report on stderr. Tests synthesize such configurations on
 * purpose (an extended-support Kubernetes version, too many pause pods) and assert the annotations themselves, from
 * the construct metadata; test/compliance/synth-annotations.test.ts fails on any annotation no test expects. So the
 * report, and only it, is kept out of the jest output; any other console.error still prints.
 */
const REPORT_MARKER = 'A copy of this report can be found in:';
const printError = console.error.bind(console);
console.error = (...args: unknown[]): void => {
  if (args.some((arg) => typeof arg === 'string' && arg.includes(REPORT_MARKER))) return;
  printError(...args);
};
