import { ManifestError } from './manifest-error';
import { isAbsent, isPlainObject } from './plain-object';

/** Label keys to values. A Map, so keys such as `constructor` cannot collide with object prototype members. */
export type Labels = ReadonlyMap<string, string>;

export const NO_LABELS: Labels = new Map();

/**
 * Reads a `labels` (or Service `selector`) map. Kubernetes only accepts string values, so `version: 1` is an
 * error rather than something to coerce silently.
 */
export function readLabels(value: unknown, where: string): Labels {
  if (isAbsent(value)) return NO_LABELS;
  if (!isPlainObject(value)) throw new ManifestError(`${where}: must be a map of label keys to string values`);
  const labels = new Map<string, string>();
  for (const [key, labelValue] of Object.entries(value)) {
    if (typeof labelValue !== 'string') {
      throw new ManifestError(`${where}: the value of label "${key}" must be a string (quote it in YAML)`);
    }
    labels.set(key, labelValue);
  }
  return labels;
}
