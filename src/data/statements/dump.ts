/**
 * The whole graph read for bulk dumps (`npm run export`): every node of each label with its stored
 * properties, then every relationship with its type, ends and properties, each label one statement.
 */
import type { Dialect } from '../../graph/dialect.js';
import { cypher, returns, statement, type Statement } from '../../graph/statement.js';
import { NODE_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel } from '../../model/graph.js';
import { register } from './registry.js';

/** Properties left out of dumps: the search text is derived from the names, the seed stamp is bookkeeping (a dump names its graph's version). */
const LEFT_OUT = new Set<string>([SEARCH_TEXT, SEED_STAMP]);

/** The stored properties a dump carries for a label, in the model's order (`id` apart). */
export const dumpProperties = (label: NodeLabel): string[] => Object.keys(NODE_PROPERTIES[label]).filter((p) => !LEFT_OUT.has(p));
/** The relationships' properties a dump carries. */
export const DUMP_RELATION_PROPERTIES = Object.keys(RELATION_PROPERTIES).filter((p) => !LEFT_OUT.has(p)) as Array<
  'source' | 'quote' | 'role' | 'detail'
>;

/** The dump's statements, spelled for a dialect: each label's nodes by id, and the relationships leaving them. */
export function dumpStatements(dialect: Dialect): { nodes: Record<NodeLabel, Statement>; relationships: Record<NodeLabel, Statement> } {
  const nodes = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      statement(
        cypher`MATCH (n:${label}) RETURN ${returns(['n.id', 'id'], ...dumpProperties(label).map((p): [string, string] => [`n.${p}`, p]))} ORDER BY id`,
      ),
    ]),
  ) as Record<NodeLabel, Statement>;
  // Every relationship leaves some node: those leaving the nodes of each label.
  const relationships = Object.fromEntries(
    NODE_LABELS.map((label) => [
      label,
      statement(
        cypher`MATCH (a:${label})-[r]->(b) RETURN ${returns(
          ['a.id', 'startId'],
          [dialect.relationshipType('r'), 'type'],
          ['b.id', 'endId'],
          [dialect.nodeLabel('b'), 'endLabel'],
          ...DUMP_RELATION_PROPERTIES.map((p): [string, string] => [`r.${p}`, p]),
        )} ORDER BY startId, type, endId, source, quote`,
      ),
    ]),
  ) as Record<NodeLabel, Statement>;
  return { nodes, relationships };
}

register('dump', (dialect) => {
  const { nodes, relationships } = dumpStatements(dialect);
  return [...Object.values(nodes), ...Object.values(relationships)];
});
