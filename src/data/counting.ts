import type { Start, Statement } from '../graph/combined.js';
import type { GraphStore, Params, ReadOptions, Row } from '../graph/store.js';
import { JOINED_FROM, ROWS_PER_SEEK, SEEKS_UP_TO, seekParams, type Keyed } from './keyed.js';
import type { GraphProfile } from './profile.js';

/** A read waiting to be sent with the others of its turn. */
interface Queued extends Statement {
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The store as one request sees it. Every query is counted, so tests and benchmarks can check what an
 * operation costs; on a store that sends reads together (`readAll`), the reads a request makes in one
 * turn of the event loop (a level of the query, the fields read ahead beside it) go as one round trip.
 */
export class CountingStore {
  /** Statements the request has sent: the same on every engine. */
  statements = 0;
  /** Trips to the database: one per statement in process, one per batch where reads travel together. */
  roundTrips = 0;
  /**
   * The longest chain of statements each sent after the one before it came back: how many times the
   * request waited for the database in turn (statements sent together wait once).
   */
  waits = 0;
  /** The longest chain among the statements answered so far. */
  private answeredChain = 0;
  private queued: Queued[] = [];
  /**
   * Options for every DataLoader of the request. Batching is on in service; switched off, each load is
   * its own query: the naive one-query-per-field baseline the benchmark compares against.
   */
  readonly loaderOptions: { batch: boolean; cache: boolean };

  /** `profile` gives the tables' sizes, which decide how a batch of keys is read (see `readKeys`). */
  constructor(
    readonly store: GraphStore,
    private readonly batching = true,
    private readonly options: ReadOptions = {},
    private readonly profile?: () => Promise<GraphProfile>,
  ) {
    this.loaderOptions = { batch: batching, cache: batching };
  }

  /** One query, cut short at the request's deadline. */
  read(cypher: string, params?: Params): Promise<Row[]> {
    return this.counted({ cypher, params });
  }

  /**
   * The statement `build` makes from the nodes `start` finds with `params`. Where reads travel together,
   * the statements of a turn with the same start and parameters find its nodes once (see `combine`).
   */
  readFrom(start: Start, params: Params, build: (start: Start) => string): Promise<Row[]> {
    return this.counted({ cypher: build(start), params, from: { start, build } });
  }

  /** A keyed statement for these ids, spelled for their number and, where filtering scans, their table's size (see `keyed`). */
  async readKeys(query: Keyed, ids: readonly string[]): Promise<Row[]> {
    if (ids.length === 1) return this.read(query.one, { id: ids[0]! });
    const { seeks } = query;
    if (seeks && ids.length <= SEEKS_UP_TO && this.store.dialect.scansForKeys && this.profile) {
      // A profile that cannot be read leaves the filter, which is right at any size.
      const rows = await this.profile().then(
        (profile) => profile.nodes(seeks.label),
        () => 0,
      );
      if (rows >= ROWS_PER_SEEK * ids.length) return this.read(seeks.spelled(ids.length), seekParams(ids));
    }
    return this.read(query.joined && ids.length >= JOINED_FROM ? query.joined : query.many, { ids: [...ids] });
  }

  private async counted(statement: Statement): Promise<Row[]> {
    this.statements++;
    const chain = this.answeredChain + 1;
    this.waits = Math.max(this.waits, chain);
    try {
      return await this.send(statement);
    } finally {
      this.answeredChain = Math.max(this.answeredChain, chain);
    }
  }

  private send(statement: Statement): Promise<Row[]> {
    if (!this.store.readAll || !this.batching) {
      this.roundTrips++;
      return this.store.read(statement.cypher, statement.params, this.options);
    }
    return new Promise((resolve, reject) => {
      // The turn's other reads are queued by the loaders and resolvers still running: it is sent after them.
      if (!this.queued.length) setImmediate(() => this.flush());
      this.queued.push({ ...statement, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    this.roundTrips++;
    // A read alone in its turn goes as it is: wrapped, a lookup's one row costs more (0.8 ms against 0.6).
    const [only] = batch;
    const answers =
      batch.length === 1
        ? this.store.read(only!.cypher, only!.params, this.options).then((rows) => [rows])
        : this.store.readAll!(batch, this.options);
    answers.then(
      (results) => batch.forEach((queued, i) => queued.resolve(results[i]!)),
      (error: unknown) => batch.forEach((queued) => queued.reject(error)),
    );
  }
}
