import type { Dialect } from '../../graph/dialect.js';
import { NODES, cypher, returns } from '../../graph/statement.js';
import { RELATION_FIELDS, type RelationField, type RelationFieldName } from '../../model/fields.js';
import type { NodeLabel } from '../../model/graph.js';
import { Projection } from '../projection.js';
import { entityColumns } from './columns.js';
import { keyed, on, spellings, type Keyed, type Start } from './keyed.js';
import { along, linkOf } from './links.js';
import { register } from './registry.js';

/** The label of a relationship field's parent type (`Organization.children` → Organization). */
export const parentOf = (name: RelationFieldName) => name.slice(0, name.indexOf('.')) as NodeLabel;

/**
 * The statement of one relationship field: typed and directed, and when the far end has one label, its
 * entity comes in the same row (one statement for the field and what it reaches).
 */
export function relationStatement(dialect: Dialect, name: RelationFieldName, projection = Projection.ALL): Keyed {
  const { types, direction, other }: RelationField = RELATION_FIELDS[name];
  const far = other ? entityColumns(projection, 'b', other, 'b_') : [];
  return keyed(`:${parentOf(name)}`, (start) =>
    on(start, 'a', cypher`MATCH (a)${along(types, direction, other)} RETURN ${returns(...linkOf(dialect, direction, projection), ...far)}`),
  );
}

/** The nodes a pattern from `x` to `b` reaches from those `from` finds, each once: a start of its own. */
export const reaching =
  (pattern: string) =>
  (from: Start): Start => ({ via: from, named: 'x', step: cypher`MATCH (x)${pattern} WITH DISTINCT b AS ${NODES}` });

/** The nodes a relationship field reaches, when all are of one label: that label, and their start from the nodes of another. */
export function relationReach(name: RelationFieldName): { label: NodeLabel; start: (from: Start) => Start } | undefined {
  const { types, direction, other }: RelationField = RELATION_FIELDS[name];
  return other && { label: other, start: reaching(along(types, direction, other)) };
}

export const RELATION_FIELD_NAMES = Object.keys(RELATION_FIELDS) as RelationFieldName[];

register('relations', (dialect) => RELATION_FIELD_NAMES.flatMap((name) => spellings(relationStatement(dialect, name))));
