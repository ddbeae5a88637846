import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { seed } from '../../src/seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The embedded database holding the whole seed graph, built once per run and opened read-only by tests. */
    seededGraphPath: string;
  }
}

/** Seeds the curated graph once, so test files share it instead of each loading it again. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-test-'));
  const path = join(dir, 'graph.kuzu');
  const store = await KuzuStore.open({ path });
  await seed(store, loadConfig().cypherDir);
  await store.close();
  project.provide('seededGraphPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
