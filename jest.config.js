/** Unit tests run TypeScript through SWC (no type check; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Each group of test files runs as one jest test file, sharing a module registry (test/suites/test-groups.ts).
  testMatch: ['<rootDir>/test/suites/*.suite.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  setupFiles: ['<rootDir>/test/setup/disable-cfn-validation.ts', '<rootDir>/test/setup/cdk-validation-report.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
  // jest's default (cores - 1) runs one worker on a 2-core machine; the suite is CPU-bound per file, so use both.
  maxWorkers: '100%',
  // No handle is left open (at the end a worker holds only its IPC and stdio pipes), but a worker that ran many
  // synth-heavy files tore down a ~700 MB heap in 470-550 ms, past jest's 500 ms grace, and was force-exited with a
  // "tests leaking" warning. Recycling a worker whose heap passes 500 MB after a test file (a group) keeps its exit
  // at 220-390 ms (measured over two full runs) and made the suite faster.
  workerIdleMemoryLimit: '500MB',
};
