import kuzu from 'kuzu';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { kuzuDialect } from './dialect.js';
import {
  DatabaseUnavailableError,
  runInTurn,
  timeLeft,
  type GraphStore,
  type Params,
  type ReadOptions,
  type Row,
  type Transaction,
} from './store.js';
import { fromKuzu } from './values.js';

export interface KuzuOptions {
  /** The database folder; created with its parents when missing. */
  path: string;
  readOnly?: boolean;
  /** Connections kept open for concurrent reads. */
  poolSize?: number;
  /** Per-query time limit in milliseconds (0: none). */
  queryTimeoutMs?: number;
}

/** Kuzu wants a positive time limit: "none" is a day. */
const NO_LIMIT_MS = 86_400_000;

/**
 * Prepared statements a connection keeps, the least recently used dropped first: a statement's columns
 * follow what its operation selects (see `Projection`), so clients can spell ever new ones.
 */
const MAX_PREPARED = 1000;

/**
 * Threads one statement runs on. The engine's default, every core, spends more CPU handing a small
 * statement's work between threads than it saves, and requests running side by side use the cores
 * anyway: on the shipped mix at 8 connections, one thread each took 11 ms of CPU a request against 13.
 */
const THREADS_PER_STATEMENT = 1;

/** A connection with its prepared statements, reused across queries. */
class PooledConnection {
  private readonly prepared = new Map<string, kuzu.PreparedStatement>();
  private timeoutMs = 0;
  constructor(readonly connection: kuzu.Connection) {}

  /** Runs one statement, interrupted by the engine after `timeoutMs` (none when 0). */
  async run(cypher: string, params: Params = {}, timeoutMs = 0): Promise<Row[]> {
    const statement = await this.prepare(cypher);
    this.setTimeout(timeoutMs);
    const results = await this.connection.execute(statement, this.defined(cypher, params));
    try {
      const last = Array.isArray(results) ? results[results.length - 1]! : results;
      // One synchronous read of the whole result: the async reader crosses threads once per row.
      return last.getAllSync().map((row) => fromKuzu(row) as Row);
    } finally {
      closeResults(results);
    }
  }

  /** The engine interrupts a query after `timeoutMs` (none when 0). */
  private setTimeout(timeoutMs: number): void {
    const limit = timeoutMs || NO_LIMIT_MS;
    if (limit !== this.timeoutMs) {
      this.connection.setQueryTimeout(limit);
      this.timeoutMs = limit;
    }
  }

  /** The statement prepared on this connection, kept as the most recently used. */
  private async prepare(cypher: string): Promise<kuzu.PreparedStatement> {
    let statement = this.prepared.get(cypher);
    if (statement) this.prepared.delete(cypher);
    else {
      statement = await this.connection.prepare(cypher);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value!);
    }
    this.prepared.set(cypher, statement);
    return statement;
  }

  /** Kuzu refuses parameters a statement does not use (Neo4j ignores them): only those it names. */
  private defined(cypher: string, params: Params): Record<string, kuzu.KuzuValue> {
    return Object.fromEntries(Object.entries(params).filter(([k, v]) => v !== undefined && cypher.includes(`$${k}`))) as Record<
      string,
      kuzu.KuzuValue
    >;
  }

  /**
   * Runs one statement and hands its rows over `chunk` at a time. Kuzu materializes a result in native
   * memory; only a chunk at a time becomes JavaScript values.
   */
  async *stream(cypher: string, params: Params, chunk: number, timeoutMs: number): AsyncGenerator<Row[]> {
    const statement = await this.prepare(cypher);
    this.setTimeout(timeoutMs);
    const results = await this.connection.execute(statement, this.defined(cypher, params));
    try {
      const result = Array.isArray(results) ? results[results.length - 1]! : results;
      while (result.hasNext()) {
        const rows: Row[] = [];
        while (rows.length < chunk && result.hasNext()) rows.push(fromKuzu(result.getNextSync()) as Row);
        yield rows;
      }
    } finally {
      closeResults(results);
    }
  }

  /** Statements that cannot be prepared (DDL, transaction control) run as plain queries. */
  async exec(statement: string): Promise<void> {
    closeResults(await this.connection.query(statement));
  }
}

