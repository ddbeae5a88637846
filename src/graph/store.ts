import type { Dialect } from './dialect.js';

/** A plain JavaScript value as both engines' results are turned into. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, Value | undefined>;

/** Statements run inside one transaction. */
export interface Transaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** The one interface the data-access layer talks to, whatever the engine. */
export interface GraphStore {
  readonly engine: 'kuzu' | 'neo4j';
  readonly dialect: Dialect;
  /** One read query in its own transaction. */
  read(cypher: string, params?: Params): Promise<Row[]>;
  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs schema statements one by one, each in its own transaction (both engines want DDL alone). */
  applySchema(statements: readonly string[]): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A failure of the database itself (unreachable, locked), as opposed to a bad query. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}
