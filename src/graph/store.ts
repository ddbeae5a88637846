import type { Dialect } from './dialect.js';

/** A plain JavaScript value as both engines' results are turned into. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, Value | undefined>;

/** How long a read may run: it is cut short (the engine interrupts it) at the deadline. */
export interface ReadOptions {
  /** Epoch milliseconds after which the query is interrupted; a read starting later fails at once. */
  deadline?: number;
}

/** Statements run inside one transaction. */
export interface Transaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** The one interface the data-access layer talks to, whatever the engine. */
export interface GraphStore {
  readonly engine: 'kuzu' | 'neo4j';
  readonly dialect: Dialect;
  /** One read query in its own transaction. */
  read(cypher: string, params?: Params, options?: ReadOptions): Promise<Row[]>;
  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
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
