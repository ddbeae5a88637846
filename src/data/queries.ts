import { NODE_LABELS, type NodeLabel } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import type { Start } from './ahead.js';
import { entityQueries, relationQuery, relationReach } from './entities.js';
import { atKey } from './keyed.js';
import { LABEL_FILTERS, LABEL_ORDERS, listQueries } from './lists.js';
import { ACHIEVEMENTS_REACH, RELATED_QUERIES } from './related.js';
import { searchQueries } from './search.js';
import { statsQueries } from './stats.js';
import { STATE_QUERIES, SWEEP_QUERIES } from './maintenance.js';
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
    ...Object.values(entity.byIds),
    ...Object.values(entity.evidence),
    ...Object.values(entity.links).flatMap(({ many, one }) => [many, ...Object.values(one)]),
    ...Object.values(entity.around).flatMap((byLabel) => Object.values(byLabel)),
    ...Object.values(RELATED_QUERIES).flatMap((query) => ('one' in query ? [query] : Object.values(query))),
    ...RELATION_FIELD_NAMES.map((name) => relationQuery(dialect, name)),
  ].flatMap((query) =>
    typeof query === 'string'
      ? [query]
      : [query.one, query.many, ...(query.joined ? [query.joined] : []), ...(query.seeks ? [query.seeks.spelled(2)] : [])],
  );
  // The statements of the fields read ahead from a page of a list (see `Ahead`), and from the nodes a
  // field of the page's items reaches when it carries their fields along.
  const fieldsFrom = (label: NodeLabel, start: Start) => [
    ...RELATION_FIELD_NAMES.filter((name) => name.startsWith(`${label}.`)).map((name) => relationQuery(dialect, name).from(start)),
    ...(label === 'Report' ? [] : [entity.evidence[label].from(start)]),
    ...(label in RELATED_QUERIES.achievementsOf
      ? [RELATED_QUERIES.achievementsOf[label as keyof typeof RELATED_QUERIES.achievementsOf].from(start)]
      : []),
    ...(label === 'Place' ? [RELATED_QUERIES.organizationsIn.from(start), RELATED_QUERIES.ancestors.from(start)] : []),
    ...(label === 'Organization' ? [RELATED_QUERIES.tree.from(start)] : []),
  ];
  const pageOf = (label: NodeLabel) => listQueries(label, [], LABEL_ORDERS[label][0]!).start;
  const reaches = [
    ...RELATION_FIELD_NAMES.flatMap((name) => {
      const reach = relationReach(name);
      return reach ? [{ from: name.slice(0, name.indexOf('.')) as NodeLabel, reach }] : [];
    }),
    ...Object.keys(RELATED_QUERIES.achievementsOf).map((label) => ({ from: label as NodeLabel, reach: ACHIEVEMENTS_REACH })),
  ];
  const fromPages = [
    ...NODE_LABELS.flatMap((label) => fieldsFrom(label, pageOf(label))),
    ...reaches.flatMap(({ from, reach }) => fieldsFrom(reach.label, reach.start(pageOf(from)))),
    ...reaches.flatMap(({ from, reach }) => fieldsFrom(reach.label, reach.start(atKey(`:${from}`)))),
  ];
  return [
    ...new Set([
      ...keyedQueries,
      ...lists,
      ...fromPages,
      ...Object.values(searchQueries(dialect)),
      ...Object.values(statsQueries(dialect)),
      ...Object.values(graphStatusQueries(dialect)),
      ...Object.values(WORKBENCH_QUERIES),
      ...Object.values(SWEEP_QUERIES),
      ...Object.values(STATE_QUERIES),
    ]),
  ];
}

/** The reads among them: every query but the sweep's deletes (what may be sent together, see `combine`). */
export function allReads(dialect: Dialect): string[] {
  const writes = new Set<string>([SWEEP_QUERIES.relationships, SWEEP_QUERIES.nodes, STATE_QUERIES.loading, STATE_QUERIES.loaded]);
  return allQueries(dialect).filter((query) => !writes.has(query));
}
