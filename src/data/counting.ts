import type { GraphStore, Params, Row, Transaction } from '../graph/store.js';

/**
 * The store as one request sees it: every query is counted, so tests and benchmarks can check how
 * many database round trips an operation costs.
 */
export class CountingStore {
  roundTrips = 0;
  constructor(readonly store: GraphStore) {}

  read(cypher: string, params?: Params): Promise<Row[]> {
    this.roundTrips++;
    return this.store.read(cypher, params);
  }

  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.store.readTransaction((tx) => work({ run: (c, p) => (this.roundTrips++, tx.run(c, p)) }));
  }
}
