import type { GraphStore } from '../graph/store.js';
import { SWEEP_QUERIES } from './maintenance.js';
import { text } from '../graph/values.js';

/** How long a Neo4j graph's version is trusted before it is read again: another process may reseed it. */
const RECHECK_MS = 5_000;

/**
 * The version of the graph a store holds: the seed stamp every node carries. Whole-graph answers and
 * response caches are keyed by it, so a reseed invalidates them. The embedded graph changes only
 * when this process rebuilds it, so its version is read once; Neo4j's is read again every few seconds.
 */
export class GraphVersion {
  private current?: { value: string; at: number };
  private pending?: Promise<string>;

  constructor(private readonly store: GraphStore) {}

  /** The version now; an unreadable store keeps the last one known (requests will report the store's error). */
  async get(): Promise<string> {
    const fresh = this.current && (this.store.engine === 'kuzu' || Date.now() - this.current.at < RECHECK_MS);
    if (fresh) return this.current!.value;
    this.pending ??= this.store
      .read(SWEEP_QUERIES.stamp)
      .then((rows) => {
        this.current = { value: text(rows[0]?.stamp ?? 'empty'), at: Date.now() };
        return this.current.value;
      })
      .catch((error: unknown) => {
        if (this.current) return this.current.value;
        throw error;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
