import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { readCombined } from './combined.js';
import { neo4jDialect } from './dialect.js';
import type { Read } from './statement.js';
import {
  DatabaseUnavailableError,
  StatementError,
  timeLeft,
  type GraphStore,
  type Params,
  type ReadOptions,
  type Row,
  type Transaction,
} from './store.js';
import { fromNeo4j, toNeo4jParams } from './values.js';

export interface Neo4jOptions {
  /** `neo4j://` (routing: clusters, Aura) or `bolt://` (a single server), with `+s`/`+ssc` variants. */
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** Transaction time limit in milliseconds (0: the server's default). */
  transactionTimeoutMs?: number;
  /** How long to wait for a connection before failing (fail fast when the server is away). */
  connectionTimeoutMs?: number;
}

/** Neo4j is away, or refuses this server's credentials (changed, or rate-limited after failures): either way, not the client's fault. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Security.TokenExpired',
]);

/** The production store: a Neo4j server or cluster reached through the official driver. */
export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  readonly dialect = neo4jDialect;
  readonly inProcess = false;
  private readonly driver: Driver;
  private closed = false;

  constructor(private readonly options: Neo4jOptions) {
    const auth = options.username ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      connectionAcquisitionTimeout: options.connectionTimeoutMs ?? 5000,
      connectionTimeout: options.connectionTimeoutMs ?? 5000,
      maxTransactionRetryTime: options.connectionTimeoutMs ?? 5000,
      disableLosslessIntegers: false,
    });
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  /** Runs `work` in a managed transaction that the server ends after `timeoutMs` (its own default when 0). */
  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Transaction) => Promise<T>,
    timeoutMs = this.options.transactionTimeoutMs ?? 0,
  ): Promise<T> {
    if (this.closed) throw new DatabaseUnavailableError('the Neo4j store is closed');
    const config = timeoutMs ? { timeout: timeoutMs } : undefined;
    const session = this.session(mode);
    const wrap = (tx: ManagedTransaction): Transaction => ({
      run: async (cypher, params = {}) => toRows((await tx.run(cypher, toNeo4jParams(params))).records),
      runAll: async (statements) => {
        // Sent together, answered in order: one round trip's wait for the whole batch.
        const pending = statements.map(({ cypher, params = {} }) => tx.run(cypher, toNeo4jParams(params)));
        const settled = await Promise.allSettled(pending);
        const failed = settled.findIndex((s) => s.status === 'rejected');
        if (failed >= 0) throw new StatementError(failed, (settled[failed] as PromiseRejectedResult).reason as Error);
        return settled.map((s) => toRows((s as PromiseFulfilledResult<{ records: Array<{ toObject(): object }> }>).value.records));
      },
    });
    try {
      return mode === 'READ' ? await session.executeRead((tx) => work(wrap(tx)), config) : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One statement as an auto-commit transaction: a single round trip where a managed transaction takes
   * three (begin, run, commit), about half the client's CPU per read. A read changes nothing, so one
   * that fails with a retryable error (a cluster member leaving) is simply sent again, once.
   */
  async read(cypher: string, params?: Params, options?: ReadOptions): Promise<Row[]> {
    if (this.closed) throw new DatabaseUnavailableError('the Neo4j store is closed');
    const timeout = timeLeft(this.options.transactionTimeoutMs ?? 0, options);
    const once = async () => {
      const session = this.session('READ');
      try {
        const result = await session.run(cypher, toNeo4jParams(params ?? {}), timeout ? { timeout } : undefined);
        return toRows(result.records);
      } finally {
        await session.close();
      }
    };
    try {
      try {
        return await once();
      } catch (error) {
        if (!neo4j.isRetryableError(error)) throw error;
        return await once();
      }
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  /** Statements sent together travel as one (see `combine`), a wide batch as a few side by side (see `COMBINED_UP_TO`): one wait. */
  readAll(reads: readonly Read[], options?: ReadOptions): Promise<Row[][]> {
    return readCombined(reads, (cypher, params) => this.read(cypher, params, options));
  }

  /** The driver pulls records a batch at a time as they are consumed (its fetch size), so the server streams them. */
  async *stream(cypher: string, params: Params = {}, options: { chunk?: number; timeoutMs?: number } = {}): AsyncGenerator<Row[]> {
    if (this.closed) throw new DatabaseUnavailableError('the Neo4j store is closed');
    const chunk = options.chunk ?? 1000;
    const session = this.session('READ');
    try {
      let rows: Row[] = [];
      for await (const record of session.run(cypher, toNeo4jParams(params), options.timeoutMs ? { timeout: options.timeoutMs } : undefined)) {
        rows.push(fromNeo4j(record.toObject()) as Row);
        if (rows.length >= chunk) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length) yield rows;
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      await session.close();
    }
  }

  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inSession('READ', work);
  }

  writeTransaction<T>(work: (tx: Transaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
    return this.inSession('WRITE', work, options?.timeoutMs);
  }

  async applySchema(statements: readonly string[]): Promise<void> {
    const session = this.session('WRITE');
    try {
      for (const statement of statements) await session.run(statement);
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.options.database });
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return this.driver.close();
  }
}

function toRows(records: ReadonlyArray<{ toObject(): object }>): Row[] {
  return records.map((record) => fromNeo4j(record.toObject()) as Row);
}

/** Driver errors meaning "the database is not there" become `DatabaseUnavailableError`; others pass through. */
function asUnavailable(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  return code && UNAVAILABLE_CODES.has(code) ? new DatabaseUnavailableError(`Neo4j is unavailable: ${(error as Error).message}`) : error;
}
