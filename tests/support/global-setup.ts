import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { DataFolderInUseError, openEmbedded } from '../../src/seed/embedded.js';
import { seed, seedVersion } from '../../src/seed/seed.js';
import { startNeo4j } from './neo4j.js';

/** Where a test run reaches Neo4j. */
export interface Neo4jTarget {
  uri: string;
  username?: string;
  password?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The embedded database holding the whole seed graph, opened read-only by tests. */
    seededGraphPath: string;
    /** A Neo4j holding the whole seed graph, read by tests. */
    neo4j: Neo4jTarget;
  }
}

const { cypherDir } = loadConfig();

/**
 * The embedded graph of the current seed files, built once and kept under node_modules/.cache between
 * runs (rebuilt when the seed files change, like any data folder). Projects set up at the same time
 * wait for the one building it.
 */
export async function setupEmbedded(project: TestProject): Promise<void> {
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', 'health-graph-tests', seedVersion(cypherDir).slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'graph.kuzu');
  for (;;) {
    try {
      const graph = await openEmbedded(path, cypherDir, { log: () => undefined });
      await graph.close();
      break;
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  project.provide('seededGraphPath', path);
}

/**
 * Neo4j for the run: the one `NEO4J_URI` names, or else a server of the project's own (tools/neo4j, the
 * version `NEO4J_VERSION` names, the LTS by default) started here and stopped after; seeded either way.
 * No test skips for lack of it.
 */
export async function setupNeo4j(project: TestProject): Promise<() => Promise<void>> {
  const local = process.env.NEO4J_URI ? undefined : await startNeo4j();
  const target: Neo4jTarget = local
    ? { uri: local.uri }
    : { uri: process.env.NEO4J_URI!, username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD };
  const store = new Neo4jStore({ ...target, connectionTimeoutMs: 30_000 });
  try {
    await seed(store, cypherDir);
  } finally {
    await store.close();
  }
  console.log(`Neo4j for this run: ${target.uri} (${local ? `${local.version}, started by the test setup` : 'from NEO4J_URI'})`);
  project.provide('neo4j', target);
  return async () => {
    await local?.dispose();
  };
}
