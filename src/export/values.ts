import { createHash } from 'node:crypto';
import type { DumpRelationship } from './dump.js';
import { MENTIONED_IN, reportIdOf } from '../model/graph.js';

/**
 * A relationship's stable id: the graph keeps none (Kuzu has no relationship ids, Neo4j's are internal and
 * reused), but a relationship is one per type, ends and source (a mention: per quote), so a digest of
 * those names it the same in every dump of the same graph, on either engine.
 */
export function relationshipId(r: DumpRelationship): string {
  const key = [r.type, r.start.id, r.end.id, r.properties.source ?? '', r.properties.quote ?? ''].join('\u0000');
  return `rel:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** The report a relationship is stated in: its `source`, or for a mention the report it points at. */
export function reportOf(r: DumpRelationship): string | undefined {
  if (r.properties.source) return reportIdOf(r.properties.source);
  return r.type === MENTIONED_IN ? r.end.id : undefined;
}

/** How lists (aliases) are written where a format holds only scalars: one value, items joined by this. */
export const LIST_SEPARATOR = ';';

/** A list as one value; an item holding the separator would split in two when read back, so it is refused. */
export function joinList(items: readonly unknown[], what: string): string {
  const strings = items.map(String);
  const bad = strings.find((item) => item.includes(LIST_SEPARATOR));
  if (bad !== undefined) throw new Error(`${what}: the item "${bad}" holds the list separator "${LIST_SEPARATOR}"`);
  return strings.join(LIST_SEPARATOR);
}

/** Items grouped by a key, in the order keys first appear (Node 20 has no `Map.groupBy`). */
export function groupedBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
