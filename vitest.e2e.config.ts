import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against `npm run serve`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A poll waits for what the app signals and ends the moment it appears; vitest's default ceiling (1 s) is less
    // than a busy 2-core machine may take to restore a backup or load a catalogue.
    expect: { poll: { timeout: 20_000 } },
    // A failed test saves a screenshot and the console of every page it drove (test-results/failures/).
    setupFiles: ['test/e2e/on-failure.ts'],
  },
});
