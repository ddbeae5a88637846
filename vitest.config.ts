import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Kuzu's native addon crashes under worker threads: each test file runs in a forked process.
    pool: 'forks',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
