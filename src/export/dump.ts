import { DUMP_RELATION_PROPERTIES, dumpProperties, dumpStatements } from '../data/statements/dump.js';
import type { GraphStore, Value } from '../graph/store.js';
import { text } from '../graph/values.js';
import { MENTIONED_IN, NODE_LABELS, type NodeLabel, type RelationType } from '../model/graph.js';

/**
 * The whole graph read for bulk dumps: every node of each label with its stored properties, then every
 * relationship with its type, ends and properties. Each label is one statement whose rows are streamed
 * a chunk at a time (see `GraphStore.stream`): the engine reads each table once, and the dump holds a
 * chunk of the graph as JavaScript values, never the graph. The statements are `dumpStatements`.
 */

/** Rows handed over at a time: small enough to hold, large enough that writing them is few calls. */
export const DUMP_CHUNK = 1000;
/** A label's statement may take long on a large graph (the ×100 one): far longer than a request may, never for ever. */
const DUMP_TIMEOUT_MS = 3_600_000;

/** A stored property's value: a scalar or a list of them. */
export type Scalar = string | number | boolean;
export type DumpValue = Scalar | Scalar[];

/** A node as a dump holds it: its label, id and the properties it has (absent ones left out). */
export interface DumpNode {
  id: string;
  label: NodeLabel;
  properties: Record<string, DumpValue>;
}

/** A relationship as a dump holds it: its type, its ends with their labels, and the properties it has. */
export interface DumpRelationship {
  type: RelationType | typeof MENTIONED_IN;
  start: { id: string; label: NodeLabel };
  end: { id: string; label: NodeLabel };
  properties: Partial<Record<(typeof DUMP_RELATION_PROPERTIES)[number], string>>;
}

/** The row's values of `columns` that are there (null is "not stored" on both engines); anything but scalars and lists of them is a query returning the wrong column. */
function present(row: Record<string, Value>, columns: readonly string[]): Record<string, DumpValue> {
  const properties: Record<string, DumpValue> = {};
  for (const column of columns) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    const scalars = Array.isArray(value) ? value : [value];
    if (scalars.some((v) => v === null || typeof v === 'object'))
      throw new TypeError(`${column}: expected a scalar or a list of them, got ${JSON.stringify(value)}`);
    properties[column] = value as DumpValue;
  }
  return properties;
}

/** Reads a store's graph a chunk at a time: nodes first (label by label, by id), then relationships (by start, type, end). */
export class GraphDump {
  private readonly statements: ReturnType<typeof dumpStatements>;

  constructor(
    private readonly store: GraphStore,
    private readonly chunk = DUMP_CHUNK,
  ) {
    this.statements = dumpStatements(store.dialect);
  }

  /** Every node, a chunk at a time. */
  async *nodes(): AsyncGenerator<DumpNode[]> {
    for (const label of NODE_LABELS) {
      const columns = dumpProperties(label);
      for await (const rows of this.store.stream(this.statements.nodes[label].text, {}, { chunk: this.chunk, timeoutMs: DUMP_TIMEOUT_MS }))
        yield rows.map((row) => ({ id: text(row.id), label, properties: present(row, columns) }));
    }
  }

  /** Every relationship, a chunk at a time. */
  async *relationships(): AsyncGenerator<DumpRelationship[]> {
    for (const label of NODE_LABELS) {
      for await (const rows of this.store.stream(this.statements.relationships[label].text, {}, { chunk: this.chunk, timeoutMs: DUMP_TIMEOUT_MS }))
        yield rows.map((row) => ({
          type: text(row.type) as DumpRelationship['type'],
          start: { id: text(row.startId), label },
          end: { id: text(row.endId), label: text(row.endLabel) as NodeLabel },
          properties: present(row, DUMP_RELATION_PROPERTIES),
        }));
    }
  }
}
