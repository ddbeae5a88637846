import type { GraphStore } from '../graph/store.js';
import { text } from '../graph/values.js';
import { STATE_STATEMENTS, SWEEP_STATEMENTS } from './statements/maintenance.js';

/** How long a Neo4j graph's version is trusted before it is read again: another process may reseed it. */
const RECHECK_MS = 5_000;

/** A load is under way: the graph is neither the old one nor the new one, and no answer may be kept. */
export class GraphLoadingError extends Error {
  override readonly name = 'GraphLoadingError';
  constructor() {
    super('the graph is being reseeded');
  }
}

/**
 * The version of the graph a store holds, as its last complete load recorded it (see `GRAPH_STATE`);
 * a graph loaded without that record (by hand, with cypher-shell) is known by its seed stamp. Whole-graph
 * answers and response caches are keyed by it, so a reseed invalidates them, and while a load is under
 * way `get` refuses, so nothing computed from a half-loaded graph is kept. The embedded graph changes only
 * when this process rebuilds it, so its version is read once; Neo4j's is read again every few seconds.
 */
export class GraphVersion {
  private current?: { value: string; loading: boolean; at: number };
  private pending?: Promise<{ value: string; loading: boolean }>;

  constructor(private readonly store: GraphStore) {}

  /** The version now; `GraphLoadingError` while a load is under way. An unreadable store keeps the last one known (requests will report the store's error). */
  async get(): Promise<string> {
    const { value, loading } = await this.state();
    if (loading) throw new GraphLoadingError();
    return value;
  }

  /** The version and whether a load is under way. */
  async state(): Promise<{ value: string; loading: boolean }> {
    const fresh = this.current && (this.store.engine === 'kuzu' || Date.now() - this.current.at < RECHECK_MS);
    if (fresh) return this.current!;
    this.pending ??= this.read()
      .then((state) => (this.current = { ...state, at: Date.now() }))
      .catch((error: unknown) => {
        if (this.current) return this.current;
        throw error;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async read(): Promise<{ value: string; loading: boolean }> {
    const [row] = await this.store.read(STATE_STATEMENTS.read.text);
    if (row?.version !== null && row?.version !== undefined) return { value: text(row.version), loading: text(row.state) !== 'ready' };
    const [stamped] = await this.store.read(SWEEP_STATEMENTS.stamp.text);
    // A first load under way has marked its state but given no version yet.
    return { value: text(stamped?.stamp ?? 'empty'), loading: row?.state === 'loading' };
  }
}
