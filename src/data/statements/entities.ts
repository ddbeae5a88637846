import type { Dialect } from '../../graph/dialect.js';
import { cypher, param, returns, statement } from '../../graph/statement.js';
import { NODE_LABELS, RELATION_TYPES, type NodeLabel } from '../../model/graph.js';
import { Projection } from '../projection.js';
import { entityColumns, summaryColumns, type Column } from './columns.js';
import { fetched, keyed, on, spellings } from './keyed.js';
import { along, linkOf, type Direction } from './links.js';
import { register } from './registry.js';

const perLabel = <T>(spell: (label: NodeLabel) => T) => Object.fromEntries(NODE_LABELS.map((label) => [label, spell(label)])) as Record<NodeLabel, T>;

/**
 * The links of nodes one way, with the far node's summary in the same row (a subgraph draws it without
 * another statement; its whole entity, of whatever label, is one lookup away). A batch takes one statement for a
 * whole frontier of mixed labels (Neo4j seeks each label's id index); a single node seeks its own
 * label's primary key.
 */
function links(dialect: Dialect, direction: Direction, projection: Projection) {
  return eachWay(dialect, direction, [...linkOf(dialect, direction, projection), ...summaryColumns('b', dialect, 'b_')]);
}

/** Relationships one way from nodes of mixed labels (`many`) or one node (`one`, by its label), giving `columns`. */
function eachWay(dialect: Dialect, direction: Direction, columns: Column[]) {
  const spell = (labels: string) =>
    keyed(labels, (start) => on(start, 'a', cypher`MATCH (a)${along(RELATION_TYPES, direction)} RETURN ${returns(...columns)}`));
  return { many: spell(dialect.anyLabel(NODE_LABELS)).many, one: perLabel((label) => spell(`:${label}`).one) };
}

/**
 * The steps a path search takes from nodes one way: only the type, the far node and what its detour
 * needs (its label, a place's level). A third of what a link with its sources and the far node's
 * summary costs Kuzu; the few links a path keeps are read whole once it is found.
 */
function steps(dialect: Dialect, direction: Direction) {
  return eachWay(dialect, direction, [
    ['a.id', 'key'],
    [dialect.relationshipType('r'), 'type'],
    [`'${direction}'`, 'direction'],
    ['b.id', 'other'],
    [dialect.nodeLabel('b'), 'label'],
    ['b.level', 'level'],
  ]);
}

/**
 * The links of the nodes one step from a node: the frontier a neighbourhood's second step reads, found
 * from the start in the same turn as its first. Where the engine walks on from a `WITH`, of at most
 * `$limit` of those nodes along the types `$types`, each node once. Where it would scan instead (see
 * `Dialect.scansAfterWith`), one pattern walks from the start along every type and stops at `$rows`
 * rows; a node reached along several relationships comes once for each, which the links' merge folds.
 * (Kuzu 0.11 filters that pattern's first relationship by `label(t) IN …` against the wrong labels in
 * some databases: a walk along some types only is read step by step.)
 */
function around(dialect: Dialect, direction: Direction, projection: Projection) {
  const first = `-[t:${RELATION_TYPES.join('|')}]-`;
  const links = cypher`MATCH (a)${along(RELATION_TYPES, direction)} RETURN ${returns(...linkOf(dialect, direction, projection), ...summaryColumns('b', dialect, 'b_'))}`;
  return perLabel((label) =>
    statement(
      dialect.scansAfterWith
        ? cypher`MATCH (s:${label} {id: ${param('id')}})${first}(a) ${links} LIMIT ${param('rows')}`
        : cypher`MATCH (s:${label} {id: ${param('id')}}) MATCH (s)${first}(x) WHERE ${dialect.relationshipType('t')} IN ${param('types')} WITH DISTINCT x AS a LIMIT ${param('limit')} ${links}`,
    ),
  );
}

/**
 * The statements behind lookups, evidence and links, spelled for a dialect. Each starts from an id index
 * (see `keyed`), names the relationship types it follows and their direction, and returns the columns
 * it needs (entities' as `projection` reads them), never whole nodes.
 */
export function entityStatements(dialect: Dialect, projection = Projection.ALL) {
  return {
    byIds: perLabel((label) => fetched(label, (start) => on(start, 'n', cypher`RETURN ${returns(...entityColumns(projection, 'n', label))}`))),
    evidence: perLabel((label) =>
      keyed(`:${label}`, (start) =>
        on(
          start,
          'n',
          cypher`MATCH (n)-[m:MENTIONED_IN]->(r:Report) RETURN ${returns(['n.id', 'key'], ['r.id', 'report'], ['m.quote', 'quote'], ...entityColumns(projection, 'r', 'Report', 'r_'))} ORDER BY key, report, quote`,
        ),
      ),
    ),
    links: { OUT: links(dialect, 'OUT', projection), IN: links(dialect, 'IN', projection) },
    steps: { OUT: steps(dialect, 'OUT'), IN: steps(dialect, 'IN') },
    around: { OUT: around(dialect, 'OUT', projection), IN: around(dialect, 'IN', projection) },
  };
}

register('entities', (dialect) => {
  const { byIds, evidence, links, steps, around } = entityStatements(dialect);
  return [
    ...[...Object.values(byIds), ...Object.values(evidence)].flatMap(spellings),
    ...[...Object.values(links), ...Object.values(steps)].flatMap(({ many, one }) => [many, ...Object.values(one)]),
    ...Object.values(around).flatMap((byLabel) => Object.values(byLabel)),
  ];
});
