/** A parsed YAML/JSON mapping: the only shape the analyzer reads fields from. */
export type PlainObject = Readonly<Record<string, unknown>>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Kubernetes decodes an explicit `null` exactly like an absent field, so every reader treats the two alike.
 */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** `Array.isArray` narrows to `any[]`; this keeps the elements `unknown` so each one is checked before use. */
export function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

export function isStringList(value: unknown): value is readonly string[] {
  return isList(value) && value.every((item) => typeof item === 'string');
}
