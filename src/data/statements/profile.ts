import type { Dialect } from '../../graph/dialect.js';
import { cypher, returns, statement } from '../../graph/statement.js';
import { ORG_TREE, PLACE_PATH } from './patterns.js';
import { register } from './registry.js';

const MOST = returns(['max(n)', 'most']);

/** The largest fan-outs and sizes of the graph, measured from it: what the cost limit sizes list fields by, and how a batch of keys is read. */
export function profileStatements(dialect: Dialect) {
  const label = dialect.nodeLabel('a');
  const type = dialect.relationshipType('r');
  const degrees = (pattern: string) =>
    statement(
      cypher`MATCH ${pattern} WITH a, ${type} AS type, count(*) AS n RETURN ${returns([label, 'label'], ['type', 'type'], ['max(n)', 'most'])}`,
    );
  return {
    outDegrees: degrees('(a)-[r]->()'),
    inDegrees: degrees('(a)<-[r]-()'),
    linkSources: statement(cypher`MATCH (a)-[r]->(b) WITH a, b, ${type} AS type, count(*) AS n RETURN ${MOST}`),
    descendants: statement(cypher`MATCH (d:Organization)-[:PART_OF${ORG_TREE}]->(o:Organization) WITH o, count(DISTINCT d) AS n RETURN ${MOST}`),
    ancestors: statement(cypher`MATCH (p:Place)-[:PART_OF${PLACE_PATH.up}]->(a:Place) WITH p, count(DISTINCT a) AS n RETURN ${MOST}`),
    placesPerLevel: statement(cypher`MATCH (p:Place) WITH p.level AS level, count(*) AS n RETURN ${MOST}`),
    units: statement(cypher`MATCH (n:Achievement) WHERE n.unit IS NOT NULL RETURN ${returns(['count(DISTINCT n.unit)', 'most'])}`),
    years: statement(cypher`MATCH (n:Achievement) WHERE n.year IS NOT NULL RETURN ${returns(['count(DISTINCT n.year)', 'most'])}`),
    reports: statement(cypher`MATCH (r:Report) RETURN ${returns(['count(r)', 'most'])}`),
    nodes: statement(cypher`MATCH (a) RETURN ${returns([label, 'label'], ['count(a)', 'most'])}`),
  };
}

register('profile', (dialect) => Object.values(profileStatements(dialect)));
