import type { GraphStore } from '../graph/store.js';

export const STATUS_QUERIES = {
  reportCount: 'MATCH (r:Report) RETURN count(r) AS reports',
} as const;

/** Whether the seed graph is in the store: it always holds the source reports. */
export async function isGraphLoaded(store: GraphStore): Promise<boolean> {
  const [row] = await store.read(STATUS_QUERIES.reportCount);
  return Number(row?.reports ?? 0) > 0;
}
