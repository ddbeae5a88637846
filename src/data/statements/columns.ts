import type { Dialect } from '../../graph/dialect.js';
import type { NodeLabel } from '../../model/graph.js';
import type { Projection } from '../projection.js';

/** A column of a `RETURN`: an expression and the name it is returned as. */
export type Column = readonly [expression: string, name: string];

/**
 * The columns of an entity: its properties as `projection` reads them, projected one by one (neither
 * engine shares map projections), each under `<prefix><property>` so several entities fit in one row.
 */
export const entityColumns = (projection: Projection, variable: string, label: NodeLabel, prefix = ''): Column[] =>
  projection.propertyColumns(label, prefix).map(([property, column]) => [`${variable}.${property}`, column]);

/** The columns of a relationship `variable` read as a link, as `projection` reads it (a neighbourhood's edges need no quotes). */
export const linkColumns = (projection: Projection, variable: string): Column[] => projection.linkProperties.map((p) => [`${variable}.${p}`, p]);

/** The columns of a node of any label drawn in a subgraph: its label, names, and kind or level. */
export const summaryColumns = (variable: string, dialect: Dialect, prefix = ''): Column[] => [
  [dialect.nodeLabel(variable), `${prefix}label`],
  ...['name', 'nameEn', 'kind', 'level'].map((p): Column => [`${variable}.${p}`, `${prefix}${p}`]),
];
