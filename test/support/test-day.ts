/** A fixed synth day, so lifecycle rules do not change the tests' outcome as the calendar moves. */
export const TEST_DAY = '2026-11-26';
