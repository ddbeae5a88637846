import { cypher, returns, statement } from '../../graph/statement.js';
import { register } from './registry.js';

/** The analyst workbench's counts that the general stats lack. */
export const WORKBENCH_STATEMENTS = {
  achievementsByYear: statement(
    cypher`MATCH (n:Achievement) WHERE n.year IS NOT NULL RETURN ${returns(['n.year', 'year'], ['count(n)', 'count'], ["sum(CASE WHEN n.periodBasis = 'STATED' THEN 1 ELSE 0 END)", 'stated'])} ORDER BY year`,
  ),
  achievementsWithoutYear: statement(cypher`MATCH (n:Achievement) WHERE n.year IS NULL RETURN ${returns(['count(n)', 'count'])}`),
};

register('workbench', () => Object.values(WORKBENCH_STATEMENTS));
