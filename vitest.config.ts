import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // One seed for every randomised test (test/random.ts): printed when a test fails, drawn here when asked for.
    globalSetup: ['test/seed-setup.ts'],
    setupFiles: ['test/seed-report.ts'],
  },
});
