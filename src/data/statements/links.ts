import type { Dialect } from '../../graph/dialect.js';
import type { NodeLabel, RelationType } from '../../model/graph.js';
import type { Projection } from '../projection.js';
import { linkColumns, type Column } from './columns.js';

export type Direction = 'OUT' | 'IN';

/** A pattern from `a` along some relationship types, one way, to `b` (of a label when given). */
export const along = (types: readonly RelationType[], direction: Direction, other?: NodeLabel) =>
  `${direction === 'OUT' ? '-' : '<-'}[r:${types.join('|')}]${direction === 'OUT' ? '->' : '-'}(b${other ? `:${other}` : ''})`;

/** The columns of one relationship `r` seen from `a`: its type and direction, the far end `b`, and its source and qualifiers as `projection` reads them. */
export const linkOf = (dialect: Dialect, direction: Direction, projection: Projection): Column[] => [
  ['a.id', 'key'],
  [dialect.relationshipType('r'), 'type'],
  [`'${direction}'`, 'direction'],
  ['b.id', 'other'],
  ...linkColumns(projection, 'r'),
];
