import type { Dialect } from './dialect.js';
import type { Params, Read, Row } from './statement.js';

export type { Params, Row, Value } from './statement.js';

/** How long a read may run: it is cut short (the engine interrupts it) at the deadline. */
export interface ReadOptions {
  /** Epoch milliseconds after which the query is interrupted; a read starting later fails at once. */
  deadline?: number;
}

/** Statements run inside one transaction. */
export interface Transaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
  /**
   * Runs statements in order and returns each one's rows; Neo4j pipelines them on the connection
   * instead of waiting a round trip for each. Fails with `StatementError` naming the first that failed.
   */
  runAll(statements: ReadonlyArray<{ cypher: string; params?: Params }>): Promise<Row[][]>;
}

/** A statement of a `runAll` batch that failed: its position and the engine's error. */
export class StatementError extends Error {
  override readonly name = 'StatementError';
  constructor(
    readonly index: number,
    override readonly cause: Error,
  ) {
    super(cause.message);
  }
}

/** `runAll` for engines that take one statement at a time. */
export async function runInTurn(run: Transaction['run'], statements: ReadonlyArray<{ cypher: string; params?: Params }>): Promise<Row[][]> {
  const results: Row[][] = [];
  for (const [index, { cypher, params }] of statements.entries()) {
    try {
      results.push(await run(cypher, params));
    } catch (error) {
      throw new StatementError(index, error as Error);
    }
  }
  return results;
}

/** The one interface the data-access layer talks to, whatever the engine. */
export interface GraphStore {
  readonly engine: 'kuzu' | 'neo4j';
  readonly dialect: Dialect;
  /**
   * Queries run in this process, with no network between: a wait for one costs less than work the
   * database would repeat to save it (see `Lists.page`).
   */
  readonly inProcess: boolean;
  /** One read query in its own transaction. */
  read(cypher: string, params?: Params, options?: ReadOptions): Promise<Row[]>;
  /**
   * Read queries sent together as one, each one's rows in turn: an engine across a network offers it
   * (one round trip for a batch, its rows as value lists, which also decode faster than a record per
   * row when there are many); one in process has nothing to save, so reads stay separate there.
   */
  readAll?(reads: readonly Read[], options?: ReadOptions): Promise<Row[][]>;
  /**
   * One read query's rows in chunks of `chunk`, converted as they are read, for reads of a whole table
   * (bulk dumps): the rows are never all held as JavaScript values at once. `timeoutMs` limits it (when
   * absent: none on Kuzu, the server's default on Neo4j); leaving the loop early ends the query.
   */
  stream(cypher: string, params?: Params, options?: { chunk?: number; timeoutMs?: number }): AsyncGenerator<Row[]>;
  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one write transaction: committed when it resolves, rolled back when it throws.
   * `timeoutMs` replaces the store's query time limit (loading a seed file takes longer than a read).
   */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Runs schema statements one by one, each in its own transaction (both engines want DDL alone). */
  applySchema(statements: readonly string[]): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A read that reached its deadline: before it started, or interrupted by the engine. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor() {
    super('the request ran out of time');
  }
}

/** The milliseconds a read may still take: the engine's own limit, shortened to the deadline. */
export function timeLeft(limitMs: number, options?: ReadOptions): number {
  if (options?.deadline === undefined) return limitMs;
  const left = options.deadline - Date.now();
  if (left <= 0) throw new DeadlineError();
  return limitMs ? Math.min(limitMs, left) : left;
}

/** A failure of the database itself (unreachable, locked), as opposed to a bad query. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}
