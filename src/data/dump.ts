import type { Dialect } from '../graph/dialect.js';
import type { GraphStore, Value } from '../graph/store.js';
import { text } from '../graph/values.js';
import { MENTIONED_IN, NODE_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel, type RelationType } from '../model/graph.js';

/**
 * The whole graph read in pages, for bulk dumps: every node of each label with its stored properties,
 * then every relationship with its type, ends and properties. Pages are found by key (the ids after the
 * last one read), never by offset, so each costs the same however deep it is, and none holds more than
 * a page of the graph in memory.
 */

/** Properties left out of dumps: the search text is derived from the names, the seed stamp is bookkeeping (a dump names its graph's version). */
const LEFT_OUT = new Set<string>([SEARCH_TEXT, SEED_STAMP]);

/** The stored properties a dump carries for a label, in the model's order (`id` apart). */
export const dumpProperties = (label: NodeLabel): string[] => Object.keys(NODE_PROPERTIES[label]).filter((p) => !LEFT_OUT.has(p));
/** The relationships' properties a dump carries. */
export const DUMP_RELATION_PROPERTIES = Object.keys(RELATION_PROPERTIES).filter((p) => !LEFT_OUT.has(p)) as Array<'source' | 'quote' | 'role' | 'detail'>;

/** Nodes of a page, and start nodes whose relationships a page reads: small enough to hold, large enough to keep round trips few. */
export const DUMP_PAGE = 1000;

/** The dump's statements, spelled for a dialect. */
export function dumpQueries(dialect: Dialect) {
  const nodes = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      `MATCH (n:${label}) WHERE n.id > $after WITH n ORDER BY n.id LIMIT $first RETURN n.id AS id, ${dumpProperties(label)
        .map((p) => `n.${p} AS ${p}`)
        .join(', ')}`,
    ]),
  ) as Record<NodeLabel, string>;
  // Every relationship leaves some node: those leaving the nodes of one label whose ids lie in a page's range.
  const relationships = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      `MATCH (a:${label})-[r]->(b) WHERE a.id > $after AND a.id <= $until RETURN a.id AS startId, ${dialect.relationshipType('r')} AS type, ` +
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

/** Reads a store's graph page by page: nodes first (label by label, by id), then relationships. */
export class GraphDump {
  private readonly queries: ReturnType<typeof dumpQueries>;
  /** For each label, the last id of each page of its nodes read: the ranges relationships are read in. */
  private readonly pageEnds = new Map<NodeLabel, string[]>();

  constructor(
    private readonly store: GraphStore,
    private readonly pageSize = DUMP_PAGE,
  ) {
    this.queries = dumpQueries(store.dialect);
  }

  /** Every node, a page at a time. */
  async *nodes(): AsyncGenerator<DumpNode[]> {
    for (const label of NODE_LABELS) {
      const ends: string[] = [];
      const columns = dumpProperties(label);
      for (let after = ''; ; ) {
        const rows = await this.store.read(this.queries.nodes[label], { after, first: this.pageSize });
        if (!rows.length) break;
        after = text(rows[rows.length - 1]!.id);
        ends.push(after);
        yield rows.map((row) => ({ id: text(row.id), label, properties: present(row, columns) }));
        if (rows.length < this.pageSize) break;
      }
      this.pageEnds.set(label, ends);
    }
  }

  /** Every relationship, a page of start nodes at a time; `nodes()` must have been read first (it finds the pages). */
  async *relationships(): AsyncGenerator<DumpRelationship[]> {
    if (this.pageEnds.size < NODE_LABELS.length) throw new Error('the nodes are read before the relationships: they give the pages');
    for (const label of NODE_LABELS) {
      let after = '';
      for (const until of this.pageEnds.get(label)!) {
        const rows = await this.store.read(this.queries.relationships[label], { after, until });
        after = until;
        if (!rows.length) continue;
        yield rows.map((row) => ({
          type: text(row.type) as DumpRelationship['type'],
          start: { id: text(row.startId), label },
          end: { id: text(row.endId), label: text(row.endLabel) as NodeLabel },
          properties: present(row, DUMP_RELATION_PROPERTIES),
        }));
      }
    }
  }
}
