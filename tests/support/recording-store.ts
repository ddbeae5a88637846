import { STATE_STATEMENTS, SWEEP_STATEMENTS } from '../../src/data/statements/maintenance.js';
import { combine, pieces } from '../../src/graph/combined.js';
import { kuzuDialect, neo4jDialect } from '../../src/graph/dialect.js';
import type { Read } from '../../src/graph/statement.js';
import type { GraphStore, Params, ReadOptions, Row, Transaction } from '../../src/graph/store.js';

/** One trip to the database: the statements it carried and, where reads travel together, the statements it sent for them. */
export interface Trip {
  statements: Array<{ cypher: string; params: Params }>;
  /** Neo4j only: what travelled, the trip's statements combined into pieces (see `combine`). */
  combined?: Array<{ cypher: string; params: Params }>;
}

/** A turn: the trips sent before the database answered any of them. */
export type Turn = Trip[];

/**
 * The graph's state, read on a timer by every request's shared version (see `GraphVersion`), not by
 * an operation: sent through, never recorded.
 */
const UNRECORDED = new Set<string>([STATE_STATEMENTS.read.text, SWEEP_STATEMENTS.stamp.text]);

/**
 * The Neo4j spelling of a statement as Kuzu spells it: the only differences are the dialect's (see
 * `Dialect`), so the rows Kuzu gives are those Neo4j would for the same graph.
 */
export function asKuzu(cypher: string): string {
  return cypher
    .replace(/\btype\((\w+)\)/g, 'label($1)')
    .replace(/\blabels\((\w+)\)\[0\]/g, 'label($1)')
    .replace(/\((\w*):(\w+(?:\|\w+)+)/g, (_, variable: string, labels: string) => `(${variable}:${labels.replaceAll('|', ':')}`);
}

/**
 * A store for unit tests that notes every statement sent, its parameters and the turn it was sent in,
 * answering from an embedded Kuzu graph underneath. As `kuzu` it is that engine: in process, a trip per
 * statement. As `neo4j` it speaks Neo4j's dialect and takes reads together (`readAll`), as the Neo4j
 * adapter does, noting the combined statements that adapter would send; each statement is answered by
 * Kuzu in its own spelling (`asKuzu`). A turn's statements are answered together, in the order sent,
 * once the turn is over: the turns, and so what an operation sends, do not depend on how fast the
 * engine is.
 */
export class RecordingStore implements GraphStore {
  readonly engine: 'kuzu' | 'neo4j';
  readonly dialect;
  readonly inProcess: boolean;
  readonly readAll?: (reads: readonly Read[], options?: ReadOptions) => Promise<Row[][]>;
  /** The turns sent since recording started. */
  readonly turns: Turn[] = [];
  private recording = false;
  private open?: Array<{ trip: Trip; answer: () => Promise<Row[][]>; resolve: (rows: Row[][]) => void; reject: (error: unknown) => void }>;

  constructor(
    private readonly inner: GraphStore,
    engine: 'kuzu' | 'neo4j',
  ) {
    this.engine = engine;
    this.dialect = engine === 'kuzu' ? kuzuDialect : neo4jDialect;
    this.inProcess = engine === 'kuzu';
    if (engine === 'neo4j') {
      this.readAll = async (reads) => {
        const trip: Trip = {
          statements: reads.map(({ statement, params = {} }) => ({ cypher: statement.text, params })),
          combined: pieces(reads).map((piece) => {
            const { cypher, params } = combine(piece.map((p) => p.read));
            return { cypher, params };
          }),
        };
        return this.send(trip, () => Promise.all(reads.map(({ statement, params }) => this.answer(statement.text, params))));
      };
    }
  }

  /** Notes what is sent from now on (what was sent before, warming the graph's shared answers, is not). */
  record(): void {
    this.recording = true;
  }

  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    if (UNRECORDED.has(cypher)) return this.answer(cypher, params);
    const [rows] = await this.send({ statements: [{ cypher, params }] }, async () => [await this.answer(cypher, params)]);
    return rows!;
  }

  private answer(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.inner.read(this.engine === 'neo4j' ? asKuzu(cypher) : cypher, params);
  }

  /** A trip of the current turn, answered when the turn is. */
  private send(trip: Trip, answer: () => Promise<Row[][]>): Promise<Row[][]> {
    if (!this.open) {
      const turn = (this.open = []);
      setImmediate(() => void this.endTurn(turn));
    }
    const open = this.open;
    return new Promise((resolve, reject) => open.push({ trip, answer, resolve, reject }));
  }

  private async endTurn(turn: NonNullable<RecordingStore['open']>): Promise<void> {
    this.open = undefined;
    if (this.recording) this.turns.push(turn.map(({ trip }) => trip));
    const answers = await Promise.allSettled(turn.map(({ answer }) => answer()));
    answers.forEach((answer, i) => (answer.status === 'fulfilled' ? turn[i]!.resolve(answer.value) : turn[i]!.reject(answer.reason)));
  }

  /** Bulk reads (dumps) are no operation's: sent through, never recorded. */
  stream(cypher: string, params?: Params, options?: { chunk?: number; timeoutMs?: number }): AsyncGenerator<Row[]> {
    return this.inner.stream(this.engine === 'neo4j' ? asKuzu(cypher) : cypher, params, options);
  }

  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inner.readTransaction(work);
  }

  writeTransaction(): Promise<never> {
    return Promise.reject(new Error('the recording store only reads'));
  }

  applySchema(): Promise<void> {
    return Promise.reject(new Error('the recording store only reads'));
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  /** The inner store is the caller's: it stays open. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
