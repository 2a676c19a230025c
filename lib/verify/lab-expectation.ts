import type { SynthesizedOutput } from './synthesized-lab';

/** The result of one check, offline or live. */
export interface CheckOutcome {
  readonly pass: boolean;
  /** What was found, in words (`allowed by allow-ui-egress`, `3 ENIConfigs`, `timed out`). */
  readonly actual: string;
  /** Extra lines: VPC CNI caveats, which fallback a live check used, ... */
  readonly notes?: readonly string[];
}

/** One command a live check runs, against the current kubeconfig context or AWS credentials. */
export interface LiveCommand {
  readonly program: 'kubectl' | 'aws';
  readonly args: readonly string[];
}

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a live check knows about the deployed lab. */
export interface LiveContext {
  readonly clusterName: string;
  /** Outputs of the deployed stack, when the user's AWS credentials could read them. */
  readonly stackOutputs: Readonly<Record<string, string>>;
  /** The lab as synthesized for the same configuration (labels, names, CIDRs the checks compare against). */
  readonly lab: SynthesizedOutput;
}

/** How to check an expectation against the deployed lab: commands to run, then a verdict from their output. */
export interface LiveCheck {
  commands(context: LiveContext): readonly LiveCommand[];
  /**
   * Commands to run instead when the first ones could not run (for example no curl in the image): the verdict
   * then comes from these. Undefined or empty: no fallback.
   */
  fallback?(results: readonly CommandResult[], context: LiveContext): readonly LiveCommand[] | undefined;
  interpret(results: readonly CommandResult[], context: LiveContext): CheckOutcome;
}

/**
 * A behaviour the lab promises, declared once by the base or a module and checked both offline (from the
 * synthesized templates and manifests) and, with `--live`, against the deployed cluster.
 */
export interface LabExpectation {
  /** Stable id: `<module>/<what>`, e.g. `network-policies/ui-to-catalog`. */
  readonly id: string;
  /** `base` or the module key that declared it. */
  readonly module: string;
  /** What is checked, e.g. `ui -> catalog.catalog:80`. */
  readonly subject: string;
  /** The expected outcome in words, e.g. `allowed`, `blocked`, `3 ENIConfigs named after the AZs`. */
  readonly expected: string;
  /** Where the expectation comes from (a workshop step, a doc page), shown in reports. */
  readonly source?: string;
  checkOffline(lab: SynthesizedOutput): CheckOutcome;
  /** Absent when a behaviour can only be proven offline (for example a routing table walk). */
  readonly live?: LiveCheck;
}
