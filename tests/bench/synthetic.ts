import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, type NodeLabel } from '../../src/model/graph.js';
import type { KuzuStore } from '../../src/graph/kuzu.js';
import type { GraphStore, Row, Value } from '../../src/graph/store.js';
import { text } from '../../src/graph/values.js';

/**
 * Growing the seeded graph `factor` times with the same shape: copy k of every node but the reports
 * has its id suffixed `#copyk` (copy 0 is the original; curated ids hold `~`), and every relationship joins the copies of its
 * ends. Kuzu loads the copies with COPY from CSV, its bulk path (row-by-row MERGE would take hours at
 * ×100); Neo4j with UNWIND batches of CREATE.
 */
const COPY = '#copy';
const copyId = (id: string, k: number, label: string) => (k === 0 || label === 'Report' ? id : `${id}${COPY}${k}`);
const columnsOf = (label: NodeLabel) => ['id', ...Object.keys(NODE_PROPERTIES[label])];
/** Relationships between two reports (articles of a compilation) exist once: the reports are not copied. */
const copied = (r: Row, k: number) => k === 0 || r.fromLabel !== 'Report' || r.toLabel !== 'Report';
const REL_PROPERTIES = Object.keys(RELATION_PROPERTIES);

/** The original graph (copy 0): nodes by label, and relationships with their ends' labels. */
async function original(source: GraphStore): Promise<{ nodes: Map<NodeLabel, Row[]>; rels: Row[] }> {
  const label = (variable: string) => source.dialect.nodeLabel(variable);
  const nodes = new Map<NodeLabel, Row[]>();
  for (const l of NODE_LABELS) {
    const rows = await source.read(`MATCH (n:${l}) WHERE NOT n.id CONTAINS '${COPY}' RETURN n AS node`);
    nodes.set(
      l,
      rows.map((r) => r.node as Row),
    );
  }
  const rels = await source.read(
    `MATCH (a)-[r]->(b) WHERE NOT a.id CONTAINS '${COPY}' AND NOT b.id CONTAINS '${COPY}' RETURN ${label('a')} AS fromLabel, a.id AS from, ${source.dialect.relationshipType('r')} AS type,` +
      ` ${label('b')} AS toLabel, b.id AS to, ${REL_PROPERTIES.map((p) => `r.${p} AS ${p}`).join(', ')}`,
  );
  return { nodes, rels };
}

/** A CSV field: quoted, lists in Kuzu's `[a,b]` form (list items lose commas and brackets). */
function csv(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  const field = Array.isArray(value) ? `[${value.map((v) => text(v).replace(/[,[\]]/g, ' ')).join(',')}]` : text(value);
  return `"${field.replace(/"/g, '""')}"`;
}

/** Loads `factor` copies of the source's graph into an empty embedded database (schema applied). */
export async function growKuzu(source: KuzuStore, target: KuzuStore, factor: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { nodes, rels } = await original(source);
  for (const [label, rows] of nodes) {
    const lines: string[] = [];
    for (let k = 0; k < (label === 'Report' ? 1 : factor); k++) {
      for (const props of rows)
        lines.push(
          columnsOf(label)
            .map((c) => csv(c === 'id' ? copyId(text(props.id), k, label) : props[c]))
            .join(','),
        );
    }
    const file = join(dir, `${label}.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    await target.applySchema([`COPY ${label} FROM '${file}' (header=false, parallel=false)`]);
  }
  const groups = new Map<string, string[]>();
  for (const r of rels) {
    const key = `${text(r.type)}|${text(r.fromLabel)}|${text(r.toLabel)}`;
    const lines = groups.get(key) ?? [];
    for (let k = 0; k < factor; k++) {
      if (!copied(r, k)) continue;
      const ends = [copyId(text(r.from), k, text(r.fromLabel)), copyId(text(r.to), k, text(r.toLabel))];
      lines.push([...ends, ...REL_PROPERTIES.map((p) => r[p])].map((v) => csv(v as Value)).join(','));
    }
    groups.set(key, lines);
  }
  for (const [key, lines] of groups) {
    const [type, from, to] = key.split('|');
    const file = join(dir, `${type}-${from}-${to}.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    await target.applySchema([`COPY ${type} FROM '${file}' (from='${from}', to='${to}', header=false, parallel=false)`]);
  }
}

const BATCH = 5_000;

async function inBatches(store: GraphStore, cypher: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await store.writeTransaction((tx) => tx.run(cypher, { rows: rows.slice(i, i + BATCH) }), { timeoutMs: 600_000 });
  }
}

/** Adds copies `from` … `to - 1` of the original graph to a Neo4j database that holds it (copy 0). */
export async function growNeo4j(store: GraphStore, from: number, to: number): Promise<void> {
  const { nodes, rels } = await original(store);
  const copies = Array.from({ length: to - from }, (_, i) => from + i);
  for (const [label, rows] of nodes) {
    if (label === 'Report') continue;
    const copiesOf = copies.flatMap((k) => rows.map((props) => ({ ...props, id: copyId(text(props.id), k, label) })));
    await inBatches(store, `UNWIND $rows AS row CREATE (n:${label}) SET n = row`, copiesOf);
  }
  const groups = new Map<string, Row[]>();
  for (const r of rels) {
    const key = `${text(r.type)}|${text(r.fromLabel)}|${text(r.toLabel)}`;
    const props = Object.fromEntries(REL_PROPERTIES.filter((p) => r[p] !== null).map((p) => [p, r[p]!]));
    const rows = groups.get(key) ?? [];
    for (const k of copies.filter((k) => copied(r, k)))
      rows.push({ from: copyId(text(r.from), k, text(r.fromLabel)), to: copyId(text(r.to), k, text(r.toLabel)), props });
    groups.set(key, rows);
  }
  for (const [key, rows] of groups) {
    const [type, fromLabel, toLabel] = key.split('|');
    await inBatches(
      store,
      `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
      rows,
    );
  }
}

/** Removes the copies `growNeo4j` added, leaving the original graph (copy 0). */
export async function shrinkNeo4j(store: GraphStore): Promise<void> {
  for (;;) {
    const [row] = await store.writeTransaction(
      (tx) => tx.run(`MATCH (n) WHERE n.id CONTAINS '${COPY}' WITH n LIMIT ${BATCH} DETACH DELETE n RETURN count(*) AS removed`),
      {
        timeoutMs: 600_000,
      },
    );
    if (!Number(row?.removed)) return;
  }
}
