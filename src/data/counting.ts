import type { GraphStore, Params, ReadOptions, Row } from '../graph/store.js';
import type { Keyed } from './keyed.js';

/**
 * The store as one request sees it: every query is counted, so tests and benchmarks can check how
 * many database round trips an operation costs.
 */
export class CountingStore {
  roundTrips = 0;
  /**
   * The longest chain of statements each sent after the one before it came back: how many times the
   * request waited for the database in turn (statements sent together wait once).
   */
  waits = 0;
  /** The longest chain among the statements answered so far. */
  private answeredChain = 0;
  /**
   * Options for every DataLoader of the request. Batching is on in service; switched off, each load is
   * its own query: the naive one-query-per-field baseline the benchmark compares against.
   */
  readonly loaderOptions: { batch: boolean; cache: boolean };

  constructor(readonly store: GraphStore, batching = true, private readonly options: ReadOptions = {}) {
    this.loaderOptions = { batch: batching, cache: batching };
  }

  /** One query, cut short at the request's deadline. */
  async read(cypher: string, params?: Params): Promise<Row[]> {
    this.roundTrips++;
    const chain = this.answeredChain + 1;
    this.waits = Math.max(this.waits, chain);
    try {
      return await this.store.read(cypher, params, this.options);
    } finally {
      this.answeredChain = Math.max(this.answeredChain, chain);
    }
  }

  /** A keyed statement for these ids, spelled for their number (see `keyed`). */
  readKeys(query: Keyed, ids: readonly string[]): Promise<Row[]> {
    return ids.length === 1 ? this.read(query.one, { id: ids[0]! }) : this.read(query.many, { ids: [...ids] });
  }
}
