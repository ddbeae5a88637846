import { NODE_LABELS } from '../model/graph.js';

/**
 * The few places where the embedded engine (Kuzu) and Neo4j spell Cypher differently.
 * Everything else is written once, in the subset both run.
 */
export interface Dialect {
  /** The file under `cypher/schema/` that prepares an empty database. */
  readonly schemaFile: string;
  /** The expression giving a relationship variable's type. */
  relationshipType(variable: string): string;
  /** The expression giving a node variable's label (every node here has exactly one). */
  nodeLabel(variable: string): string;
  /** A node pattern's label part matching any of `labels` (`:A:B` on Kuzu, `:A|B` on Neo4j, where `:A:B` means both). */
  anyLabel(labels: readonly string[]): string;
  /** A node pattern matching every node of the graph, and no bookkeeping node beside it. */
  graphNode(variable: string): string;
  /**
   * Whether a statement going on from the nodes a `WITH` keeps is planned as scans of the tables it
   * reaches (Kuzu 0.11: a frontier of 97 nodes costs 4 ms at the curated size and 43 ms at ×100) rather
   * than as a walk from those nodes: such reads are spelled as one pattern from their start instead.
   */
  readonly scansAfterWith: boolean;
  /**
   * Whether a batch of keys filtered with `IN` costs a scan of the table (Kuzu 0.11), while one key seeks
   * the primary-key index: a few keys of a large table are then sought one by one (see `SEEKS_UP_TO` in `src/data/keyed.ts`).
   */
  readonly scansForKeys: boolean;
  /**
   * The deepest `SKIP` a page may ask for without first knowing the list is that long. Kuzu 0.11's
   * top-k sort crashes the process (SIGSEGV) when `SKIP + LIMIT` passes the rows it sorts by some
   * ten thousand; a deeper page is sent only once its count shows it starts inside the list.
   */
  readonly safeSkip: number;
}

export const kuzuDialect: Dialect = {
  schemaFile: 'kuzu.cypher',
  relationshipType: (r) => `label(${r})`,
  nodeLabel: (n) => `label(${n})`,
  anyLabel: (labels) => `:${labels.join(':')}`,
  graphNode: (n) => `(${n}:${NODE_LABELS.join(':')})`,
  scansAfterWith: true,
  scansForKeys: true,
  safeSkip: 1000,
};

export const neo4jDialect: Dialect = {
  schemaFile: 'neo4j.cypher',
  relationshipType: (r) => `type(${r})`,
  nodeLabel: (n) => `labels(${n})[0]`,
  anyLabel: (labels) => `:${labels.join('|')}`,
  graphNode: (n) => `(${n}:${NODE_LABELS.join('|')})`,
  scansAfterWith: false,
  scansForKeys: false,
  safeSkip: Number.POSITIVE_INFINITY,
};
