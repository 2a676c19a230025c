/**
 * A value the workshop's commands read from a shell variable (`$VPC_ID`, `$CATALOG_RDS_ENDPOINT`...), exported as
 * a root stack output so that `cdk deploy` prints it and `npm run workshop-env` turns it back into `export NAME=...`.
 * Secrets (the RDS password, the SSM activation code) are never workshop variables.
 */
export interface WorkshopVariable {
  /** The workshop's shell variable, SCREAMING_SNAKE_CASE (words of letters, or a number). */
  readonly name: string;
  /** The value; tokens of nested stacks are fine (CDK wires a nested stack output and the GetAtt). */
  readonly value: string;
  /** What it is, for the output's description. */
  readonly description: string;
}

/** Root outputs named `Workshop<PascalCase of the variable>`: VPC_ID -> WorkshopVpcId, PRIMARY_SUBNET_1 -> WorkshopPrimarySubnet1. */
export const WORKSHOP_OUTPUT_PREFIX = 'Workshop';

const VARIABLE_NAME = /^(?:[A-Z]+|\d+)(?:_(?:[A-Z]+|\d+))*$/;

export function workshopOutputId(name: string): string {
  if (!VARIABLE_NAME.test(name)) {
    throw new Error(`Workshop variable "${name}" must be SCREAMING_SNAKE_CASE words of letters or numbers.`);
  }
  const pascal = name
    .split('_')
    .map((word) => word[0] + word.slice(1).toLowerCase())
    .join('');
  return `${WORKSHOP_OUTPUT_PREFIX}${pascal}`;
}

/** The variable an output id stands for (the inverse of workshopOutputId), or undefined for other outputs. */
export function workshopVariableName(outputId: string): string | undefined {
  if (!outputId.startsWith(WORKSHOP_OUTPUT_PREFIX)) return undefined;
  const words = outputId.slice(WORKSHOP_OUTPUT_PREFIX.length).match(/[A-Z][a-z]*|\d+/g);
  if (!words || words.join('') !== outputId.slice(WORKSHOP_OUTPUT_PREFIX.length)) return undefined;
  return words.map((word) => word.toUpperCase()).join('_');
}
