/**
 * Rows → records: what each statement's rows become. Entities come in their projected columns (see
 * `Projection`), links with every source stating them, a tree as the entries of its walk.
 */
import type { Row, Value } from '../graph/statement.js';
import { text } from '../graph/values.js';
import { reportIdOf, type NodeLabel, type RelationType } from '../model/graph.js';
import { compareText } from '../text/collation.js';
import type { Projection } from './projection.js';
import type { EntityRecord, LinkRecord, NodeSummary, TreeEntryRecord } from './records.js';

/** An entity record from a row's projected columns (under `prefix`). */
export function toEntity(projection: Projection, row: Row, label: NodeLabel, prefix = ''): EntityRecord {
  const props: Record<string, Value> = {};
  for (const [property, column] of projection.propertyColumns(label, prefix)) props[property] = row[column] ?? null;
  const id = text(props.id);
  return Object.assign(props, {
    id,
    label,
    name: text(props.name ?? props.title ?? id),
    aliases: (props.aliases as string[] | null) ?? [],
    description: (props.description as string | null) ?? null,
  });
}

/** A node's summary from a row's summary columns (under `prefix`). */
export function toSummary(row: Row, prefix = ''): NodeSummary {
  const kind = row[`${prefix}kind`] ?? row[`${prefix}level`] ?? null;
  const nameEn = row[`${prefix}nameEn`] ?? null;
  return {
    label: row[`${prefix}label`] as NodeLabel,
    name: text(row[`${prefix}name`]),
    nameEn: nameEn === null ? null : text(nameEn),
    kind: kind === null ? null : text(kind),
  };
}

/** Groups rows by a key column, keeping the order of `keys` (DataLoader's contract). */
export function groupBy<T>(keys: readonly string[], rows: Row[], key: string, map: (row: Row) => T): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = text(row[key]);
    const list = groups.get(k) ?? [];
    list.push(map(row));
    groups.set(k, list);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** One link per (type, direction, other end), gathering the evidence of every source that states it. */
export function mergeLinks(rows: readonly Row[]): LinkRecord[] {
  const links = new Map<string, LinkRecord>();
  for (const row of rows) {
    const key = `${text(row.type)}|${text(row.direction)}|${text(row.other)}`;
    const link: LinkRecord = links.get(key) ?? {
      type: row.type as RelationType,
      direction: row.direction as 'OUT' | 'IN',
      otherId: text(row.other),
      role: (row.role as string | null) ?? null,
      detail: (row.detail as string | null) ?? null,
      evidence: [],
    };
    // A relationship is one per type, ends and source (seed files merge on them): a row of a source
    // already taken is the same relationship reached again.
    const reportId = row.source ? reportIdOf(text(row.source)) : undefined;
    if (reportId && !link.evidence.some((e) => e.reportId === reportId)) link.evidence.push({ reportId, quote: text(row.quote ?? '') });
    links.set(key, link);
  }
  return [...links.values()].sort((a, b) => compareText(a.type, b.type) || compareText(a.otherId, b.otherId));
}

/** Breadth-first from the root over child → parent edges: each descendant at its smallest depth. */
export function walkTree(root: string, edges: Array<{ id: string; parent: string }>): TreeEntryRecord[] {
  const children = new Map<string, string[]>();
  for (const { id, parent } of edges) children.set(parent, [...(children.get(parent) ?? []), id]);
  const seen = new Set([root]);
  const entries: TreeEntryRecord[] = [];
  let frontier = [root];
  for (let depth = 1; frontier.length; depth++) {
    const next: string[] = [];
    for (const parentId of frontier) {
      for (const id of (children.get(parentId) ?? []).sort()) {
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push({ id, depth, parentId });
        next.push(id);
      }
    }
    frontier = next;
  }
  return entries;
}
