import type { Params, Read, Row, Statement } from '../graph/statement.js';
import type { GraphStore, ReadOptions } from '../graph/store.js';
import type { GraphProfile } from './profile.js';
import { sharedOf } from './shared.js';
import { JOINED_FROM, ROWS_PER_SEEK, SEEKS_UP_TO, seekParams, type Keyed } from './statements/keyed.js';

/** A read waiting to be sent with the others of its turn. */
interface Queued extends Read {
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The store as one request sees it: turns and waits. Every statement is counted, so tests and
 * benchmarks can check what an operation costs; on a store that sends reads together (`readAll`), the
 * reads a request makes in one turn of the event loop (a level of the query, the fields read ahead
 * beside it) go as one round trip, and those going on from one start with the same parameters find its
 * nodes once (see `combine`).
 */
export class Batch {
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
   * its own statement: the naive one-statement-per-field baseline the benchmark compares against.
   */
  readonly loaderOptions: { batch: boolean; cache: boolean };

  /**
   * `profile` gives the tables' sizes, which decide how a batch of keys is read (see `readKeys`);
   * `together: false` sends each read on its own even where the store takes a turn's reads together.
   */
  constructor(
    readonly store: GraphStore,
    private readonly batching = true,
    private readonly options: ReadOptions = {},
    private readonly profile?: () => Promise<GraphProfile>,
    private readonly together = true,
  ) {
    this.loaderOptions = { batch: batching, cache: batching };
  }

  /** One statement, cut short at the request's deadline. */
  read(statement: Statement, params?: Params): Promise<Row[]> {
    return this.counted({ statement, params });
  }

  /**
   * A whole-graph aggregation (a count under a filter), read once per graph version and kept for every
   * request until the graph changes: the dashboard's charts and a list's pages ask the same few again and
   * again. `alone` sends it as `readAlone` does. The naive baseline reads it every time.
   */
  readOnce(statement: Statement, params: Params, { alone }: { alone: boolean }): Promise<Row[]> {
    const read = () => this.counted({ statement, params }, alone);
    return this.batching ? sharedOf(this.store).memo(`rows:${statement.text}\n${JSON.stringify(params)}`, read) : read();
  }

  /**
   * A query sent on its own, never combined with the turn's other reads: for counts over the whole graph
   * filtered by subqueries, which Neo4j plans in a tenth of a second each but in seconds combined (five
   * took three to five on a slow day), and whose plans, cached by their own text, then serve every
   * request that filters alike.
   */
  readAlone(statement: Statement, params?: Params): Promise<Row[]> {
    return this.counted({ statement, params }, true);
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

  private async counted(read: Read, alone = false): Promise<Row[]> {
    this.statements++;
    const chain = this.answeredChain + 1;
    this.waits = Math.max(this.waits, chain);
    try {
      return await this.send(read, alone);
    } finally {
      this.answeredChain = Math.max(this.answeredChain, chain);
    }
  }

  private send(read: Read, alone: boolean): Promise<Row[]> {
    if (!this.store.readAll || !this.batching || !this.together || alone) {
      this.roundTrips++;
      return this.store.read(read.statement.text, read.params, this.options);
    }
    return new Promise((resolve, reject) => {
      // The turn's other reads are queued by the loaders and resolvers still running: it is sent after them.
      if (!this.queued.length) setImmediate(() => this.flush());
      this.queued.push({ ...read, resolve, reject });
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
        ? this.store.read(only!.statement.text, only!.params, this.options).then((rows) => [rows])
        : this.store.readAll!(batch, this.options);
    answers.then(
      (results) => batch.forEach((queued, i) => queued.resolve(results[i]!)),
      (error: unknown) => batch.forEach((queued) => queued.reject(error)),
    );
  }
}
