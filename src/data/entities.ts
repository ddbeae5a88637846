import DataLoader from 'dataloader';
import { NODE_LABELS, labelOfId, type NodeLabel, type RelationType } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import type { CountingStore } from './counting.js';
import { groupBy, reportIdOf, toEntity, type EntityRecord, type EvidenceRecord, type LinkRecord } from './records.js';

/** The queries behind entity lookups, evidence and links, spelled for a dialect. */
export function entityQueries(dialect: Dialect) {
  const relType = dialect.relationshipType('r');
  const linkColumns = `key, ${relType} AS type, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail`;
  // One query per label, so each starts from the label's id index instead of scanning every table.
  const perLabel = (query: (label: NodeLabel) => string) =>
    Object.fromEntries(NODE_LABELS.map((label) => [label, query(label)])) as Record<NodeLabel, string>;
  return {
    byIds: perLabel((label) => `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n AS node, '${label}' AS label`),
    evidence: perLabel((label) => `UNWIND $ids AS key MATCH (n:${label} {id: key})-[m:MENTIONED_IN]->(r:Report) RETURN key, r.id AS report, m.quote AS quote ORDER BY key, report, quote`),
    links: perLabel((label) => `UNWIND $ids AS key MATCH (a:${label} {id: key})-[r]->(b) WHERE ${relType} <> 'MENTIONED_IN' RETURN 'OUT' AS direction, ${linkColumns}`
      + ` UNION ALL UNWIND $ids AS key MATCH (a:${label} {id: key})<-[r]-(b) WHERE ${relType} <> 'MENTIONED_IN' RETURN 'IN' AS direction, ${linkColumns}`),
  };
}

/** Reads ids label by label (one query per label present), returning all rows together. */
async function byLabel(db: CountingStore, queries: Record<NodeLabel, string>, ids: readonly string[]) {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return (await Promise.all([...groups].map(([label, some]) => db.read(queries[label], { ids: some })))).flat();
}

/** Entities by id, their evidence and their links, each batched per request. */
export class Entities {
  readonly byId: DataLoader<string, EntityRecord | null>;
  readonly evidence: DataLoader<string, EvidenceRecord[]>;
  readonly links: DataLoader<string, LinkRecord[]>;

  constructor(db: CountingStore, dialect: Dialect) {
    const queries = entityQueries(dialect);
    this.byId = new DataLoader(async (ids) => {
      const rows = await byLabel(db, queries.byIds, ids);
      const found = new Map(rows.map((row) => [String((row.node as { id: string }).id), toEntity(row)]));
      return ids.map((id) => found.get(id) ?? null);
    }, db.loaderOptions);
    this.evidence = new DataLoader(async (ids) => {
      const rows = await byLabel(db, queries.evidence, ids);
      return groupBy(ids, rows, 'key', (row) => ({ reportId: String(row.report), quote: String(row.quote) }));
    }, db.loaderOptions);
    this.links = new DataLoader(async (ids) => {
      const rows = await byLabel(db, queries.links, ids);
      return groupBy(ids, rows, 'key', (row) => row).map(mergeLinks);
    }, db.loaderOptions);
  }
}

/** One link per (type, direction, other end), gathering the evidence of every source that states it. */
function mergeLinks(rows: ReadonlyArray<Record<string, unknown>>): LinkRecord[] {
  const links = new Map<string, LinkRecord>();
  for (const row of rows) {
    const key = `${row.type}|${row.direction}|${row.other}`;
    const link: LinkRecord = links.get(key) ?? {
      type: row.type as RelationType, direction: row.direction as 'OUT' | 'IN', otherId: String(row.other),
      role: (row.role as string | null) ?? null, detail: (row.detail as string | null) ?? null, evidence: [],
    };
    if (row.source) link.evidence.push({ reportId: reportIdOf(String(row.source)), quote: String(row.quote ?? '') });
    links.set(key, link);
  }
  return [...links.values()].sort((a, b) => a.type.localeCompare(b.type) || a.otherId.localeCompare(b.otherId));
}
