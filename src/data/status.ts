import type { Dialect } from '../graph/dialect.js';
import type { GraphStore } from '../graph/store.js';

/** Queries telling what the store holds: whether the graph is there, and its counts and ids for the integrity check. */
export function graphStatusQueries(dialect: Dialect) {
  return {
    reportCount: 'MATCH (r:Report) RETURN count(r) AS reports',
    labels: `MATCH ${dialect.graphNode('n')} RETURN ${dialect.nodeLabel('n')} AS key, count(n) AS count`,
    relationships: `MATCH ()-[r]->() RETURN ${dialect.relationshipType('r')} AS key, count(r) AS count`,
    ids: `MATCH ${dialect.graphNode('n')} RETURN n.id AS id`,
  };
}

/** Whether the seed graph is in the store: it always holds the source reports. */
export async function isGraphLoaded(store: GraphStore): Promise<boolean> {
  const [row] = await store.read(graphStatusQueries(store.dialect).reportCount);
  return Number(row?.reports ?? 0) > 0;
}
