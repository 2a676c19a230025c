/**
 * Why `name` is not a valid named port (an IANA_SVC_NAME, as the API server checks it), or undefined when it is.
 * Kubernetes rejects `port: "80"` in a NetworkPolicy for this reason: a quoted number is a name without a letter.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 15) return 'a named port must be 1 to 15 characters long';
  if (!/^[a-z0-9-]+$/.test(name)) return 'a named port may contain only lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'a named port must contain at least one letter (write numbers unquoted)';
  if (name.startsWith('-') || name.endsWith('-')) return 'a named port must not begin or end with "-"';
  if (name.includes('--')) return 'a named port must not contain "--"';
  return undefined;
}
