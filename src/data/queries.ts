import { NODE_LABELS, type NodeLabel } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import { entityQueries, relationQuery } from './entities.js';
import { LABEL_FILTERS, LABEL_ORDERS, listQueries } from './lists.js';
import { RELATED_QUERIES } from './related.js';
import { searchQueries } from './search.js';
import { statsQueries } from './stats.js';
import { SWEEP_QUERIES } from './maintenance.js';
import { graphStatusQueries } from './status.js';
import { WORKBENCH_QUERIES } from './workbench.js';

/**
 * Every query the data-access layer can send, spelled for a dialect: what the lint test checks. Lists
 * chain fixed condition stages and end in one of fixed orders, so each label's list is listed in each
 * order, and with none, each one, and all of its filters.
 */
const RELATION_FIELD_NAMES = Object.keys(RELATION_FIELDS) as RelationFieldName[];

export function allQueries(dialect: Dialect): string[] {
  const entity = entityQueries(dialect);
  const lists = NODE_LABELS.flatMap((label) => {
    const [first, ...rest] = LABEL_ORDERS[label];
    const filterSets = [[], ...LABEL_FILTERS[label].map((k) => [k]), LABEL_FILTERS[label]];
    return [
      ...filterSets.flatMap((keys) => {
        const { page, count } = listQueries(label, keys, first!);
        return [page, count];
      }),
      ...rest.map((order) => listQueries(label, [], order).page),
    ];
  });
  const keyedQueries = [
    ...Object.values(entity.byIds), ...Object.values(entity.evidence),
    ...Object.values(entity.links).flatMap(({ many, one }) => [many, ...Object.values(one)]),
    ...Object.values(RELATED_QUERIES).flatMap((query) => ('one' in query ? [query] : Object.values(query))),
    ...RELATION_FIELD_NAMES.map((name) => relationQuery(dialect, name)),
  ].flatMap((query) => (typeof query === 'string' ? [query] : [query.one, query.many]));
  // The statements a page of a list sends beside it for its items' fields (see \`Ahead\`).
  const pageOf = (label: NodeLabel) => listQueries(label, [], LABEL_ORDERS[label][0]!).start;
  const fromPages = [
    ...RELATION_FIELD_NAMES.map((name) => relationQuery(dialect, name).from(pageOf(name.slice(0, name.indexOf('.')) as NodeLabel))),
    ...NODE_LABELS.filter((label) => label !== 'Report').map((label) => entity.evidence[label].from(pageOf(label))),
    ...Object.entries(RELATED_QUERIES.achievementsOf).map(([label, query]) => query.from(pageOf(label as NodeLabel))),
    RELATED_QUERIES.organizationsIn.from(pageOf('Place')), RELATED_QUERIES.ancestors.from(pageOf('Place')), RELATED_QUERIES.tree.from(pageOf('Organization')),
  ];
  return [...new Set([
    ...keyedQueries, ...lists, ...fromPages,
    ...Object.values(searchQueries(dialect)), ...Object.values(statsQueries(dialect)), ...Object.values(graphStatusQueries(dialect)),
    ...Object.values(WORKBENCH_QUERIES), ...Object.values(SWEEP_QUERIES),
  ])];
}
