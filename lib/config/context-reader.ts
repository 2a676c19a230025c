import { didYouMean } from '../text/closest-match';
import { LabConfigError } from './lab-config-error';

/**
 * Typed access to CDK context. `-c key=value` on the command line always arrives as a string while cdk.json
 * gives real booleans, numbers and arrays, so every reader accepts both forms here and nowhere else.
 */
export class ContextReader {
  private readonly values: Readonly<Record<string, unknown>>;

  constructor(values: Readonly<Record<string, unknown>>) {
    this.values = values;
  }

  /** Every key present in the context, including CDK's own feature flags. */
  keys(): string[] {
    return Object.keys(this.values);
  }

  has(key: string): boolean {
    return this.values[key] !== undefined && this.values[key] !== null;
  }

  raw(key: string): unknown {
    return this.values[key];
  }

  string(key: string, defaultValue: string): string {
    return this.optionalString(key) ?? defaultValue;
  }

  optionalString(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new LabConfigError(key, value, 'a string');
    const trimmed = value.trim();
    if (trimmed === '') throw new LabConfigError(key, value, 'a non-empty string', 'Omit the key to use its default.');
    return trimmed;
  }

  /** One of a fixed set of values (a lab stage); anything else is refused with the set and the closest value. */
  oneOf<T extends string>(key: string, allowed: readonly T[], defaultValue: T): T {
    const value = this.string(key, defaultValue);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new LabConfigError(key, value, allowed.join(', '), didYouMean(value, allowed));
    }
    return value as T;
  }

  boolean(key: string, defaultValue: boolean): boolean {
    const value = this.values[key];
    if (value === undefined || value === null) return defaultValue;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new LabConfigError(key, value, 'true or false');
  }

  /** An integer within [min, max]; `-c key=12` (a string) and `"key": 12` (a number) are both accepted. */
  integer(key: string, defaultValue: number, min: number, max: number): number {
    return this.optionalInteger(key, min, max) ?? defaultValue;
  }

  optionalInteger(key: string, min: number, max: number): number | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    const allowed = `an integer from ${min} to ${max}`;
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^-?\d+$/.test(value.trim())
          ? Number(value)
          : NaN;
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new LabConfigError(key, value, allowed);
    return parsed;
  }

  /**
   * A list given as an array (cdk.json), a JSON array string (`-c key='["a","b"]'`) or a comma-separated string
   * (`-c key=a,b`). Empty items and malformed JSON are errors, never silently dropped.
   */
  list(key: string): string[] | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    const allowed = 'a comma-separated list (a,b) or a JSON array of strings (["a","b"])';
    let items: unknown[];
    if (Array.isArray(value)) {
      items = value;
    } else if (typeof value === 'string') {
      const text = value.trim();
      if (text.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (!Array.isArray(parsed)) throw new Error('not an array');
          items = parsed;
        } catch (error) {
          throw new LabConfigError(key, value, allowed, `The JSON array does not parse (${(error as Error).message}).`);
        }
      } else if (text === '') {
        items = [];
      } else {
        items = text.split(',');
      }
    } else {
      throw new LabConfigError(key, value, allowed);
    }
    return items.map((item, index) => {
      if (typeof item !== 'string') throw new LabConfigError(key, value, allowed, `Item ${index + 1} is not a string.`);
      const trimmed = item.trim();
      if (trimmed === '') throw new LabConfigError(key, value, allowed, `Item ${index + 1} is empty.`);
      return trimmed;
    });
  }
}
