import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';

/** A fresh, empty embedded database in a temporary folder, removed by `cleanup`. */
export async function freshKuzu(): Promise<{ store: KuzuStore; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-'));
  const store = await KuzuStore.open({ path: join(dir, 'graph.kuzu') });
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The engines every integration suite runs on. */
export const ENGINES = ['kuzu', 'neo4j'] as const;
export type Engine = (typeof ENGINES)[number];

/** A store of the run's Neo4j (seeded by the global setup), with the given options. */
export function neo4jStore(options: { transactionTimeoutMs?: number; uri?: string } = {}): Neo4jStore {
  const target = inject('neo4j');
  return new Neo4jStore({ ...target, connectionTimeoutMs: 10_000, ...options });
}

/** A store holding the whole seed graph: the shared read-only embedded copy, or the run's seeded Neo4j. */
export async function seededStore(engine: Engine): Promise<GraphStore> {
  if (engine === 'kuzu') return KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
  return neo4jStore({ transactionTimeoutMs: 10_000 });
}

/**
 * For the enclosing `describe`: a seeded store of `engine` and a server over it (`start`), opened
 * before its tests and closed after them, handed to `use` so the suite keeps them in its own variables.
 */
export function withSeededServer<S extends { stop(): Promise<unknown> }>(
  engine: Engine,
  start: (store: GraphStore) => Promise<S>,
  use: (store: GraphStore, server: S) => void,
): void {
  let opened: { store: GraphStore; server: S } | undefined;
  beforeAll(async () => {
    const store = await seededStore(engine);
    opened = { store, server: await start(store) };
    use(opened.store, opened.server);
  });
  afterAll(async () => {
    await opened?.server.stop();
    await opened?.store.close();
  });
}
