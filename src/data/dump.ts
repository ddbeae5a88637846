import type { Dialect } from '../graph/dialect.js';
import type { GraphStore, Value } from '../graph/store.js';
import { text } from '../graph/values.js';
import { MENTIONED_IN, NODE_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel, type RelationType } from '../model/graph.js';

/**
 * The whole graph read for bulk dumps: every node of each label with its stored properties, then every
 * relationship with its type, ends and properties. Each label is one statement whose rows are streamed
 * a chunk at a time (see `GraphStore.stream`): the engine reads each table once, and the dump holds a
 * chunk of the graph as JavaScript values, never the graph.
 */

/** Properties left out of dumps: the search text is derived from the names, the seed stamp is bookkeeping (a dump names its graph's version). */
const LEFT_OUT = new Set<string>([SEARCH_TEXT, SEED_STAMP]);

/** The stored properties a dump carries for a label, in the model's order (`id` apart). */
export const dumpProperties = (label: NodeLabel): string[] => Object.keys(NODE_PROPERTIES[label]).filter((p) => !LEFT_OUT.has(p));
/** The relationships' properties a dump carries. */
export const DUMP_RELATION_PROPERTIES = Object.keys(RELATION_PROPERTIES).filter((p) => !LEFT_OUT.has(p)) as Array<'source' | 'quote' | 'role' | 'detail'>;

/** Rows handed over at a time: small enough to hold, large enough that writing them is few calls. */
export const DUMP_CHUNK = 1000;
/** A label's statement may take long on a large graph (the ×100 one): far longer than a request may, never for ever. */
const DUMP_TIMEOUT_MS = 3_600_000;

/** The dump's statements, spelled for a dialect. */
export function dumpQueries(dialect: Dialect) {
  const nodes = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      `MATCH (n:${label}) RETURN n.id AS id, ${dumpProperties(label)
        .map((p) => `n.${p} AS ${p}`)
        .join(', ')} ORDER BY id`,
    ]),
  ) as Record<NodeLabel, string>;
  // Every relationship leaves some node: those leaving the nodes of each label.
  const relationships = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      `MATCH (a:${label})-[r]->(b) RETURN a.id AS startId, ${dialect.relationshipType('r')} AS type, ` +
        `b.id AS endId, ${dialect.nodeLabel('b')} AS endLabel, ${DUMP_RELATION_PROPERTIES.map((p) => `r.${p} AS ${p}`).join(', ')} ` +
        'ORDER BY startId, type, endId, source, quote',
    ]),
  ) as Record<NodeLabel, string>;
  return { nodes, relationships };
}

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
    if (scalars.some((v) => v === null || typeof v === 'object')) throw new TypeError(`${column}: expected a scalar or a list of them, got ${JSON.stringify(value)}`);
    properties[column] = value as DumpValue;
  }
  return properties;
}

/** Reads a store's graph a chunk at a time: nodes first (label by label, by id), then relationships (by start, type, end). */
export class GraphDump {
  private readonly queries: ReturnType<typeof dumpQueries>;

  constructor(
    private readonly store: GraphStore,
    private readonly chunk = DUMP_CHUNK,
  ) {
    this.queries = dumpQueries(store.dialect);
  }

  /** Every node, a chunk at a time. */
  async *nodes(): AsyncGenerator<DumpNode[]> {
    for (const label of NODE_LABELS) {
      const columns = dumpProperties(label);
      for await (const rows of this.store.stream(this.queries.nodes[label], {}, { chunk: this.chunk, timeoutMs: DUMP_TIMEOUT_MS }))
        yield rows.map((row) => ({ id: text(row.id), label, properties: present(row, columns) }));
    }
  }

  /** Every relationship, a chunk at a time. */
  async *relationships(): AsyncGenerator<DumpRelationship[]> {
    for (const label of NODE_LABELS) {
      for await (const rows of this.store.stream(this.queries.relationships[label], {}, { chunk: this.chunk, timeoutMs: DUMP_TIMEOUT_MS }))
        yield rows.map((row) => ({
          type: text(row.type) as DumpRelationship['type'],
          start: { id: text(row.startId), label },
          end: { id: text(row.endId), label: text(row.endLabel) as NodeLabel },
          properties: present(row, DUMP_RELATION_PROPERTIES),
        }));
    }
  }
}
