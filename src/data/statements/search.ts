import type { Dialect } from '../../graph/dialect.js';
import { cypher, returns, statement } from '../../graph/statement.js';
import { register } from './registry.js';

/** What the search index is built from: every entity's names and texts, and every evidence quote. */
export function searchStatements(dialect: Dialect) {
  return {
    texts: statement(
      cypher`MATCH ${dialect.graphNode('n')} RETURN ${returns(
        ['n.id', 'id'],
        ['n.name', 'name'],
        ['n.aliases', 'aliases'],
        ['n.nameEn', 'nameEn'],
        ['n.aliasesEn', 'aliasesEn'],
        ['n.searchText', 'text'],
        [dialect.nodeLabel('n'), 'label'],
      )}`,
    ),
    mentions: statement(cypher`MATCH (n)-[m:MENTIONED_IN]->(r:Report) RETURN ${returns(['n.id', 'id'], ['r.id', 'report'], ['m.quote', 'quote'])}`),
    articles: statement(cypher`MATCH (a:Report)-[:PART_OF]->(r:Report) RETURN ${returns(['a.id', 'article'], ['r.id', 'report'])}`),
  };
}

register('search', (dialect) => Object.values(searchStatements(dialect)));
