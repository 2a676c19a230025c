import { didYouMean } from '../text/closest-match';
import type { ContextReader } from './context-reader';
import { type Ipv4Cidr, isPrivateCidr, parseIpv4Cidr, PRIVATE_RANGES } from './ipv4-cidr';
import { LabConfigError } from './lab-config-error';
import { findInstanceType, type InstanceType, KNOWN_INSTANCE_TYPES } from '../instance-types/instance-types';

export interface CidrRule {
  readonly minPrefixLength: number;
  readonly maxPrefixLength: number;
}

/** A private IPv4 CIDR (RFC 1918 or 100.64.0.0/10) whose size is within the rule. */
export function readPrivateCidr(reader: ContextReader, key: string, defaultValue: string, rule: CidrRule): Ipv4Cidr {
  const text = reader.string(key, defaultValue);
  return parsePrivateCidr(key, text, rule);
}

export function parsePrivateCidr(key: string, text: string, rule: CidrRule): Ipv4Cidr {
  const allowed =
    `a private IPv4 CIDR (inside ${PRIVATE_RANGES.join(', ')}) ` +
    `from /${rule.minPrefixLength} to /${rule.maxPrefixLength}`;
  const parsed = parseIpv4Cidr(text);
  if (typeof parsed === 'string') throw new LabConfigError(key, text, allowed, `It is ${parsed}.`);
  if (!isPrivateCidr(parsed)) throw new LabConfigError(key, text, allowed, 'It is not a private range.');
  if (parsed.prefixLength < rule.minPrefixLength || parsed.prefixLength > rule.maxPrefixLength) {
    throw new LabConfigError(key, text, allowed, `A /${parsed.prefixLength} block is outside that size range.`);
  }
  return parsed;
}

/** An instance type known to the project's instance table (ENI and IP limits are needed for max pods). */
export function readInstanceType(reader: ContextReader, key: string, defaultValue: string): InstanceType {
  const name = reader.string(key, defaultValue);
  const instanceType = findInstanceType(name);
  if (!instanceType) {
    throw new LabConfigError(
      key,
      name,
      `an instance type of the lab's instance table (${KNOWN_INSTANCE_TYPES.length} types of the m5, m6i, m7i, c5, ` +
        'c6i, r5, t3, t4g, m6g and m7g families; `npm run max-pods -- <type>` checks one)',
      didYouMean(name, KNOWN_INSTANCE_TYPES),
    );
  }
  return instanceType;
}
