import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` needs no database server and runs in seconds (`npm run test:unit`; the statement
 * snapshots read the embedded test graph, built on the first run and kept); `lint` checks every
 * Cypher statement with Neo4j's own front end; `integration`
 * runs on both engines, with a Neo4j the setup starts unless NEO4J_URI names one; `browser` drives
 * Chromium over the embedded engine. `npm test` runs them all.
 */
export default defineConfig({
  test: {
    // Kuzu's native addon crashes under worker threads: each test file runs in a forked process.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], globalSetup: ['tests/support/setup-embedded.ts'] } },
      { extends: true, test: { name: 'lint', include: ['tests/lint/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/setup-engines.ts'] } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/support/setup-embedded.ts'] } },
    ],
  },
});
