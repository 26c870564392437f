import { defineConfig } from 'vitest/config';
import SlowFirst from './test/slow-first';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Two workers (the browser suite beside them mostly waits), the slowest files first.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    // A ceiling for a hung test, not a measure: tests that start the command line a dozen times take ~15 s alone and
    // more than twice that on a 2-core machine busy with other work.
    testTimeout: 120_000,
    // The same ceiling for set-up and clean-up: some copy or remove a whole node_modules (packaging) or build a
    // ledger of thousands of rows (scale), which a busy machine makes many times slower.
    hookTimeout: 120_000,
    // One seed for every randomised test (test/random.ts): printed when a test fails, drawn here when asked for.
    globalSetup: ['test/seed-setup.ts'],
    setupFiles: ['test/seed-report.ts'],
  },
});
