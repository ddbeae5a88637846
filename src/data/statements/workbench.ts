import { cypher, param, returns, statement, type Statement } from '../../graph/statement.js';
import { NODE_LABELS, type NodeLabel } from '../../model/graph.js';
import { LABEL_FILTERS, LABEL_ORDERS, type FilterKey } from '../filters.js';
import { filterStages, listStatements } from './lists.js';
import { IN_PLACE } from './patterns.js';
import { register } from './registry.js';

/**
 * The analyst workbench's counts: those the general stats lack, and the stats' counts of one label
 * narrowed by that label's list filters (the stages of `filterStages`, so a count and the list agree).
 */
export const WORKBENCH_STATEMENTS = {
  /** Per year (null for none), how many achievements and how many of them state it. */
  achievementYears: (keys: readonly FilterKey[]): Statement =>
    statement(
      cypher`MATCH (n:Achievement) ${filterStages('Achievement', keys)} RETURN ${returns(['n.year', 'year'], ['count(n)', 'count'], ["sum(CASE WHEN n.periodBasis = 'STATED' THEN 1 ELSE 0 END)", 'stated'])} ORDER BY year`,
    ),
  organizationKinds: (keys: readonly FilterKey[]): Statement =>
    statement(
      cypher`MATCH (n:Organization) ${filterStages('Organization', keys)} RETURN ${returns(['n.kind', 'key'], ['count(n)', 'count'])} ORDER BY count DESC, key`,
    ),
  organizationsByPlace: (keys: readonly FilterKey[]): Statement =>
    statement(
      cypher`MATCH (n:Organization) ${filterStages('Organization', keys)} WITH n MATCH (p:Place) WHERE p.level = ${param('level')} MATCH (n)${IN_PLACE} WITH DISTINCT p, n OPTIONAL MATCH (n)-[:HAS_ACHIEVEMENT]->(a:Achievement) RETURN ${returns(['p.id', 'place'], ['p.name', 'name'], ['count(DISTINCT n)', 'organizations'], ['count(DISTINCT a)', 'achievements'])}`,
    ),
  mentionsByReport: (label: NodeLabel, keys: readonly FilterKey[]): Statement =>
    statement(
      cypher`MATCH (n:${label}) ${filterStages(label, keys)} WITH n MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(r:Report) RETURN ${returns(['r.id', 'report'], ['count(DISTINCT n)', 'count'])}`,
    ),
  count: (label: NodeLabel, keys: readonly FilterKey[]): Statement => listStatements(label, keys, LABEL_ORDERS[label][0]!).count,
};

// Each filter stage is registered with the lists: with none and all of them, every wrapping is here (the
// plain counts are the lists' own).
register('workbench', () => {
  const w = WORKBENCH_STATEMENTS;
  const noneAndAll = (label: NodeLabel) => [[], LABEL_FILTERS[label]];
  return [
    ...noneAndAll('Achievement').map((keys) => w.achievementYears(keys)),
    ...noneAndAll('Organization').flatMap((keys) => [w.organizationKinds(keys), w.organizationsByPlace(keys)]),
    ...NODE_LABELS.flatMap((label) => noneAndAll(label).map((keys) => w.mentionsByReport(label, keys))),
  ];
});
