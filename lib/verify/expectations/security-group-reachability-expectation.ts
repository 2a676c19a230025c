import type { CheckOutcome, LabExpectation, LiveCheck } from '../lab-expectation';
import type { NetworkEndpoint, SecurityGroupModel, TransportProtocol } from '../security-group-reachability';
import type { SynthesizedOutput } from '../synthesized-lab';

/** The model and the two endpoints of one question, built from a synthesized lab. */
export interface SecurityGroupScenario {
  readonly model: SecurityGroupModel;
  readonly from: NetworkEndpoint;
  readonly to: NetworkEndpoint;
  /** Facts the scenario had to assume or could not establish. */
  readonly notes?: readonly string[];
}

export interface SecurityGroupReachabilityExpectationProps {
  readonly id: string;
  readonly module: string;
  readonly subject: string;
  readonly expect: 'allowed' | 'blocked';
  /** Every port must have the expected verdict (DNS: 53/udp and 53/tcp). */
  readonly ports: readonly { readonly port: number; readonly protocol: TransportProtocol }[];
  /**
   * Builds the question from the lab; throwing (or returning a string) means it cannot be asked, which fails the
   * check with that reason.
   */
  readonly scenario: (lab: SynthesizedOutput) => SecurityGroupScenario | string;
  readonly source?: string;
  readonly live?: LiveCheck;
}

/**
 * `<from> -> <to>:<port>` is allowed or blocked by EC2 security groups, judged offline from the synthesized
 * templates (security-group-reachability), so removing or changing a rule changes the verdict.
 */
export function securityGroupReachabilityExpectation(props: SecurityGroupReachabilityExpectationProps): LabExpectation {
  const ports = props.ports.map(({ port, protocol }) => `${protocol}/${port}`).join(', ');
  return {
    id: props.id,
    module: props.module,
    subject: `${props.subject} (${ports})`,
    expected: `${props.expect} by security groups`,
    source: props.source,
    checkOffline(lab: SynthesizedOutput): CheckOutcome {
      let scenario: SecurityGroupScenario | string;
      try {
        scenario = props.scenario(lab);
      } catch (error) {
        scenario = (error as Error).message;
      }
      if (typeof scenario === 'string') return { pass: false, actual: `cannot be evaluated: ${scenario}` };
      const { model, from, to } = scenario;
      const verdicts = props.ports.map(({ port, protocol }) => model.canReach(from, to, port, protocol));
      const pass = verdicts.every((verdict) => (props.expect === 'allowed' ? verdict.allowed : verdict.blocked));
      const notes = [...new Set([...(scenario.notes ?? []), ...verdicts.flatMap((verdict) => verdict.notes)])];
      return { pass, actual: verdicts.map((verdict) => verdict.explanation).join(' | '), notes };
    },
    live: props.live,
  };
}
