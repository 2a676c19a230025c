import { Endpoint, Protocol } from '../../../../lib/network-policy-analyzer';

/** "Can `from` reach `to` on this destination pod port?", answered from the specification. */
export interface ReachabilityExpectation {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly port: number | string;
  readonly protocol?: Protocol;
  readonly allowed: boolean;
  /** When given, exactly the rules (`<ns>/<policy> spec.ingress[0]`) expected to allow it, in both directions. */
  readonly allowedBy?: readonly string[];
}

/** "Can `from` reach this Service port?", decided on each backend's target port. */
export interface ServiceExpectation {
  readonly from: Endpoint;
  readonly service: string;
  readonly servicePort: number | string;
  readonly protocol?: Protocol;
  readonly allowed: boolean;
  /** The target ports, one per backend, in backend-name order. */
  readonly backendPorts?: readonly number[];
}

/** The complete set of destination ports allowed, as `PortSet.toString()` prints it (`TCP 80, 443; UDP 53`). */
export interface PortsExpectation {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly ports: string;
}

export type Expectation = ReachabilityExpectation | ServiceExpectation | PortsExpectation;

/** One rule of the specification, shown on manifests with verdicts derived from the documentation by hand. */
export interface CorpusCase {
  /** States the behaviour: `allows ...`, `denies ... when ...`. */
  readonly name: string;
  /** Where the rule is specified. */
  readonly spec: string;
  readonly manifests: string;
  readonly expect: readonly Expectation[];
}

/** Manifests the analyzer must refuse, and what the error must say. */
export interface InvalidCase {
  readonly name: string;
  readonly spec: string;
  readonly manifests: string;
  readonly error: RegExp;
}

export function isServiceExpectation(expectation: Expectation): expectation is ServiceExpectation {
  return 'service' in expectation;
}

export function isPortsExpectation(expectation: Expectation): expectation is PortsExpectation {
  return 'ports' in expectation;
}

export const CONCEPT_PAGE = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
export const API_REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/';
export const LABELS_PAGE = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/';
export const SERVICE_PAGE = 'https://kubernetes.io/docs/concepts/services-networking/service/';
