/** The transport protocols a NetworkPolicy port can name, in the order reports list them. */
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export type Protocol = (typeof PROTOCOLS)[number];

/** NetworkPolicyPort, ContainerPort and ServicePort all default their protocol to TCP. */
export const DEFAULT_PROTOCOL: Protocol = 'TCP';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}

export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_PORT && value <= MAX_PORT;
}
