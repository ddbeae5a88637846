import { NODE_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import type { Row, Value } from '../graph/store.js';
import { text } from '../graph/values.js';
import type { EntityRecord, NodeSummary } from './records.js';

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

/** The RETURN columns of a node of any label drawn in a subgraph: its label, name, and kind or level. */
export function summaryColumns(variable: string, dialect: Dialect, prefix = ''): string {
  return `${dialect.nodeLabel(variable)} AS ${prefix}label, ${variable}.name AS ${prefix}name, ${variable}.kind AS ${prefix}kind, ${variable}.level AS ${prefix}level`;
}

/** A node's summary from a row's summary columns. */
export function toSummary(row: Row, prefix = ''): NodeSummary {
  const kind = row[`${prefix}kind`] ?? row[`${prefix}level`] ?? null;
  return { label: row[`${prefix}label`] as NodeLabel, name: text(row[`${prefix}name`]), kind: kind === null ? null : text(kind) };
}

/** Each label's properties beside their column under a prefix, made once: entities are read by the thousand. */
const columnsOf = new Map<string, Array<[property: string, column: string]>>();
function propertyColumns(label: NodeLabel, prefix: string): Array<[string, string]> {
  const key = `${label}|${prefix}`;
  let columns = columnsOf.get(key);
  if (!columns) columnsOf.set(key, (columns = ENTITY_PROPERTIES[label].map((p) => [p, `${prefix}${p}`])));
  return columns;
}

/** An entity record from a row's projected columns. */
export function toEntity(row: Row, label: NodeLabel, prefix = ''): EntityRecord {
  const props: Record<string, Value> = {};
  for (const [property, column] of propertyColumns(label, prefix)) props[property] = row[column] ?? null;
  const id = text(props.id);
  return Object.assign(props, {
    id,
    label,
    name: text(props.name ?? props.title ?? id),
    aliases: (props.aliases as string[] | null) ?? [],
    description: (props.description as string | null) ?? null,
  });
}
