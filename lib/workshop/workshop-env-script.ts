import { workshopVariableName } from './workshop-variable';

/** POSIX single quotes: the value reaches the shell verbatim (no expansion of $, `, or \). */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `export NAME='value'` lines of the workshop variables among a deployed stack's outputs (as `cdk deploy` writes
 * them to the outputs file), sorted by name, so that the workshop's own commands can be pasted after `eval`.
 */
export function workshopEnvScript(stackOutputs: Readonly<Record<string, string>>): string[] {
  return Object.entries(stackOutputs)
    .flatMap(([outputId, value]) => {
      const name = workshopVariableName(outputId);
      return name ? [[name, value] as const] : [];
    })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}
