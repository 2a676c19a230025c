import { CfnOutput, type Stack } from 'aws-cdk-lib';
import { type WorkshopVariable, workshopOutputId } from '../workshop/workshop-variable';

/** One root output per variable; a name given twice is a bug in the lab, not in the user's input. */
export function addWorkshopOutputs(stack: Stack, variables: readonly WorkshopVariable[]): void {
  const seen = new Set<string>();
  for (const variable of variables) {
    if (seen.has(variable.name)) throw new Error(`Workshop variable ${variable.name} is exported twice.`);
    seen.add(variable.name);
    new CfnOutput(stack, workshopOutputId(variable.name), {
      description: `Workshop variable ${variable.name}: ${variable.description}`,
      value: variable.value,
    });
  }
}
