import type { Dialect } from '../../graph/dialect.js';
import { cypher, param, returns, statement } from '../../graph/statement.js';
import { IN_PLACE, PLACE_PATH } from './patterns.js';
import { register } from './registry.js';

/** How many nodes of `label` have each value of `property`, most first. */
const countsOf = (label: string, property: string, where = '') =>
  statement(cypher`MATCH (n:${label})${where} RETURN ${returns([`n.${property}`, 'key'], ['count(n)', 'count'])} ORDER BY count DESC, key`);

/** The analyst counts, spelled for a dialect. */
export function statsStatements(dialect: Dialect) {
  const label = dialect.nodeLabel('n');
  const mentioned = 'MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(r:Report)';
  const level = param('level');
  return {
    byLabel: statement(cypher`MATCH ${dialect.graphNode('n')} RETURN ${returns([label, 'key'], ['count(n)', 'count'])} ORDER BY count DESC, key`),
    organizationKinds: countsOf('Organization', 'kind'),
    programKinds: countsOf('Program', 'kind'),
    achievementKinds: countsOf('Achievement', 'kind'),
    placeLevels: countsOf('Place', 'level'),
    relationshipTypes: statement(
      cypher`MATCH ()-[r]->() RETURN ${returns([dialect.relationshipType('r'), 'key'], ['count(r)', 'count'])} ORDER BY count DESC, key`,
    ),
    metricUnits: countsOf('Achievement', 'unit', ' WHERE n.value IS NOT NULL AND n.unit IS NOT NULL'),
    organizationsByPlace: statement(
      cypher`MATCH (p:Place) WHERE p.level = ${level} MATCH (o:Organization)${IN_PLACE} RETURN ${returns(['p.id', 'place'], ['p.name', 'name'], ['count(DISTINCT o)', 'count'])}`,
    ),
    achievementsByPlace: statement(
      cypher`MATCH (p:Place) WHERE p.level = ${level} MATCH (a:Achievement)<-[:HAS_ACHIEVEMENT]-(h)${IN_PLACE} RETURN ${returns(['p.id', 'place'], ['collect(DISTINCT a.id)', 'ids'])}`,
    ),
    placeAchievementsByPlace: statement(
      cypher`MATCH (p:Place) WHERE p.level = ${level} MATCH (a:Achievement)<-[:HAS_ACHIEVEMENT]-(:Place)-[:PART_OF${PLACE_PATH.selfAndUp}]->(p) RETURN ${returns(['p.id', 'place'], ['collect(DISTINCT a.id)', 'ids'])}`,
    ),
    byReport: statement(
      cypher`${mentioned} RETURN ${returns(['r.id', 'report'], [label, 'key'], ['count(DISTINCT n)', 'count'])} ORDER BY report, key`,
    ),
  };
}

/** The statements answering `key, count` rows with no parameters. */
export type CountStatement =
  'byLabel' | 'organizationKinds' | 'programKinds' | 'achievementKinds' | 'placeLevels' | 'relationshipTypes' | 'metricUnits';

register('stats', (dialect) => Object.values(statsStatements(dialect)));
