import type { CheckOutcome } from './lab-expectation';
import { labExpectations } from './lab-expectations';
import type { SynthesizedOutput } from './synthesized-lab';
import { summarize, type VerificationSummary } from './verification-report';

/** Checks every expectation of the lab against its synthesized templates and manifests. */
export function verifyOffline(lab: SynthesizedOutput): VerificationSummary {
  return summarize(
    'offline',
    labExpectations(lab.plan).map((expectation) => {
      let outcome: CheckOutcome;
      try {
        outcome = expectation.checkOffline(lab);
      } catch (error) {
        outcome = { pass: false, actual: `check failed to run: ${(error as Error).message}` };
      }
      return { expectation, outcome };
    }),
  );
}
