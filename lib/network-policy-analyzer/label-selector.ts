import { Labels } from './labels';
import { isAbsent, isList, isPlainObject, isStringList } from './plain-object';

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/**
 * A parsed metav1.LabelSelector: `matchLabels` become `In` requirements with one value, and all requirements
 * are ANDed. A selector without requirements (`{}`) matches every object.
 */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
}

export const MATCH_ALL: LabelSelector = { requirements: [] };

/**
 * Label selector semantics from the Kubernetes labels concept page: `NotIn` and `DoesNotExist` also match objects
 * that do not carry the key at all.
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  return selector.requirements.every((requirement) => requirementMatches(requirement, labels));
}

function requirementMatches({ key, operator, values }: LabelRequirement, labels: Labels): boolean {
  const value = labels.get(key);
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** `app=web,tier in (a,b),legacy,!canary`, or `{}` for the selector that matches everything. */
export function describeSelector(selector: LabelSelector): string {
  if (selector.requirements.length === 0) return '{}';
  return selector.requirements
    .map(({ key, operator, values }) => {
      switch (operator) {
        case 'In':
          return values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(',')})`;
        case 'NotIn':
          return `${key} notin (${values.join(',')})`;
        case 'Exists':
          return key;
        case 'DoesNotExist':
          return `!${key}`;
      }
    })
    .join(',');
}

/**
 * Parses a selector present in a manifest, appending `path: reason` for each problem the API server would reject
 * (unknown operator, `In`/`NotIn` without values, `Exists`/`DoesNotExist` with values, non-string labels).
 */
export function parseLabelSelector(value: unknown, path: string, problems: string[]): LabelSelector {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be a label selector object`);
    return MATCH_ALL;
  }
  const requirements: LabelRequirement[] = [];
  const { matchLabels, matchExpressions } = value;
  if (!isAbsent(matchLabels)) {
    if (!isPlainObject(matchLabels)) {
      problems.push(`${path}.matchLabels: must be a map of label keys to string values`);
    } else {
      for (const [key, labelValue] of Object.entries(matchLabels)) {
        if (typeof labelValue === 'string') requirements.push({ key, operator: 'In', values: [labelValue] });
        else problems.push(`${path}.matchLabels.${key}: must be a string (quote it in YAML)`);
      }
    }
  }
  if (!isAbsent(matchExpressions)) {
    if (!isList(matchExpressions)) {
      problems.push(`${path}.matchExpressions: must be a list`);
    } else {
      matchExpressions.forEach((expression, index) => {
        const requirement = parseRequirement(expression, `${path}.matchExpressions[${index}]`, problems);
        if (requirement !== undefined) requirements.push(requirement);
      });
    }
  }
  return { requirements };
}

function parseRequirement(value: unknown, path: string, problems: string[]): LabelRequirement | undefined {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object with key, operator and values`);
    return undefined;
  }
  const { key, operator, values } = value;
  if (typeof key !== 'string' || key === '') {
    problems.push(`${path}.key: required`);
    return undefined;
  }
  if (!isSelectorOperator(operator)) {
    problems.push(`${path}.operator: "${String(operator)}" is not one of ${SELECTOR_OPERATORS.join(', ')}`);
    return undefined;
  }
  const valueList = isAbsent(values) ? [] : values;
  if (!isStringList(valueList)) {
    problems.push(`${path}.values: must be a list of strings`);
    return undefined;
  }
  const takesValues = operator === 'In' || operator === 'NotIn';
  if (takesValues && valueList.length === 0) {
    problems.push(`${path}.values: must be non-empty when operator is ${operator}`);
    return undefined;
  }
  if (!takesValues && valueList.length > 0) {
    problems.push(`${path}.values: must be empty when operator is ${operator}`);
    return undefined;
  }
  return { key, operator, values: valueList };
}

function isSelectorOperator(value: unknown): value is SelectorOperator {
  return typeof value === 'string' && (SELECTOR_OPERATORS as readonly string[]).includes(value);
}
