import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line, so a run with no tests is visible,
 * and says how many tests ran on Neo4j (their names say so), so a run that left it out shows too.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    // Errors outside any test (a failing beforeAll, a crash) count as failures too.
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0, neo4j: 0 };
    for (const module of modules) {
      if (module.errors().length > 0) count.failed += module.errors().length;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
        if (state === 'passed' && /neo4j/i.test(test.fullName)) count.neo4j++;
      }
    }
    console.log(`\n${count.neo4j} passed on Neo4j`);
    console.log(`${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
