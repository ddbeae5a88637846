import { cypher, returns } from '../../graph/statement.js';
import type { Dialect } from '../../graph/dialect.js';
import { NODE_LABELS, type NodeLabel } from '../../model/graph.js';
import { Projection } from '../projection.js';
import { entityColumns } from './columns.js';
import { keyed, on, spellings, type Keyed } from './keyed.js';
import { ORG_TREE, PLACE_PATH } from './patterns.js';
import { register } from './registry.js';
import { reaching } from './relations.js';

/** The labels that hold achievements. */
export const HOLDERS = ['Organization', 'Program', 'Place', 'Person', 'Event'] as const satisfies readonly NodeLabel[];
export type Holder = (typeof HOLDERS)[number];
export const isHolder = (label: string): label is Holder => (HOLDERS as readonly string[]).includes(label);

/** The achievements the nodes of a start hold, each once: their start (see `reaching`). */
export const reachAchievements = reaching('-[:HAS_ACHIEVEMENT]->(b:Achievement)');

/** Statements reaching past direct links: achievements held, organizations in a place, ancestors, trees; entities as `projection` reads them. */
export const relatedStatements = (projection = Projection.ALL) => ({
  achievementsOf: Object.fromEntries(
    HOLDERS.map((label) => [
      label,
      keyed(`:${label}`, (start) =>
        on(
          start,
          'h',
          cypher`MATCH (h)-[:HAS_ACHIEVEMENT]->(n:Achievement) RETURN ${returns(['h.id', 'key'], ...entityColumns(projection, 'n', 'Achievement'))}`,
        ),
      ),
    ]),
  ) as Record<Holder, Keyed>,
  organizationsIn: keyed(':Place', (start) =>
    on(
      start,
      'p',
      cypher`MATCH (p)<-[:PART_OF${PLACE_PATH.selfAndUp}]-(:Place)<-[:LOCATED_IN]-(n:Organization) RETURN DISTINCT ${returns(['p.id', 'key'], ...entityColumns(projection, 'n', 'Organization'))}`,
    ),
  ),
  ancestors: keyed(':Place', (start) =>
    on(
      start,
      'p',
      cypher`MATCH (p)-[:PART_OF${PLACE_PATH.up}]->(n:Place) RETURN DISTINCT ${returns(['p.id', 'key'], ...entityColumns(projection, 'n', 'Place'))}`,
    ),
  ),
  tree: keyed(':Organization', (start) =>
    on(
      start,
      'o',
      cypher`MATCH (o)<-[:PART_OF${ORG_TREE}]-(d:Organization) WITH DISTINCT o.id AS key, d MATCH (d)-[:PART_OF]->(p:Organization) RETURN ${returns(['key', 'key'], ['d.id', 'id'], ['p.id', 'parent'])}`,
    ),
  ),
});

/**
 * The ids of the places nodes of any label but Place are located in: where a candidate of
 * reconciliation is, without reading its other links. (Going on up the places in the same statement
 * takes Kuzu 0.11 a hundred milliseconds for 30 nodes, against 2 for this and 7 for their ancestors.)
 */
export function locatedIn(dialect: Dialect): Keyed {
  let spelled = locatedInOf.get(dialect);
  if (!spelled)
    locatedInOf.set(
      dialect,
      (spelled = keyed(dialect.anyLabel(NODE_LABELS.filter((label) => label !== 'Place')), (start) =>
        on(start, 'a', cypher`MATCH (a)-[:LOCATED_IN]->(p:Place) RETURN ${returns(['a.id', 'key'], ['p.id', 'id'])}`),
      )),
    );
  return spelled;
}
const locatedInOf = new WeakMap<Dialect, Keyed>();

register('related', (dialect) => {
  const { achievementsOf, organizationsIn, ancestors, tree } = relatedStatements();
  return [...Object.values(achievementsOf), organizationsIn, ancestors, tree, locatedIn(dialect)].flatMap(spellings);
});
