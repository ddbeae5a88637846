import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';
import { seed } from '../../src/seed/seed.js';

/** A fresh, empty embedded database in a temporary folder, removed by `cleanup`. */
export async function freshKuzu(): Promise<{ store: KuzuStore; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-'));
  const store = await KuzuStore.open({ path: join(dir, 'graph.kuzu') });
  return { store, dir, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The engines the integration suites run on: always the embedded one, Neo4j too when `NEO4J_URI` is set. */
export const ENGINES = ['kuzu', 'neo4j'] as const;
export type Engine = (typeof ENGINES)[number];

export const NEO4J_SKIP_REASON = 'NEO4J_URI is not set: the Neo4j run of the integration suites is skipped (set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD to run it)';

export function engineAvailable(engine: Engine): boolean {
  return engine === 'kuzu' || Boolean(process.env.NEO4J_URI);
}

/** A store holding the whole seed graph: the shared read-only embedded copy, or Neo4j seeded now. */
export async function seededStore(engine: Engine): Promise<GraphStore> {
  if (engine === 'kuzu') return KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
  const config = loadConfig();
  const store = new Neo4jStore(config.neo4j!);
  await seed(store, config.cypherDir);
  return store;
}
