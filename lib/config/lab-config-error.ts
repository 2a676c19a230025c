/**
 * A context value the lab cannot use. The message always names the context key, the value received and what
 * is allowed, so `cdk synth` fails with one readable line instead of a stack trace from deep inside CDK.
 */
export class LabConfigError extends Error {
  constructor(
    readonly key: string,
    readonly received: unknown,
    readonly allowed: string,
    readonly hint?: string,
  ) {
    super(
      `Invalid context '${key}': received ${describeValue(received)}; allowed: ${allowed}.` + (hint ? ` ${hint}` : ''),
    );
    this.name = 'LabConfigError';
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
