import type { Config } from '../config.js';
import { KuzuStore } from './kuzu.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore } from './store.js';

/** Opens the store the configuration names: Neo4j when `NEO4J_URI` is set, the embedded engine otherwise. */
export async function openStore(config: Config, options: { readOnly?: boolean } = {}): Promise<GraphStore> {
  if (config.neo4j) return new Neo4jStore(config.neo4j);
  return KuzuStore.open({ path: config.kuzuPath, readOnly: options.readOnly, queryTimeoutMs: config.queryTimeoutMs });
}
