import type { CommandResult } from '../lab-expectation';

/** How a `curl` from inside a pod ended, in the terms the workshop uses. */
export type CurlOutcome = 'connected' | 'timed-out' | 'dns-failure' | 'refused' | 'could-not-run';

export interface ClassifiedCurl {
  readonly outcome: CurlOutcome;
  /** The line of output that decided it. */
  readonly evidence: string;
}

/** Markers of each outcome in `curl -v` / `kubectl exec` output, most specific first. */
const MARKERS: readonly { readonly outcome: CurlOutcome; readonly pattern: RegExp }[] = [
  {
    outcome: 'could-not-run',
    pattern:
      /executable file not found|exec: "curl"|curl: not found|unable to upgrade connection|error: unable to find container|No resources found|not found in namespace/i,
  },
  {
    outcome: 'dns-failure',
    pattern:
      /Resolving timed out|Could not resolve host|Temporary failure in name resolution|Name or service not known/i,
  },
  { outcome: 'refused', pattern: /Connection refused|Failed to connect to [^\n]* port \d+[^\n]*: Connection refused/i },
  { outcome: 'connected', pattern: /HTTP\/[\d.]+ \d{3}|Connected to |^\s*\{"status"/im },
  {
    outcome: 'timed-out',
    pattern:
      /Connection timed out|Timeout was reached|timed out after \d+ milliseconds|Failed to connect to .* after \d+ ms/i,
  },
];

/**
 * Classifies the output of `kubectl exec ... -- curl -v --connect-timeout 5 ...` (the workshop's checks).
 * `curl: (28) Resolving timed out after 5000 milliseconds` is a DNS failure (blocked DNS egress), `HTTP/1.1 200 OK`
 * or `Connected to` is a connection, `Failed to connect ... after 5000 ms` a timeout.
 */
export function classifyCurl(result: CommandResult): ClassifiedCurl {
  const text = `${result.stdout}\n${result.stderr}`;
  for (const { outcome, pattern } of MARKERS) {
    const match = pattern.exec(text);
    if (match) {
      const line = text.split('\n').find((candidate) => pattern.test(candidate)) ?? match[0];
      return { outcome, evidence: line.trim() };
    }
  }
  if (result.exitCode === 28) return { outcome: 'timed-out', evidence: 'curl exit code 28 (operation timed out)' };
  if (result.exitCode === 6) return { outcome: 'dns-failure', evidence: 'curl exit code 6 (could not resolve host)' };
  if (result.exitCode === 7) return { outcome: 'refused', evidence: 'curl exit code 7 (failed to connect)' };
  return {
    outcome: 'could-not-run',
    evidence: (text.trim().split('\n').pop() ?? '').trim() || `exit code ${result.exitCode}`,
  };
}

/** Whether an outcome means the traffic got through (a refusal still means the packet reached the pod's port). */
export function outcomeReached(outcome: CurlOutcome): boolean | undefined {
  if (outcome === 'connected') return true;
  if (outcome === 'timed-out' || outcome === 'dns-failure') return false;
  return undefined;
}
