import { NODE_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import type { Row, Value } from '../graph/store.js';
import { text } from '../graph/values.js';
import type { EntityRecord } from './records.js';

/** The properties a label's entity is read with: every stored one but the search text and the seed stamp. */
export const ENTITY_PROPERTIES = Object.fromEntries(
  Object.entries(NODE_PROPERTIES).map(([label, props]) => [label, ['id', ...Object.keys(props).filter((p) => p !== SEARCH_TEXT && p !== SEED_STAMP)]]),
) as Record<NodeLabel, string[]>;

/**
 * The RETURN columns of an entity: its properties projected one by one (neither engine shares map
 * projections), each under `<prefix><property>` so several entities fit in one row.
 */
export function entityColumns(variable: string, label: NodeLabel, prefix = ''): string {
  return ENTITY_PROPERTIES[label].map((p) => `${variable}.${p} AS ${prefix}${p}`).join(', ');
}

/** Every property any label's entity is read with, for a variable that may be of any label. */
const ANY_ENTITY_PROPERTIES = [...new Set(Object.values(ENTITY_PROPERTIES).flat())];

/** The RETURN columns of an entity of any label: its label, and every label's properties (absent ones null). */
export function anyEntityColumns(variable: string, dialect: Dialect, prefix = ''): string {
  return [`${dialect.nodeLabel(variable)} AS ${prefix}label`, ...ANY_ENTITY_PROPERTIES.map((p) => `${variable}.${p} AS ${prefix}${p}`)].join(', ');
}

/** An entity record from a row's projected columns. */
export function toEntity(row: Row, label: NodeLabel, prefix = ''): EntityRecord {
  const props: Record<string, Value> = {};
  for (const p of ENTITY_PROPERTIES[label]) props[p] = row[`${prefix}${p}`] ?? null;
  const { id, name, aliases, description, ...rest } = props;
  return {
    ...rest,
    id: text(id),
    label,
    name: text(name ?? rest.title ?? id),
    aliases: (aliases as string[] | null) ?? [],
    description: (description as string | null) ?? null,
  };
}