/** Results hold native memory tied to the database: closing them early keeps shutdown clean. */
function closeResults(results: kuzu.QueryResult | kuzu.QueryResult[]): void {
  for (const result of Array.isArray(results) ? results : [results]) result.close();
}

/** The embedded engine: Kuzu in this process, on a folder of its own. */
export class KuzuStore implements GraphStore {
  readonly inProcess = true;
  readonly engine = 'kuzu' as const;
  readonly dialect = kuzuDialect;
  private readonly idle: PooledConnection[] = [];
  private readonly waiting: Array<{ resolve: (c: PooledConnection) => void; reject: (e: Error) => void }> = [];
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly size: number;
  /** Called when the last busy connection comes back while closing. */
  private drained?: () => void;

  private constructor(
    private readonly database: kuzu.Database,
    connections: PooledConnection[],
    private readonly queryTimeoutMs: number,
  ) {
    this.idle.push(...connections);
    this.size = connections.length;
  }

  /** Opens (creating when missing) the database folder; a locked or unusable folder is `DatabaseUnavailableError`. */
  static async open(options: KuzuOptions): Promise<KuzuStore> {
    if (!options.readOnly) mkdirSync(dirname(options.path), { recursive: true });
    let database: kuzu.Database | undefined;
    try {
      database = new kuzu.Database(options.path, 0, true, options.readOnly ?? false);
      await database.init();
      const connections: PooledConnection[] = [];
      for (let i = 0; i < (options.poolSize ?? 4); i++) {
        const connection = new kuzu.Connection(database);
        await connection.init();
        connection.setMaxNumThreadForExec(THREADS_PER_STATEMENT);
        connections.push(new PooledConnection(connection));
      }
      return new KuzuStore(database, connections, options.queryTimeoutMs ?? 0);
    } catch (error) {
      await database?.close().catch(() => undefined);
      throw new DatabaseUnavailableError(`cannot open the embedded database at ${options.path}: ${(error as Error).message}`);
    }
  }

  private acquire(): Promise<PooledConnection> {
    if (this.closed) return Promise.reject(new DatabaseUnavailableError('the embedded database is closed'));
    const connection = this.idle.pop();
    return connection ? Promise.resolve(connection) : new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(connection: PooledConnection): void {
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) return next.resolve(connection);
    this.idle.push(connection);
    if (this.closed && this.idle.length === this.size) this.drained?.();
  }

  private async withConnection<T>(work: (c: PooledConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  read(cypher: string, params?: Params, options?: ReadOptions): Promise<Row[]> {
    return this.withConnection((c) => c.run(cypher, params, timeLeft(this.queryTimeoutMs, options)));
  }

  async *stream(cypher: string, params: Params = {}, options: { chunk?: number; timeoutMs?: number } = {}): AsyncGenerator<Row[]> {
    const connection = await this.acquire();
    try {
      yield* connection.stream(cypher, params, options.chunk ?? 1000, options.timeoutMs ?? 0);
    } finally {
      this.release(connection);
    }
  }

  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN TRANSACTION READ ONLY', work);
  }

  writeTransaction<T>(work: (tx: Transaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
    // Kuzu allows one write transaction at a time: queue them instead of failing the second.
    const run = this.writeQueue.then(() => this.transaction('BEGIN TRANSACTION', work, options?.timeoutMs));
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  private transaction<T>(begin: string, work: (tx: Transaction) => Promise<T>, timeoutMs = this.queryTimeoutMs): Promise<T> {
    return this.withConnection(async (c) => {
      await c.exec(begin);
      try {
        const run: Transaction['run'] = (cypher, params) => c.run(cypher, params, timeoutMs);
        const result = await work({ run, runAll: (statements) => runInTurn(run, statements) });
        await c.exec('COMMIT');
        return result;
      } catch (error) {
        await c.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async applySchema(statements: readonly string[]): Promise<void> {
    await this.withConnection(async (c) => {
      for (const statement of statements) await c.exec(statement);
    });
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  /** Closes once every query under way has finished: closing Kuzu under a running query crashes the process. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new DatabaseUnavailableError('the embedded database is closed'));
    if (this.idle.length < this.size)
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    const connections = this.idle.splice(0);
    await Promise.all(connections.map((c) => c.connection.close()));
    await this.database.close();
  }
}
