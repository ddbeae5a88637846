/**
 * The statements of the fields read ahead (see `Plan`), spelled from the starts they go on from: a page
 * of a list, a node looked up by id, and the nodes a field reaches from either. Nothing here is sent
 * as such: the plan spells the same from each field's own statement. It registers every such spelling.
 */
import type { Statement } from '../../graph/statement.js';
import { NODE_LABELS, type NodeLabel } from '../../model/graph.js';
import { LABEL_ORDERS } from '../filters.js';
import { entityStatements } from './entities.js';
import { atKey, type Start } from './keyed.js';
import { listStatements } from './lists.js';
import { register } from './registry.js';
import { HOLDERS, isHolder, reachAchievements, relatedStatements } from './related.js';
import { RELATION_FIELD_NAMES, parentOf, relationReach, relationStatement } from './relations.js';

register('read-ahead', (dialect) => {
  const { evidence } = entityStatements(dialect);
  const related = relatedStatements();
  /** Every field of a label's nodes with a statement of its own, from a start. */
  const fieldsFrom = (label: NodeLabel, start: Start): Statement[] =>
    [
      ...RELATION_FIELD_NAMES.filter((name) => parentOf(name) === label).map((name) => relationStatement(dialect, name)),
      ...(label === 'Report' ? [] : [evidence[label]]),
      ...(isHolder(label) ? [related.achievementsOf[label]] : []),
      ...(label === 'Place' ? [related.organizationsIn, related.ancestors] : []),
      ...(label === 'Organization' ? [related.tree] : []),
    ].map((keyed) => keyed.from(start));
  const pageOf = (label: NodeLabel) => listStatements(label, [], LABEL_ORDERS[label][0]!).start;
  const reaches = [
    ...RELATION_FIELD_NAMES.flatMap((name) => {
      const reach = relationReach(name);
      return reach ? [{ from: parentOf(name), to: reach.label, start: reach.start }] : [];
    }),
    ...HOLDERS.map((from) => ({ from, to: 'Achievement' as const, start: reachAchievements })),
  ];
  return [
    ...NODE_LABELS.flatMap((label) => fieldsFrom(label, pageOf(label))),
    ...reaches.flatMap(({ from, to, start }) => [...fieldsFrom(to, start(pageOf(from))), ...fieldsFrom(to, start(atKey(`:${from}`)))]),
  ];
});
